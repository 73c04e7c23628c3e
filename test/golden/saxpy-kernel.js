// A GPU kernel (kernel(), docs/kernels.md): one thread per element. Printed as WGSL and CUDA C;
// run on the simulator against the same function called once per thread.
export default function saxpy(a, x, y, n) {
  const i = gpu.globalId.x;
  if (i < n) y[i] = a * x[i] + y[i];
}

export const kernel = { groupSize: 64, float: "f32" };
export const args = () => [3, Float32Array.from({ length: 100 }, (_, i) => i / 4), Float32Array.from({ length: 100 }, (_, i) => 2 - i / 8), 100];
