# The Numba twins of the textbook suite (bench/kernels/livermore.ts, lapack.ts, polybench.ts): the same
# loops, in the same order, on the same flat arrays, under @njit (no fastmath). bench/textbook.ts dumps
# each kernel's arguments into a folder with a manifest; this script loads them, checks nothing itself,
# times each twin (best of R calls, the arrays restored from a pristine copy before every call, outside
# the timed interval) and writes the times and the first call's outputs back for the bench to compare.
#
#   /usr/bin/python3 bench/textbook_numba.py FOLDER   (run by node dist/bench/textbook.js)
import json, math, os, sys, time
import numpy as np
from numba import njit

# ---- Livermore ----
@njit
def lk1_hydro(x, y, z, q, r, t, n):
    for k in range(n):
        x[k] = q + y[k] * (r * z[k + 10] + t * z[k + 11])

@njit
def lk2_iccg(x, v, n):
    ii = n
    ipntp = 0
    while True:
        ipnt = ipntp
        ipntp += ii
        ii = ii // 2
        i = ipntp - 1
        for k in range(ipnt + 1, ipntp, 2):
            i += 1
            x[i] = x[k] - v[k] * x[k - 1] - v[k + 1] * x[k + 1]
        if not ii > 0:
            break

@njit
def lk3_inner(x, z, n):
    q = 0.0
    for k in range(n):
        q += z[k] * x[k]
    return q

@njit
def lk4_banded(x, y, n):
    m = (n - 7) // 2
    for k in range(6, n, m):
        lw = k - 6
        temp = x[k - 1]
        for j in range(4, n, 5):
            temp -= x[lw] * y[j]
            lw += 1
        x[k - 1] = y[4] * temp

@njit
def lk5_tridiag(x, y, z, n):
    for i in range(1, n):
        x[i] = z[i] * (y[i] - x[i - 1])

@njit
def lk6_linrec(w, b, n):
    for i in range(1, n):
        w[i] = 0.01
        for k in range(i):
            w[i] += b[k * n + i] * w[i - k - 1]

@njit
def lk7_eos(x, y, z, u, q, r, t, n):
    for k in range(n):
        x[k] = u[k] + r * (z[k] + r * y[k]) + t * (u[k + 3] + r * (u[k + 2] + r * u[k + 1]) + t * (u[k + 6] + q * (u[k + 5] + q * u[k + 4])))

@njit
def lk9_predict(px, n):
    dm22 = 0.2; dm23 = 0.3; dm24 = 0.4; dm25 = 0.5; dm26 = 0.6; dm27 = 0.7; dm28 = 0.8; c0 = 0.05
    for i in range(n):
        p = i * 25
        px[p] = dm28 * px[p + 12] + dm27 * px[p + 11] + dm26 * px[p + 10] + dm25 * px[p + 9] + dm24 * px[p + 8] + \
            dm23 * px[p + 7] + dm22 * px[p + 6] + c0 * (px[p + 4] + px[p + 5]) + px[p + 2]

@njit
def lk10_diffpred(px, cx, n):
    for i in range(n):
        p = i * 25
        ar = cx[p + 4]; br = ar - px[p + 4]; px[p + 4] = ar
        cr = br - px[p + 5]; px[p + 5] = br
        ar = cr - px[p + 6]; px[p + 6] = cr
        br = ar - px[p + 7]; px[p + 7] = ar
        cr = br - px[p + 8]; px[p + 8] = br
        ar = cr - px[p + 9]; px[p + 9] = cr
        br = ar - px[p + 10]; px[p + 10] = ar
        cr = br - px[p + 11]; px[p + 11] = br
        px[p + 13] = cr - px[p + 12]; px[p + 12] = cr

@njit
def lk11_firstsum(x, y, n):
    x[0] = y[0]
    for k in range(1, n):
        x[k] = x[k - 1] + y[k]

