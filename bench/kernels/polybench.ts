// PolyBench/C 4.2 kernels (row-major, A[i][j] = A[i*n + j]), plus Rodinia's Needleman-Wunsch and NAS
// CG's sparse matrix-vector product, written as their sources write them: every output passed in,
// their loop orders, their `for (j <= i)` triangles. Twins in bench/textbook_numba.py.

/* eslint-disable @typescript-eslint/no-non-null-assertion */

export function gemm(ni: number, nj: number, nk: number, alpha: number, beta: number, C: Float64Array, A: Float64Array, B: Float64Array): void {
  for (let i = 0; i < ni; i++) {
    for (let j = 0; j < nj; j++) C[i * nj + j] *= beta;
    for (let k = 0; k < nk; k++)
      for (let j = 0; j < nj; j++) C[i * nj + j] += alpha * A[i * nk + k]! * B[k * nj + j]!;
  }
}

export function gemver(n: number, alpha: number, beta: number, A: Float64Array, u1: Float64Array, v1: Float64Array, u2: Float64Array, v2: Float64Array,
  w: Float64Array, x: Float64Array, y: Float64Array, z: Float64Array): void {
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) A[i * n + j] = A[i * n + j]! + u1[i]! * v1[j]! + u2[i]! * v2[j]!;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) x[i] = x[i]! + beta * A[j * n + i]! * y[j]!;
  for (let i = 0; i < n; i++) x[i] = x[i]! + z[i]!;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) w[i] = w[i]! + alpha * A[i * n + j]! * x[j]!;
}

export function gesummv(n: number, alpha: number, beta: number, A: Float64Array, B: Float64Array, tmp: Float64Array, x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < n; i++) {
    tmp[i] = 0;
    y[i] = 0;
    for (let j = 0; j < n; j++) {
      tmp[i] = A[i * n + j]! * x[j]! + tmp[i]!;
      y[i] = B[i * n + j]! * x[j]! + y[i]!;
    }
    y[i] = alpha * tmp[i]! + beta * y[i]!;
  }
}

export function atax(m: number, n: number, A: Float64Array, x: Float64Array, y: Float64Array, tmp: Float64Array): void {
  for (let i = 0; i < n; i++) y[i] = 0;
  for (let i = 0; i < m; i++) {
    tmp[i] = 0;
    for (let j = 0; j < n; j++) tmp[i] = tmp[i]! + A[i * n + j]! * x[j]!;
    for (let j = 0; j < n; j++) y[j] = y[j]! + A[i * n + j]! * tmp[i]!;
  }
}

export function bicg(m: number, n: number, A: Float64Array, s: Float64Array, q: Float64Array, p: Float64Array, r: Float64Array): void {
  for (let i = 0; i < m; i++) s[i] = 0;
  for (let i = 0; i < n; i++) {
    q[i] = 0;
    for (let j = 0; j < m; j++) {
      s[j] = s[j]! + r[i]! * A[i * m + j]!;
      q[i] = q[i]! + A[i * m + j]! * p[j]!;
    }
  }
}

export function mvt(n: number, x1: Float64Array, x2: Float64Array, y1: Float64Array, y2: Float64Array, A: Float64Array): void {
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) x1[i] = x1[i]! + A[i * n + j]! * y1[j]!;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) x2[i] = x2[i]! + A[j * n + i]! * y2[j]!;
}

export function syrk(n: number, m: number, alpha: number, beta: number, C: Float64Array, A: Float64Array): void {
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) C[i * n + j] *= beta;
    for (let k = 0; k < m; k++)
      for (let j = 0; j <= i; j++) C[i * n + j] += alpha * A[i * m + k]! * A[j * m + k]!;
  }
}

export function trmm(m: number, n: number, alpha: number, A: Float64Array, B: Float64Array): void {
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) {
      for (let k = i + 1; k < m; k++) B[i * n + j] += A[k * m + i]! * B[k * n + j]!;
      B[i * n + j] = alpha * B[i * n + j]!;
    }
}

export function trisolv(n: number, L: Float64Array, x: Float64Array, b: Float64Array): void {
  for (let i = 0; i < n; i++) {
    x[i] = b[i]!;
    for (let j = 0; j < i; j++) x[i] -= L[i * n + j]! * x[j]!;
    x[i] = x[i]! / L[i * n + i]!;
  }
}

/** PolyBench lu: Doolittle without pivoting, row by row (j < i, then j >= i), k < j / k < i. */
export function luPoly(n: number, A: Float64Array): void {
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      for (let k = 0; k < j; k++) A[i * n + j] -= A[i * n + k]! * A[k * n + j]!;
      A[i * n + j] /= A[j * n + j]!;
    }
    for (let j = i; j < n; j++)
      for (let k = 0; k < i; k++) A[i * n + j] -= A[i * n + k]! * A[k * n + j]!;
  }
}

