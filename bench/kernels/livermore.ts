// Livermore loops (McMahon's "Livermore Fortran Kernels", from their C translation), written as that
// source writes them: outputs passed in, its loop orders, its constants. Loops 8, 13-18 and 20 (3-D
// arrays of structs, indirect particle pushes, gotos) are left out. bench/textbook_numba.py holds the
// Numba twin of each function, under the same name.

/* eslint-disable @typescript-eslint/no-non-null-assertion */

/** 1: hydro fragment. */
export function lk1(x: Float64Array, y: Float64Array, z: Float64Array, q: number, r: number, t: number, n: number): void {
  for (let k = 0; k < n; k++) x[k] = q + y[k]! * (r * z[k + 10]! + t * z[k + 11]!);
}

/** 2: incomplete Cholesky conjugate gradient excerpt (halving strides). */
export function lk2(x: Float64Array, v: Float64Array, n: number): void {
  let ii = n;
  let ipntp = 0;
  do {
    const ipnt = ipntp;
    ipntp += ii;
    ii = (ii / 2) | 0;
    let i = ipntp - 1;
    for (let k = ipnt + 1; k < ipntp; k = k + 2) {
      i++;
      x[i] = x[k]! - v[k]! * x[k - 1]! - v[k + 1]! * x[k + 1]!;
    }
  } while (ii > 0);
}

/** 3: inner product. */
export function lk3(x: Float64Array, z: Float64Array, n: number): number {
  let q = 0;
  for (let k = 0; k < n; k++) q += z[k]! * x[k]!;
  return q;
}

/** 4: banded linear equations. */
export function lk4(x: Float64Array, y: Float64Array, n: number): void {
  const m = ((n - 7) / 2) | 0;
  for (let k = 6; k < n; k = k + m) {
    let lw = k - 6;
    let temp = x[k - 1]!;
    for (let j = 4; j < n; j = j + 5) {
      temp -= x[lw]! * y[j]!;
      lw++;
    }
    x[k - 1] = y[4]! * temp;
  }
}

/** 5: tri-diagonal elimination, below diagonal (a first-order recurrence). */
export function lk5(x: Float64Array, y: Float64Array, z: Float64Array, n: number): void {
  for (let i = 1; i < n; i++) x[i] = z[i]! * (y[i]! - x[i - 1]!);
}

/** 6: general linear recurrence equations (triangular: k < i), b[k][i] row-major. */
export function lk6(w: Float64Array, b: Float64Array, n: number): void {
  for (let i = 1; i < n; i++) {
    w[i] = 0.01;
    for (let k = 0; k < i; k++) w[i] += b[k * n + i]! * w[i - k - 1]!;
  }
}

/** 7: equation of state fragment. */
export function lk7(x: Float64Array, y: Float64Array, z: Float64Array, u: Float64Array, q: number, r: number, t: number, n: number): void {
  for (let k = 0; k < n; k++)
    x[k] = u[k]! + r * (z[k]! + r * y[k]!) +
      t * (u[k + 3]! + r * (u[k + 2]! + r * u[k + 1]!) + t * (u[k + 6]! + q * (u[k + 5]! + q * u[k + 4]!)));
}

/** 9: integrate predictors, px[i][0..24] row-major. */
export function lk9(px: Float64Array, n: number): void {
  const dm22 = 0.2, dm23 = 0.3, dm24 = 0.4, dm25 = 0.5, dm26 = 0.6, dm27 = 0.7, dm28 = 0.8, c0 = 0.05;
  for (let i = 0; i < n; i++) {
    const p = i * 25;
    px[p] = dm28 * px[p + 12]! + dm27 * px[p + 11]! + dm26 * px[p + 10]! + dm25 * px[p + 9]! + dm24 * px[p + 8]! +
      dm23 * px[p + 7]! + dm22 * px[p + 6]! + c0 * (px[p + 4]! + px[p + 5]!) + px[p + 2]!;
  }
}

/** 10: difference predictors, px and cx [n][25] row-major. */
export function lk10(px: Float64Array, cx: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    const p = i * 25;
    let ar = cx[p + 4]!;
    let br = ar - px[p + 4]!;
    px[p + 4] = ar;
    let cr = br - px[p + 5]!;
    px[p + 5] = br;
    ar = cr - px[p + 6]!;
    px[p + 6] = cr;
    br = ar - px[p + 7]!;
    px[p + 7] = ar;
    cr = br - px[p + 8]!;
    px[p + 8] = br;
    ar = cr - px[p + 9]!;
    px[p + 9] = cr;
    br = ar - px[p + 10]!;
    px[p + 10] = ar;
    cr = br - px[p + 11]!;
    px[p + 11] = br;
    px[p + 13] = cr - px[p + 12]!;
    px[p + 12] = cr;
  }
}

/** 11: first sum (prefix sum). */
export function lk11(x: Float64Array, y: Float64Array, n: number): void {
  x[0] = y[0]!;
  for (let k = 1; k < n; k++) x[k] = x[k - 1]! + y[k]!;
}

/** 12: first difference. */
export function lk12(x: Float64Array, y: Float64Array, n: number): void {
  for (let k = 0; k < n; k++) x[k] = y[k + 1]! - y[k]!;
}

/** 19: general linear recurrence, forward then backward. */
export function lk19(b5: Float64Array, sa: Float64Array, sb: Float64Array, n: number): void {
  let stb5 = 0;
  for (let k = 0; k < n; k++) {
    b5[k] = sa[k]! + stb5 * sb[k]!;
    stb5 = b5[k]! - stb5;
  }
  for (let i = 1; i <= n; i++) {
    const k = n - i;
    b5[k] = sa[k]! + stb5 * sb[k]!;
    stb5 = b5[k]! - stb5;
  }
}

/** 21: matrix * matrix product, px[j][i] += vy[k][i] * cx[j][k] over k, i, j (j innermost, strided). */
export function lk21(px: Float64Array, vy: Float64Array, cx: Float64Array, n: number): void {
  for (let k = 0; k < 25; k++)
    for (let i = 0; i < 25; i++)
      for (let j = 0; j < n; j++) px[j * 25 + i] += vy[k * 25 + i]! * cx[j * 25 + k]!;
}

/** 22: Planckian distribution. */
export function lk22(w: Float64Array, x: Float64Array, y: Float64Array, u: Float64Array, v: Float64Array, n: number): void {
  for (let k = 0; k < n; k++) {
    y[k] = u[k]! / v[k]!;
    w[k] = x[k]! / (Math.exp(y[k]!) - 1);
  }
}

/** 23: 2-D implicit hydrodynamics fragment, [7][n] row-major, updated in place (a sweep). */
export function lk23(za: Float64Array, zb: Float64Array, zr: Float64Array, zu: Float64Array, zv: Float64Array, zz: Float64Array, n: number): void {
  for (let j = 1; j < 6; j++)
    for (let k = 1; k < n - 1; k++) {
      const c = j * n + k;
      const qa = za[c + n]! * zr[c]! + za[c - n]! * zb[c]! + za[c + 1]! * zu[c]! + za[c - 1]! * zv[c]! + zz[c]!;
      za[c] += 0.175 * (qa - za[c]!);
    }
}

/** 24: location of the first minimum. */
export function lk24(x: Float64Array, n: number): number {
  let m = 0;
  for (let k = 1; k < n; k++) if (x[k]! < x[m]!) m = k;
  return m;
}
