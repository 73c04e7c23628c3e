#!/usr/bin/python3
"""Python reference figures for bench/matmul.ts: numpy `A @ B` (BLAS) and a Numba
`@njit` of the seed's own Python function (the naive i-j-k loops).

Usage:
    /usr/bin/python3 bench/matmul_ref.py [--quick] [--min-time S] [--inputs DIR] N [N ...]

Prints one JSON object on stdout (progress goes to stderr). Times are the best of k
runs, k adapted so that each measurement lasts about --min-time seconds in total
(at least 3 runs; only 2 when the first run takes more than a second; 1 when it
takes more than 8 s, or more than a second with --quick).
Compile time is reported separately and never included in a timed run.

With --inputs DIR, the matrices are read from DIR/A_<N>.f64 and DIR/B_<N>.f64 (raw
little-endian float64, row-major) and, when DIR/C_<N>.f64 exists (the plain-JS result),
each result is compared with it: that is how the bench checks Numba and numpy against
JavaScript on the very same inputs. Without --inputs, seeded random matrices are used.

Use Debian's /usr/bin/python3 (python3-numba, python3-numpy). Set by the caller, not
here: the bench unsets OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE for this process so that
OpenBLAS picks its own kernels for the machine.
"""

import json
import os
import platform
import re
import sys
import time

T_IMPORT0 = time.perf_counter()
import numpy as np  # noqa: E402

T_NUMPY = time.perf_counter() - T_IMPORT0
T_IMPORT1 = time.perf_counter()
from numba import njit  # noqa: E402
import numba  # noqa: E402

T_NUMBA = time.perf_counter() - T_IMPORT1


# The seed's function, exactly as in the Numba lesson (acceleration-with-numba.md).
def matrix_multiply_loops(A, B):
    """
    Perform matrix-matrix multiplication using explicit iteration.

    Parameters:
    A: First matrix of shape (m, n)
    B: Second matrix of shape (n, p)

    Returns:
      Result matrix of size (m, p)
    """
    m, n = A.shape
    n2, p = B.shape

    # Ensure the matrices have compatible dimensions
    if n != n2:
        raise ValueError("Inner matrix dimensions must agree.")

    # Initialize result matrix with zeros
    C = np.zeros((m, p))

    for i in range(m):  # Iterate over rows of A
        for j in range(p):  # Iterate over columns of B
            for k in range(n):  # Iterate over common dimension
                C[i, j] += A[i, k] * B[k, j]

    return C


def log(*args):
    print(*args, file=sys.stderr, flush=True)


def best_of(fn, min_time, quick):
    """Best wall time of k calls of fn(); returns (best_s, k, result_of_first_call)."""
    t0 = time.perf_counter()
    result = fn()
    first = time.perf_counter() - t0
    times = [first]
    slow, very_slow = 1.0, 8.0  # same rule as bench/matmul.ts
    if first >= very_slow or (quick and first >= slow):
        max_runs = 1
    elif first >= slow:
        max_runs = 2
    else:
        max_runs = 10000
    elapsed = first
    while len(times) < max_runs and (len(times) < 3 or elapsed < min_time):
        t0 = time.perf_counter()
        fn()
        dt = time.perf_counter() - t0
        times.append(dt)
        elapsed += dt
    return min(times), len(times), result


def compare(x, ref):
    """max |x - ref| and whether x and ref are bitwise identical (NaNs included)."""
    if ref is None:
        return None, None
    diff = float(np.max(np.abs(x - ref))) if x.size else 0.0
    same = bool(np.array_equal(x.view(np.uint64), ref.view(np.uint64)))
    return diff, same


def load(path, n):
    a = np.fromfile(path, dtype="<f8")
    if a.size != n * n:
        raise SystemExit(f"{path}: expected {n * n} float64 values, found {a.size}")
    return a.reshape(n, n)