@njit
def lk12_firstdiff(x, y, n):
    for k in range(n):
        x[k] = y[k + 1] - y[k]

@njit
def lk19_linrec(b5, sa, sb, n):
    stb5 = 0.0
    for k in range(n):
        b5[k] = sa[k] + stb5 * sb[k]
        stb5 = b5[k] - stb5
    for i in range(1, n + 1):
        k = n - i
        b5[k] = sa[k] + stb5 * sb[k]
        stb5 = b5[k] - stb5

@njit
def lk21_matmul(px, vy, cx, n):
    for k in range(25):
        for i in range(25):
            for j in range(n):
                px[j * 25 + i] += vy[k * 25 + i] * cx[j * 25 + k]

@njit
def lk22_planck(w, x, y, u, v, n):
    for k in range(n):
        y[k] = u[k] / v[k]
        w[k] = x[k] / (math.exp(y[k]) - 1.0)

@njit
def lk23_implicit(za, zb, zr, zu, zv, zz, n):
    for j in range(1, 6):
        for k in range(1, n - 1):
            c = j * n + k
            qa = za[c + n] * zr[c] + za[c - n] * zb[c] + za[c + 1] * zu[c] + za[c - 1] * zv[c] + zz[c]
            za[c] += 0.175 * (qa - za[c])

@njit
def lk24_firstmin(x, n):
    m = 0
    for k in range(1, n):
        if x[k] < x[m]:
            m = k
    return m

# ---- LAPACK (column-major) ----
@njit
def getf2(A, ipiv, n):
    info = 0
    for j in range(n):
        p = j
        amax = abs(A[j + j * n])
        for i in range(j + 1, n):
            v = abs(A[i + j * n])
            if v > amax:
                amax = v
                p = i
        ipiv[j] = p
        if A[p + j * n] != 0:
            if p != j:
                for k in range(n):
                    t = A[j + k * n]; A[j + k * n] = A[p + k * n]; A[p + k * n] = t
            r = 1.0 / A[j + j * n]
            for i in range(j + 1, n):
                A[i + j * n] *= r
        elif info == 0:
            info = j + 1
        for k in range(j + 1, n):
            t = A[j + k * n]
            if t != 0:
                for i in range(j + 1, n):
                    A[i + k * n] -= A[i + j * n] * t
    return info

@njit
def potf2(A, n):
    for j in range(n):
        ajj = A[j + j * n]
        for k in range(j):
            ajj -= A[k + j * n] * A[k + j * n]
        if ajj <= 0 or ajj != ajj:
            A[j + j * n] = ajj
            return j + 1
        ajj = math.sqrt(ajj)
        A[j + j * n] = ajj
        for i in range(j + 1, n):
            t = 0.0
            for k in range(j):
                t += A[k + i * n] * A[k + j * n]
            A[j + i * n] -= t
        r = 1.0 / ajj
        for i in range(j + 1, n):
            A[j + i * n] *= r
    return 0

@njit
def trsm(A, B, m, n):
    for j in range(n):
        for k in range(m):
            if B[k + j * m] != 0:
                B[k + j * m] /= A[k + k * m]
                for i in range(k + 1, m):
                    B[i + j * m] -= B[k + j * m] * A[i + k * m]

@njit
def trmv(A, x, n):
    for j in range(n):
        if x[j] != 0:
            temp = x[j]
            for i in range(j):
                x[i] += temp * A[i + j * n]
            x[j] *= A[j + j * n]

@njit
def syr2(alpha, x, y, A, n):
    for j in range(n):
        if x[j] != 0 or y[j] != 0:
            temp1 = alpha * y[j]
            temp2 = alpha * x[j]
            for i in range(j, n):
                A[i + j * n] += x[i] * temp1 + y[i] * temp2

# ---- PolyBench (row-major) ----
@njit
def gemm(ni, nj, nk, alpha, beta, C, A, B):
    for i in range(ni):
        for j in range(nj):
            C[i * nj + j] *= beta
        for k in range(nk):
            for j in range(nj):
                C[i * nj + j] += alpha * A[i * nk + k] * B[k * nj + j]

