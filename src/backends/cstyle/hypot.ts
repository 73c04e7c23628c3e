// Math.hypot in C, as V8 computes it (builtins/math.tq): scale by the largest magnitude, then a
// Kahan-compensated sum of squares. One text for the native prelude (double) and CUDA's (a template).

/** The body of a C function over `n` values `v[]`, in the target's spelling of its types and functions. */
export function hypotBody(s: { T: string; int: string; fabs: string; sqrt: string; inf: string; nan: string }): string {
  const { T, int, fabs, sqrt, inf, nan } = s;
  return `  ${T} max = 0;
  ${int} nan = 0;
  for (${int} i = 0; i < n; i++) {
    if (v[i] != v[i]) nan = 1;
    else if (${fabs}(v[i]) > max) max = ${fabs}(v[i]);
  }
  if (max == ${inf}) return ${inf};
  if (nan) return ${nan};
  if (max == 0) return 0;
  ${T} sum = 0, compensation = 0;
  for (${int} i = 0; i < n; i++) {
    ${T} r = ${fabs}(v[i]) / max;
    ${T} summand = r * r - compensation;
    ${T} preliminary = sum + summand;
    compensation = (preliminary - sum) - summand;
    sum = preliminary;
  }
  return ${sqrt}(sum) * max;`;
}