def blas_library():
    try:
        with open("/proc/self/maps") as f:
            libs = sorted({line.split()[-1] for line in f
                           if "/" in line and re.search(r"lib(open)?blas", line.split()[-1].rsplit("/", 1)[-1])})
        return libs
    except OSError:
        return []


def main(argv):
    quick = "--quick" in argv
    min_time = 0.2 if quick else 0.5
    inputs = None
    sizes = []
    it = iter(argv)
    for a in it:
        if a == "--quick":
            continue
        elif a == "--min-time":
            min_time = float(next(it))
        elif a == "--inputs":
            inputs = next(it)
        elif a in ("-h", "--help"):
            print(__doc__)
            return 0
        else:
            sizes.append(int(a))
    if not sizes:
        sizes = [256, 512] if quick else [256, 512, 1024]

    kernel = njit(matrix_multiply_loops)  # cache=False: every run pays the compile

    # Numba compile time: first call (type inference + LLVM) minus a warm call, on tiny
    # matrices so that the run itself is negligible. Same definition as numbat's.
    tiny = np.ones((8, 8))
    t0 = time.perf_counter()
    kernel(tiny, tiny)
    first = time.perf_counter() - t0
    warm = min(_timed(lambda: kernel(tiny, tiny)) for _ in range(5))
    compile_s = first - warm
    log(f"numba: compile {compile_s * 1e3:.0f} ms (first call {first * 1e3:.0f} ms)")

    # The dimension check raises the same error as in the plain-Python function.
    try:
        kernel(np.ones((2, 3)), np.ones((2, 2)))
        raised = None
    except ValueError as e:
        raised = str(e)

    rng = np.random.default_rng(12345)
    results = []
    for n in sizes:
        if inputs:
            A = load(os.path.join(inputs, f"A_{n}.f64"), n)
            B = load(os.path.join(inputs, f"B_{n}.f64"), n)
            cpath = os.path.join(inputs, f"C_{n}.f64")
            ref = load(cpath, n) if os.path.exists(cpath) else None
        else:
            A = rng.uniform(-1.0, 1.0, (n, n))
            B = rng.uniform(-1.0, 1.0, (n, n))
            ref = None
        flop = 2.0 * n ** 3

        t_np, k_np, c_np = best_of(lambda: A @ B, min_time, quick)
        log(f"numpy  N={n}: {t_np * 1e3:9.3f} ms (best of {k_np})")
        t_nb, k_nb, c_nb = best_of(lambda: kernel(A, B), min_time, quick)
        log(f"numba  N={n}: {t_nb * 1e3:9.3f} ms (best of {k_nb})")

        if ref is None:
            ref_name, ref = "numba", c_nb  # standalone: compare numpy with Numba's loops
        else:
            ref_name = "plain-js"
        d_nb, same_nb = compare(c_nb, ref)
        d_np, same_np = compare(c_np, ref)
        results.append({
            "n": n,
            "reference": ref_name,
            "numpy": {"time_s": t_np, "runs": k_np, "gflops": flop / t_np / 1e9,
                      "max_abs_diff": d_np, "bitwise_identical": same_np},
            "numba": {"time_s": t_nb, "runs": k_nb, "gflops": flop / t_nb / 1e9,
                      "max_abs_diff": d_nb, "bitwise_identical": same_nb},
        })

    out = {
        "python": platform.python_version(),
        "executable": sys.executable,
        "numpy_version": np.__version__,
        "numba_version": numba.__version__,
        "blas": blas_library(),
        "openblas_env": {k: v for k, v in os.environ.items() if k.startswith("OPENBLAS") or k == "OMP_NUM_THREADS"},
        "cpu_count": os.cpu_count(),
        "import_numpy_s": T_NUMPY,
        "import_numba_s": T_NUMBA,
        "numba_compile_s": compile_s,
        "numba_first_call_s": first,
        "numba_dimension_error": raised,
        "min_time_s": min_time,
        "sizes": results,
    }
    print(json.dumps(out))
    return 0


def _timed(fn):
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