@njit
def gemver(n, alpha, beta, A, u1, v1, u2, v2, w, x, y, z):
    for i in range(n):
        for j in range(n):
            A[i * n + j] = A[i * n + j] + u1[i] * v1[j] + u2[i] * v2[j]
    for i in range(n):
        for j in range(n):
            x[i] = x[i] + beta * A[j * n + i] * y[j]
    for i in range(n):
        x[i] = x[i] + z[i]
    for i in range(n):
        for j in range(n):
            w[i] = w[i] + alpha * A[i * n + j] * x[j]

@njit
def gesummv(n, alpha, beta, A, B, tmp, x, y):
    for i in range(n):
        tmp[i] = 0.0
        y[i] = 0.0
        for j in range(n):
            tmp[i] = A[i * n + j] * x[j] + tmp[i]
            y[i] = B[i * n + j] * x[j] + y[i]
        y[i] = alpha * tmp[i] + beta * y[i]

@njit
def atax(m, n, A, x, y, tmp):
    for i in range(n):
        y[i] = 0.0
    for i in range(m):
        tmp[i] = 0.0
        for j in range(n):
            tmp[i] = tmp[i] + A[i * n + j] * x[j]
        for j in range(n):
            y[j] = y[j] + A[i * n + j] * tmp[i]

@njit
def bicg(m, n, A, s, q, p, r):
    for i in range(m):
        s[i] = 0.0
    for i in range(n):
        q[i] = 0.0
        for j in range(m):
            s[j] = s[j] + r[i] * A[i * m + j]
            q[i] = q[i] + A[i * m + j] * p[j]

@njit
def mvt(n, x1, x2, y1, y2, A):
    for i in range(n):
        for j in range(n):
            x1[i] = x1[i] + A[i * n + j] * y1[j]
    for i in range(n):
        for j in range(n):
            x2[i] = x2[i] + A[j * n + i] * y2[j]

@njit
def syrk(n, m, alpha, beta, C, A):
    for i in range(n):
        for j in range(i + 1):
            C[i * n + j] *= beta
        for k in range(m):
            for j in range(i + 1):
                C[i * n + j] += alpha * A[i * m + k] * A[j * m + k]

@njit
def trmm(m, n, alpha, A, B):
    for i in range(m):
        for j in range(n):
            for k in range(i + 1, m):
                B[i * n + j] += A[k * m + i] * B[k * n + j]
            B[i * n + j] = alpha * B[i * n + j]

@njit
def trisolv(n, L, x, b):
    for i in range(n):
        x[i] = b[i]
        for j in range(i):
            x[i] -= L[i * n + j] * x[j]
        x[i] = x[i] / L[i * n + i]

@njit
def lu(n, A):
    for i in range(n):
        for j in range(i):
            for k in range(j):
                A[i * n + j] -= A[i * n + k] * A[k * n + j]
            A[i * n + j] /= A[j * n + j]
        for j in range(i, n):
            for k in range(i):
                A[i * n + j] -= A[i * n + k] * A[k * n + j]

@njit
def durbin(n, r, y, z):
    y[0] = -r[0]
    beta = 1.0
    alpha = -r[0]
    for k in range(1, n):
        beta = (1 - alpha * alpha) * beta
        s = 0.0
        for i in range(k):
            s += r[k - i - 1] * y[i]
        alpha = -(r[k] + s) / beta
        for i in range(k):
            z[i] = y[i] + alpha * y[k - i - 1]
        for i in range(k):
            y[i] = z[i]
        y[k] = alpha