export function durbin(n: number, r: Float64Array, y: Float64Array, z: Float64Array): void {
  y[0] = -r[0]!;
  let beta = 1;
  let alpha = -r[0]!;
  for (let k = 1; k < n; k++) {
    beta = (1 - alpha * alpha) * beta;
    let sum = 0;
    for (let i = 0; i < k; i++) sum += r[k - i - 1]! * y[i]!;
    alpha = -(r[k]! + sum) / beta;
    for (let i = 0; i < k; i++) z[i] = y[i]! + alpha * y[k - i - 1]!;
    for (let i = 0; i < k; i++) y[i] = z[i]!;
    y[k] = alpha;
  }
}

export function covariance(m: number, n: number, floatN: number, data: Float64Array, cov: Float64Array, mean: Float64Array): void {
  for (let j = 0; j < m; j++) {
    mean[j] = 0;
    for (let i = 0; i < n; i++) mean[j] += data[i * m + j]!;
    mean[j] /= floatN;
  }
  for (let i = 0; i < n; i++)
    for (let j = 0; j < m; j++) data[i * m + j] -= mean[j]!;
  for (let i = 0; i < m; i++)
    for (let j = i; j < m; j++) {
      cov[i * m + j] = 0;
      for (let k = 0; k < n; k++) cov[i * m + j] += data[k * m + i]! * data[k * m + j]!;
      cov[i * m + j] /= floatN - 1;
      cov[j * m + i] = cov[i * m + j]!;
    }
}

export function correlation(m: number, n: number, floatN: number, data: Float64Array, corr: Float64Array, mean: Float64Array, stddev: Float64Array): void {
  const eps = 0.1;
  for (let j = 0; j < m; j++) {
    mean[j] = 0;
    for (let i = 0; i < n; i++) mean[j] += data[i * m + j]!;
    mean[j] /= floatN;
  }
  for (let j = 0; j < m; j++) {
    stddev[j] = 0;
    for (let i = 0; i < n; i++) stddev[j] += (data[i * m + j]! - mean[j]!) * (data[i * m + j]! - mean[j]!);
    stddev[j] /= floatN;
    stddev[j] = Math.sqrt(stddev[j]!);
    stddev[j] = stddev[j]! <= eps ? 1 : stddev[j]!;
  }
  for (let i = 0; i < n; i++)
    for (let j = 0; j < m; j++) {
      data[i * m + j] -= mean[j]!;
      data[i * m + j] /= Math.sqrt(floatN) * stddev[j]!;
    }
  for (let i = 0; i < m - 1; i++) {
    corr[i * m + i] = 1;
    for (let j = i + 1; j < m; j++) {
      corr[i * m + j] = 0;
      for (let k = 0; k < n; k++) corr[i * m + j] += data[k * m + i]! * data[k * m + j]!;
      corr[j * m + i] = corr[i * m + j]!;
    }
  }
  corr[(m - 1) * m + m - 1] = 1;
}

export function jacobi2d(tsteps: number, n: number, A: Float64Array, B: Float64Array): void {
  for (let t = 0; t < tsteps; t++) {
    for (let i = 1; i < n - 1; i++)
      for (let j = 1; j < n - 1; j++)
        B[i * n + j] = 0.2 * (A[i * n + j]! + A[i * n + j - 1]! + A[i * n + 1 + j]! + A[(1 + i) * n + j]! + A[(i - 1) * n + j]!);
    for (let i = 1; i < n - 1; i++)
      for (let j = 1; j < n - 1; j++)
        A[i * n + j] = 0.2 * (B[i * n + j]! + B[i * n + j - 1]! + B[i * n + 1 + j]! + B[(1 + i) * n + j]! + B[(i - 1) * n + j]!);
  }
}

export function seidel2d(tsteps: number, n: number, A: Float64Array): void {
  for (let t = 0; t <= tsteps - 1; t++)
    for (let i = 1; i <= n - 2; i++)
      for (let j = 1; j <= n - 2; j++)
        A[i * n + j] = (A[(i - 1) * n + j - 1]! + A[(i - 1) * n + j]! + A[(i - 1) * n + j + 1]! +
          A[i * n + j - 1]! + A[i * n + j]! + A[i * n + j + 1]! +
          A[(i + 1) * n + j - 1]! + A[(i + 1) * n + j]! + A[(i + 1) * n + j + 1]!) / 9.0;
}

