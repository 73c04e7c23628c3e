// LAPACK / reference BLAS routines in their reference loop order: column-major (A(i,j) = A[i + j*lda]),
// outputs in place, the zero tests the reference code makes. Twins in bench/textbook_numba.py.

/* eslint-disable @typescript-eslint/no-non-null-assertion */

/** dgetf2: right-looking LU with partial pivoting (idamax, dswap, dscal, dger), n x n, in place. */
export function getf2(A: Float64Array, ipiv: Int32Array, n: number): number {
  let info = 0;
  for (let j = 0; j < n; j++) {
    let p = j;
    let amax = Math.abs(A[j + j * n]!);
    for (let i = j + 1; i < n; i++) {
      const v = Math.abs(A[i + j * n]!);
      if (v > amax) {
        amax = v;
        p = i;
      }
    }
    ipiv[j] = p;
    if (A[p + j * n] !== 0) {
      if (p !== j)
        for (let k = 0; k < n; k++) {
          const t = A[j + k * n]!;
          A[j + k * n] = A[p + k * n]!;
          A[p + k * n] = t;
        }
      const r = 1 / A[j + j * n]!;
      for (let i = j + 1; i < n; i++) A[i + j * n] *= r;
    } else if (info === 0) info = j + 1;
    for (let k = j + 1; k < n; k++) {
      const t = A[j + k * n]!;
      if (t !== 0) for (let i = j + 1; i < n; i++) A[i + k * n] -= A[i + j * n]! * t;
    }
  }
  return info;
}

/** dpotf2, uplo = 'U': A = U^T U, column by column (ddot, dgemv 'T', dscal), in place. */
export function potf2(A: Float64Array, n: number): number {
  for (let j = 0; j < n; j++) {
    let ajj = A[j + j * n]!;
    for (let k = 0; k < j; k++) ajj -= A[k + j * n]! * A[k + j * n]!;
    if (ajj <= 0 || ajj !== ajj) {
      A[j + j * n] = ajj;
      return j + 1;
    }
    ajj = Math.sqrt(ajj);
    A[j + j * n] = ajj;
    for (let i = j + 1; i < n; i++) {
      let t = 0;
      for (let k = 0; k < j; k++) t += A[k + i * n]! * A[k + j * n]!;
      A[j + i * n] -= t;
    }
    const r = 1 / ajj;
    for (let i = j + 1; i < n; i++) A[j + i * n] *= r;
  }
  return 0;
}

/** dtrsm, side 'L', uplo 'L', trans 'N', diag 'N', alpha = 1: B := A^-1 B, A m x m, B m x n. */
export function trsm(A: Float64Array, B: Float64Array, m: number, n: number): void {
  for (let j = 0; j < n; j++)
    for (let k = 0; k < m; k++)
      if (B[k + j * m] !== 0) {
        B[k + j * m] /= A[k + k * m]!;
        for (let i = k + 1; i < m; i++) B[i + j * m] -= B[k + j * m]! * A[i + k * m]!;
      }
}

/** dtrmv, uplo 'U', trans 'N', diag 'N': x := A x, A upper triangular n x n. */
export function trmv(A: Float64Array, x: Float64Array, n: number): void {
  for (let j = 0; j < n; j++)
    if (x[j] !== 0) {
      const temp = x[j]!;
      for (let i = 0; i < j; i++) x[i] += temp * A[i + j * n]!;
      x[j] *= A[j + j * n]!;
    }
}

/** dsyr2, uplo 'L': A := alpha x y^T + alpha y x^T + A, lower triangle. */
export function syr2(alpha: number, x: Float64Array, y: Float64Array, A: Float64Array, n: number): void {
  for (let j = 0; j < n; j++)
    if (x[j] !== 0 || y[j] !== 0) {
      const temp1 = alpha * y[j]!;
      const temp2 = alpha * x[j]!;
      for (let i = j; i < n; i++) A[i + j * n] += x[i]! * temp1 + y[i]! * temp2;
    }
}