@njit
def covariance(m, n, float_n, data, cov, mean):
    for j in range(m):
        mean[j] = 0.0
        for i in range(n):
            mean[j] += data[i * m + j]
        mean[j] /= float_n
    for i in range(n):
        for j in range(m):
            data[i * m + j] -= mean[j]
    for i in range(m):
        for j in range(i, m):
            cov[i * m + j] = 0.0
            for k in range(n):
                cov[i * m + j] += data[k * m + i] * data[k * m + j]
            cov[i * m + j] /= float_n - 1
            cov[j * m + i] = cov[i * m + j]

@njit
def correlation(m, n, float_n, data, corr, mean, stddev):
    eps = 0.1
    for j in range(m):
        mean[j] = 0.0
        for i in range(n):
            mean[j] += data[i * m + j]
        mean[j] /= float_n
    for j in range(m):
        stddev[j] = 0.0
        for i in range(n):
            stddev[j] += (data[i * m + j] - mean[j]) * (data[i * m + j] - mean[j])
        stddev[j] /= float_n
        stddev[j] = math.sqrt(stddev[j])
        stddev[j] = 1.0 if stddev[j] <= eps else stddev[j]
    for i in range(n):
        for j in range(m):
            data[i * m + j] -= mean[j]
            data[i * m + j] /= math.sqrt(float_n) * stddev[j]
    for i in range(m - 1):
        corr[i * m + i] = 1.0
        for j in range(i + 1, m):
            corr[i * m + j] = 0.0
            for k in range(n):
                corr[i * m + j] += data[k * m + i] * data[k * m + j]
            corr[j * m + i] = corr[i * m + j]
    corr[(m - 1) * m + m - 1] = 1.0

@njit
def jacobi2d(tsteps, n, A, B):
    for t in range(tsteps):
        for i in range(1, n - 1):
            for j in range(1, n - 1):
                B[i * n + j] = 0.2 * (A[i * n + j] + A[i * n + j - 1] + A[i * n + 1 + j] + A[(1 + i) * n + j] + A[(i - 1) * n + j])
        for i in range(1, n - 1):
            for j in range(1, n - 1):
                A[i * n + j] = 0.2 * (B[i * n + j] + B[i * n + j - 1] + B[i * n + 1 + j] + B[(1 + i) * n + j] + B[(i - 1) * n + j])

@njit
def seidel2d(tsteps, n, A):
    for t in range(tsteps):
        for i in range(1, n - 1):
            for j in range(1, n - 1):
                A[i * n + j] = (A[(i - 1) * n + j - 1] + A[(i - 1) * n + j] + A[(i - 1) * n + j + 1] +
                                A[i * n + j - 1] + A[i * n + j] + A[i * n + j + 1] +
                                A[(i + 1) * n + j - 1] + A[(i + 1) * n + j] + A[(i + 1) * n + j + 1]) / 9.0

@njit
def fdtd2d(tmax, nx, ny, ex, ey, hz, fict):
    for t in range(tmax):
        for j in range(ny):
            ey[j] = fict[t]
        for i in range(1, nx):
            for j in range(ny):
                ey[i * ny + j] = ey[i * ny + j] - 0.5 * (hz[i * ny + j] - hz[(i - 1) * ny + j])
        for i in range(nx):
            for j in range(1, ny):
                ex[i * ny + j] = ex[i * ny + j] - 0.5 * (hz[i * ny + j] - hz[i * ny + j - 1])
        for i in range(nx - 1):
            for j in range(ny - 1):
                hz[i * ny + j] = hz[i * ny + j] - 0.7 * (ex[i * ny + j + 1] - ex[i * ny + j] + ey[(i + 1) * ny + j] - ey[i * ny + j])

