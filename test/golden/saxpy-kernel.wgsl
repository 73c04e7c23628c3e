// numbat kernel saxpy: WGSL compute shader (float32)

struct NbParams {
  a_0: i32,
  n_3: i32,
}

@group(0) @binding(0) var<storage, read> x_1: array<f32>;
@group(0) @binding(1) var<storage, read_write> y_2: array<f32>;
@group(0) @binding(2) var<uniform> nb_p: NbParams;

@compute @workgroup_size(64, 1, 1)
fn main(@builtin(global_invocation_id) nb_gid: vec3<u32>) {
  let a_0 = nb_p.a_0;
  let n_3 = nb_p.n_3;
  let i_4 = i32(nb_gid.x);
  if (i_4 < n_3) {
    y_2[i_4] = f32(a_0) * x_1[i_4] + y_2[i_4];
  }
}
