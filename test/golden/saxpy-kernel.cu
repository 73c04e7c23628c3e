/* numbat CUDA kernel saxpy (generated; f32 arithmetic) */
/* CUDA_PRELUDE: backends/cuda/prelude.ts */
typedef struct { float *ptr; int64_t len; } nb_f32_vec;

extern "C" __global__ void __launch_bounds__(64) nbk_saxpy_kernel(int64_t a_0, float *x_1_ptr, int64_t x_1_len, float *y_2_ptr, int64_t y_2_len, int64_t n_3) {
  nb_f32_vec x_1 = { x_1_ptr, x_1_len };
  nb_f32_vec y_2 = { y_2_ptr, y_2_len };
  int64_t i_4 = 0;
  i_4 = (int64_t)blockIdx.x * 64 + threadIdx.x;
  if (i_4 < n_3) {
    y_2.ptr[i_4] = (float)a_0 * x_1.ptr[i_4] + y_2.ptr[i_4];
  }
}