@njit
def heat3d(tsteps, n, A, B):
    nn = n * n
    for t in range(1, tsteps + 1):
        for i in range(1, n - 1):
            for j in range(1, n - 1):
                for k in range(1, n - 1):
                    c = i * nn + j * n + k
                    B[c] = 0.125 * (A[c + nn] - 2.0 * A[c] + A[c - nn]) + 0.125 * (A[c + n] - 2.0 * A[c] + A[c - n]) + \
                        0.125 * (A[c + 1] - 2.0 * A[c] + A[c - 1]) + A[c]
        for i in range(1, n - 1):
            for j in range(1, n - 1):
                for k in range(1, n - 1):
                    c = i * nn + j * n + k
                    A[c] = 0.125 * (B[c + nn] - 2.0 * B[c] + B[c - nn]) + 0.125 * (B[c + n] - 2.0 * B[c] + B[c - n]) + \
                        0.125 * (B[c + 1] - 2.0 * B[c] + B[c - 1]) + B[c]

@njit
def floyd_warshall(n, path):
    for k in range(n):
        for i in range(n):
            for j in range(n):
                path[i * n + j] = path[i * n + j] if path[i * n + j] < path[i * n + k] + path[k * n + j] else path[i * n + k] + path[k * n + j]

@njit
def nussinov(n, seq, table):
    for i in range(n - 1, -1, -1):
        for j in range(i + 1, n):
            if j - 1 >= 0:
                table[i * n + j] = max(table[i * n + j], table[i * n + j - 1])
            if i + 1 < n:
                table[i * n + j] = max(table[i * n + j], table[(i + 1) * n + j])
            if j - 1 >= 0 and i + 1 < n:
                if i < j - 1:
                    table[i * n + j] = max(table[i * n + j], table[(i + 1) * n + j - 1] + (1 if seq[i] + seq[j] == 3 else 0))
                else:
                    table[i * n + j] = max(table[i * n + j], table[(i + 1) * n + j - 1])
            for k in range(i + 1, j):
                table[i * n + j] = max(table[i * n + j], table[i * n + k] + table[(k + 1) * n + j])

@njit
def needle(n, penalty, score, ref):
    for i in range(1, n):
        for j in range(1, n):
            a = score[(i - 1) * n + j - 1] + ref[i * n + j]
            b = score[i * n + j - 1] - penalty
            c = score[(i - 1) * n + j] - penalty
            score[i * n + j] = (a if a > c else c) if a > b else (b if b > c else c)

@njit
def spmv_csr(n, rowstr, colidx, a, p, q):
    for j in range(n):
        s = 0.0
        for k in range(rowstr[j], rowstr[j + 1]):
            s += a[k] * p[colidx[k]]
        q[j] = s


def main():
    folder = sys.argv[1]
    manifest = json.load(open(os.path.join(folder, "manifest.json")))
    out = {}
    for k in manifest["kernels"]:
        fn = globals()[k["name"]]
        def load():
            args = []
            for a in k["args"]:
                if a["kind"] == "array":
                    args.append(np.fromfile(os.path.join(folder, a["file"]), dtype=a["dtype"]))
                elif a["kind"] == "int":
                    args.append(int(a["value"]))
                else:
                    args.append(float(a["value"]))
            return args
        pristine = load()
        args = [a.copy() if isinstance(a, np.ndarray) else a for a in pristine]
        ret = fn(*args)  # compiles; these are the outputs compared with plain JS
        outputs = []
        for i, a in enumerate(args):
            if isinstance(a, np.ndarray):
                f = "%s.out%d" % (k["name"], i)
                a.tofile(os.path.join(folder, f))
                outputs.append({"arg": i, "file": f, "dtype": str(a.dtype)})
        best = math.inf
        runs = 0
        spent = 0.0
        while runs < k["min_runs"] or (spent < k["min_time_s"] and runs < 200):
            for a, p in zip(args, pristine):
                if isinstance(a, np.ndarray):
                    a[:] = p
            t0 = time.perf_counter()
            fn(*args)
            t = time.perf_counter() - t0
            best = min(best, t)
            spent += t
            runs += 1
        out[k["name"]] = {"time_s": best, "runs": runs, "outputs": outputs,
                          "ret": None if ret is None else float(ret)}
    json.dump(out, open(os.path.join(folder, "numba.json"), "w"))

if __name__ == "__main__":
    main()