export function fdtd2d(tmax: number, nx: number, ny: number, ex: Float64Array, ey: Float64Array, hz: Float64Array, fict: Float64Array): void {
  for (let t = 0; t < tmax; t++) {
    for (let j = 0; j < ny; j++) ey[j] = fict[t]!;
    for (let i = 1; i < nx; i++)
      for (let j = 0; j < ny; j++) ey[i * ny + j] = ey[i * ny + j]! - 0.5 * (hz[i * ny + j]! - hz[(i - 1) * ny + j]!);
    for (let i = 0; i < nx; i++)
      for (let j = 1; j < ny; j++) ex[i * ny + j] = ex[i * ny + j]! - 0.5 * (hz[i * ny + j]! - hz[i * ny + j - 1]!);
    for (let i = 0; i < nx - 1; i++)
      for (let j = 0; j < ny - 1; j++)
        hz[i * ny + j] = hz[i * ny + j]! - 0.7 * (ex[i * ny + j + 1]! - ex[i * ny + j]! + ey[(i + 1) * ny + j]! - ey[i * ny + j]!);
  }
}

export function heat3d(tsteps: number, n: number, A: Float64Array, B: Float64Array): void {
  const nn = n * n;
  for (let t = 1; t <= tsteps; t++) {
    for (let i = 1; i < n - 1; i++)
      for (let j = 1; j < n - 1; j++)
        for (let k = 1; k < n - 1; k++) {
          const c = i * nn + j * n + k;
          B[c] = 0.125 * (A[c + nn]! - 2.0 * A[c]! + A[c - nn]!) + 0.125 * (A[c + n]! - 2.0 * A[c]! + A[c - n]!) +
            0.125 * (A[c + 1]! - 2.0 * A[c]! + A[c - 1]!) + A[c]!;
        }
    for (let i = 1; i < n - 1; i++)
      for (let j = 1; j < n - 1; j++)
        for (let k = 1; k < n - 1; k++) {
          const c = i * nn + j * n + k;
          A[c] = 0.125 * (B[c + nn]! - 2.0 * B[c]! + B[c - nn]!) + 0.125 * (B[c + n]! - 2.0 * B[c]! + B[c - n]!) +
            0.125 * (B[c + 1]! - 2.0 * B[c]! + B[c - 1]!) + B[c]!;
        }
  }
}

/** PolyBench floyd-warshall on int path lengths. */
export function floydWarshall(n: number, path: Int32Array): void {
  for (let k = 0; k < n; k++)
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++)
        path[i * n + j] = path[i * n + j]! < path[i * n + k]! + path[k * n + j]! ? path[i * n + j]! : path[i * n + k]! + path[k * n + j]!;
}

/** PolyBench nussinov: RNA folding DP over the upper triangle, i downwards, j upwards. */
export function nussinov(n: number, seq: Int32Array, table: Int32Array): void {
  for (let i = n - 1; i >= 0; i--)
    for (let j = i + 1; j < n; j++) {
      if (j - 1 >= 0) table[i * n + j] = Math.max(table[i * n + j]!, table[i * n + j - 1]!);
      if (i + 1 < n) table[i * n + j] = Math.max(table[i * n + j]!, table[(i + 1) * n + j]!);
      if (j - 1 >= 0 && i + 1 < n) {
        if (i < j - 1) table[i * n + j] = Math.max(table[i * n + j]!, table[(i + 1) * n + j - 1]! + (seq[i]! + seq[j]! === 3 ? 1 : 0));
        else table[i * n + j] = Math.max(table[i * n + j]!, table[(i + 1) * n + j - 1]!);
      }
      for (let k = i + 1; k < j; k++) table[i * n + j] = Math.max(table[i * n + j]!, table[i * n + k]! + table[(k + 1) * n + j]!);
    }
}

/** Rodinia nw (Needleman-Wunsch), the sequential reference: score[i][j] from its three neighbours. */
export function needle(n: number, penalty: number, score: Int32Array, ref: Int32Array): void {
  for (let i = 1; i < n; i++)
    for (let j = 1; j < n; j++) {
      const a = score[(i - 1) * n + j - 1]! + ref[i * n + j]!;
      const b = score[i * n + j - 1]! - penalty;
      const c = score[(i - 1) * n + j]! - penalty;
      score[i * n + j] = a > b ? (a > c ? a : c) : b > c ? b : c;
    }
}

/** NAS CG: q = A p, A in compressed sparse rows (rowstr, colidx, a). */
export function spmvCsr(n: number, rowstr: Int32Array, colidx: Int32Array, a: Float64Array, p: Float64Array, q: Float64Array): void {
  for (let j = 0; j < n; j++) {
    let sum = 0;
    for (let k = rowstr[j]!; k < rowstr[j + 1]!; k++) sum += a[k]! * p[colidx[k]!]!;
    q[j] = sum;
  }
}
