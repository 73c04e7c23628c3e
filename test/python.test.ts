// The Python frontend (src/frontend/python): the seed's matrix_multiply_loops taken verbatim from
// the seed document, and a differential suite of Python functions run through numbat and through
// CPython + NumPy (and Numba, where installed) in one python process, compared bit for bit.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { test } from "node:test";
import { compile, py } from "../src/frontend/python/index.js";
import { CompileError, type NdArray, zeros } from "../src/index.js";
import { type OracleCase, type PyArg, type PyValue, findPython, hasNumba, runOracle } from "./python-oracle.js";

const root = resolve(import.meta.dirname, "../..");

function seedSource(): string | undefined {
  for (const dir of ["../shared/seed", "../../shared/seed", "/work/shared/seed"]) {
    const p = resolve(root, dir, "acceleration-with-numba.md");
    if (!existsSync(p)) continue;
    const md = readFileSync(p, "utf8");
    const blocks = [...md.matchAll(/```\{code-cell\}\n([\s\S]*?)```/g)].map((m) => m[1]!);
    return blocks.filter((b) => /import numpy/.test(b) || /def matrix_multiply_loops/.test(b)).join("\n");
  }
  return undefined;
}

function randomMatrix(m: number, n: number, seed: number): NdArray {
  const a = zeros([m, n]);
  let s = seed;
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) { s = (s * 1103515245 + 12345) % 2147483648; a.set(i, j, s / 2147483648 - 0.5); }
  return a;
}

test("the seed's matrix_multiply_loops, verbatim: same bits as the loops in JS, ValueError on mismatched shapes", (t) => {
  const src = seedSource();
  if (!src) return t.skip("the seed document (../shared/seed/acceleration-with-numba.md) is not here");
  const { matrix_multiply_loops: f } = compile(src);
  for (const [m, n, p] of [[64, 64, 64], [13, 7, 29], [1, 1, 1]] as const) {
    const A = randomMatrix(m, n, 1), B = randomMatrix(n, p, 2);
    const C = f!(A, B) as NdArray;
    assert.deepEqual(C.shape, [m, p]);
    for (let i = 0; i < m; i++) for (let j = 0; j < p; j++) {
      let c = 0;
      for (let k = 0; k < n; k++) c += A.get(i, k) * B.get(k, j);
      assert.ok(Object.is(C.get(i, j), c), `C[${i},${j}]`);
    }
  }
  assert.throws(() => f!(randomMatrix(4, 4, 1), zeros([3, 3])), (e: Error) => e.name === "ValueError" && /Inner matrix dimensions must agree/.test(e.message));
});

test("decorators, the py tag and tuple returns", () => {
  const { hyp, both } = py`
    import math
    from numba import njit, jit
    @njit(fastmath=False)
    def hyp(a, b):
        return math.sqrt(a * a + b * b)
    @jit(nopython=True, cache=False, boundscheck=True)
    def both(n):
        return n // 3, n % 3, n > 4
  `;
  assert.equal(hyp!(3, 4), 5);
  assert.deepEqual(both!(-7), [-3, 2, false]);
});

test("errors point into the Python source and name the construct", () => {
  const src = "import numpy as np\n\ndef f(a):\n    x = {1: 2}\n    return a\n";
  assert.throws(() => compile(src), (e: CompileError) => e instanceof CompileError && e.code === "NB130" && e.line === 4 && /dictionaries are not supported/.test(e.message) && /> 4 \|     x = \{1: 2\}/.test(e.message));
  assert.throws(() => compile("def g(a):\n    with open(a) as h:\n        pass\n    return 1\n"), (e: CompileError) => e.code === "NB130" && e.line === 2 && /with statement is not supported/.test(e.message));
  const h = compile("import numpy as np\ndef h(a):\n    return np.fft.fft(a)\n").h!;
  assert.throws(() => h(new Float64Array(2)), (e: CompileError) => e.line === 3 && /numpy\.fft/.test(e.message));
  assert.throws(() => compile("def f(a):\n    return a +\n"), (e: CompileError) => e.code === "NB001" && e.line === 2);
  const u = compile("def u(a):\n    return b\n").u!;
  assert.throws(() => u(1), (e: CompileError) => e.code === "NB103" && /name 'b' is not defined/.test(e.message));
});

test("@cuda.jit kernels run on numbat's kernel language (gpusim): cuda.grid, shared arrays, syncthreads, atomics", async () => {
  const { axpy, block_sum, bad } = compile(`
from numba import cuda
import numba

@cuda.jit
def axpy(a, x, y, out):
    i = cuda.grid(1)
    if i < x.shape[0]:
        out[i] = a * x[i] + y[i]

@cuda.jit
def block_sum(x, out):
    tile = cuda.shared.array(64, numba.float64)
    t = cuda.threadIdx.x
    tile[t] = x[cuda.blockIdx.x * cuda.blockDim.x + t]
    cuda.syncthreads()
    s = 32
    while s > 0:
        if t < s:
            tile[t] += tile[t + s]
        cuda.syncthreads()
        s //= 2
    if t == 0:
        cuda.atomic.add(out, 0, tile[0])

@cuda.jit
def bad(x):
    return x[0]
`, { kernel: { target: "gpusim" } });
  const n = 256, x = new Float64Array(n).map((_, i) => i * 0.5), y = new Float64Array(n).fill(1), out = new Float64Array(n);
  await axpy!.launch({ groups: 4, groupSize: 64 }, 2.5, x, y, out);
  assert.ok(out.every((v, i) => Object.is(v, 2.5 * x[i]! + 1)));
  const total = new Float64Array(1);
  await block_sum!.launch({ groups: 4, groupSize: 64 }, x, total);
  assert.equal(total[0], x.reduce((a, b) => a + b, 0));
  await assert.rejects(async () => bad!.launch({ groups: 1, groupSize: 1 }, x), (e: CompileError) => e.code === "NB120" && /returns a value/.test(e.message));
});

test("cache=True: a tuple-returning function from the disk cache in a fresh process", () => {
  const dir = mkdtempSync(join(tmpdir(), "numbat-pycache-"));
  const script = `
    import { compile } from ${JSON.stringify(pathToFileURL(resolve(import.meta.dirname, "../src/frontend/python/index.js")).href)};
    import { array } from ${JSON.stringify(pathToFileURL(resolve(import.meta.dirname, "../src/index.js")).href)};
    const { f } = compile("from numba import njit\\n@njit(cache=True)\\ndef f(a):\\n    return a.sum(), a * 2\\n");
    const [s, twice] = f(array([1, 2, 3]));
    console.log(JSON.stringify([s, [...twice.data]]));`;
  try {
    for (let run = 0; run < 2; run++) {
      const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", env: { ...process.env, NUMBAT_CACHE_DIR: dir } });
      assert.equal(r.stdout.trim(), "[6,[2,4,6]]", r.stderr);
    }
    assert.ok(readdirSync(dir).length > 0, "nothing was cached");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// ---- the differential suite --------------------------------------------------------------------

const F = (data: number[], shape = [data.length]): PyArg => ({ array: data, shape, dtype: "float64" });
const I32 = (data: number[], shape = [data.length]): PyArg => ({ array: data, shape, dtype: "int32" });
const grid = (m: number, n: number, f: (i: number, j: number) => number) => F(Array.from({ length: m * n }, (_, k) => f(Math.floor(k / n), k % n)), [m, n]);
const M34 = grid(3, 4, (i, j) => (i * 4 + j) / 8 - 0.75);
const M43 = grid(4, 3, (i, j) => i - 2 * j + 0.5);
const V4 = F([0.5, -1.25, 3, -0]);
const NEG = [[7, 2], [-7, 2], [7, -2], [-7, -2], [0, 5], [6, -3]];
const FNEG = [[7.5, 2.25], [-7.5, 2.25], [7.5, -2.25], [-7.5, -2.25], [0.5, -1.5], [-0.5, 1.5], [1e-300, 7.25], [-1e-300, 7.25]];

interface Case { readonly name: string; readonly src: string; readonly args: readonly (readonly PyArg[])[]; readonly numba?: boolean }

const cases: Case[] = [
  // scalars: Python's arithmetic
  { name: "int floor division and modulo on negatives", src: "def f(a, b):\n    return a // b, a % b", args: NEG, numba: true },
  { name: "float floor division and modulo on negatives", src: "def f(a, b):\n    return a // b, a % b, a / b", args: FNEG, numba: true },
  { name: "float // and % at the edges (inf, nan, signed zeros, tiny values)", src: "def f(a, b):\n    return a // b, a % b", args: [[5.5, Infinity], [-5.5, Infinity], [5.5, -Infinity], [-5.5, -Infinity], [Infinity, 2.5], [NaN, 2.5], [2.5, NaN], [-0, 2.5], [-0, -2.5], [0.5, -2.5], [5e-324, 0.5], [-5e-324, 0.5], [1e308, 1e-308], [-7.5, 0.5], [7.5, -0.5]] },
  { name: "int // and % over a spread of values", src: "def f(a, b):\n    return a // b, a % b, a * b, a - b", args: Array.from({ length: 24 }, (_, k) => [((k * 7919) % 201 - 100) * (k % 3 === 0 ? 2 ** 40 : 1), ((k * 104729) % 37) - 18 || 5]) },
  { name: "true division of ints is float", src: "def f(a, b):\n    return a / b", args: [[7, 2], [-1, 3], [1, 0]] },
  { name: "division by zero raises", src: "def f(a, b):\n    return a // b", args: [[1, 0], [-1.5, 0.25]] },
  { name: "modulo by zero raises", src: "def f(a, b):\n    return a % b", args: [[1, 0]] },
  { name: "int power", src: "def f(a, n):\n    return a ** n, a ** 2, 2 ** 10", args: [[3, 5], [-2, 7], [5, 0]] },
  { name: "float power", src: "def f(x):\n    return x ** 2, x ** 1, 2.0 ** 3", args: [[1.5], [-0.1]] },
  { name: "int64 wraps", src: "def f(n):\n    x = 1\n    for i in range(n):\n        x = x * 6364136223846793005 + 1442695040888963407\n    return x", args: [[1], [3], [10]], numba: true },
  { name: "int64 multiply overflow", src: "def f(a):\n    return a * a * a * a", args: [[100000], [-99999]], numba: true },
  { name: "shifts by constants and masks", src: "def f(a):\n    return a << 3, a >> 2, a & 255, ~a", args: [[1000], [-1000], [7]] },
  { name: "and/or return operands", src: "def f(a, b):\n    return a and b, a or b, not a", args: [[0, 5], [3, 5], [2.5, 0]] },
  { name: "NaN is true", src: "import math\ndef f(x):\n    y = x * math.inf\n    return (y - y) and 1.0 or 2.0", args: [[0.5]] },
  { name: "chained comparisons", src: "def f(a, b, c):\n    return a < b < c, a <= b > c, a == b == c, a < b != c", args: [[1, 2, 3], [1, 2, 2], [2, 2, 2], [3, 2, 1]] },
  { name: "conditional expression", src: "def f(x):\n    return 1 if x > 0 else -1.5", args: [[2], [-2]] },
  { name: "min and max pick operands as Python", src: "def f(a, b):\n    return max(a, b), min(a, b), max(a, b, 0.25), abs(a - b)", args: [[0.5, -0.5], [-0.0, 0.0], [0.0, -0.0], [3, 3]] },
  { name: "round half to even, int()", src: "def f(x):\n    return round(x), int(x), float(int(x))", args: [[2.5], [3.5], [-2.5], [-0.4], [7.999]] },
  { name: "math functions", src: "import math\ndef f(x):\n    return math.sqrt(x), math.floor(x), math.ceil(x), math.fabs(-x), math.trunc(-x), math.isnan(x), math.isinf(x * 1e308)", args: [[2.25], [10.5]] },
  { name: "math.copysign and hypot", src: "import math\ndef f(x, y):\n    return math.copysign(x, y), math.hypot(3.0, 4.0)", args: [[1.5, -0.0], [-2.5, 3.5]] },
  // control flow
  { name: "range with negative steps", src: "def f(n):\n    s = 0\n    for i in range(n, -1, -3):\n        s = s * 10 + i\n    return s", args: [[10], [2], [-1]] },
  { name: "range with a run-time step", src: "def f(a, b, c):\n    s = 0\n    for i in range(a, b, c):\n        s = s * 7 + i\n    return s", args: [[0, 10, 3], [10, 0, -4], [5, 5, 1], [0, 10, 0]] },
  { name: "loop variable after the loop", src: "def f(n):\n    i = -1\n    for i in range(n):\n        pass\n    return i", args: [[5], [0]] },
  { name: "while, break, continue", src: "def f(n):\n    s = 0\n    i = 0\n    while True:\n        i += 1\n        if i % 3 == 0:\n            continue\n        if i > n:\n            break\n        s += i\n    return s", args: [[10], [0]] },
  { name: "for ... else and while ... else", src: "def f(n):\n    found = -1\n    for i in range(2, n):\n        if n % i == 0:\n            found = i\n            break\n    else:\n        found = 0\n    k = 0\n    while k < 3:\n        k += 1\n    else:\n        k += 10\n    return found, k", args: [[15], [13]] },
  { name: "collatz steps", src: "def f(n):\n    c = 0\n    while n != 1:\n        n = n // 2 if n % 2 == 0 else 3 * n + 1\n        c += 1\n    return c", args: [[27], [1]] },
  { name: "tuple unpacking and swap", src: "def f(a, b):\n    a, b = b, a\n    c, (d, e) = a, (b, a + b)\n    return a, b, c, d, e", args: [[1, 2.5]] },
  { name: "widening int to float", src: "def f(n):\n    x = 0\n    for i in range(n):\n        x = x + 0.5\n    return x", args: [[3]] },
  { name: "raise ValueError", src: "def f(x):\n    if x < 0:\n        raise ValueError(\"negative\")\n    return x", args: [[1], [-1]] },
  { name: "assert", src: "def f(x):\n    assert x > 0, \"must be positive\"\n    return x", args: [[1], [-1]] },
  { name: "module-level constants", src: "import math\nN = 4\nSCALE = 2.5 * N\nTAU = 2 * math.pi\ndef f(x):\n    s = 0.0\n    for i in range(N):\n        s += x * SCALE + i\n    return s, TAU, -N // 3", args: [[1.5]] },
  { name: "calling a function that returns a tuple", src: "import numpy as np\ndef stats(a):\n    return a.min(), a.max(), a * 2, len(a) > 2\n\ndef f(a):\n    lo, hi, twice, big = stats(a)\n    q, r = divmod_(7, -2)\n    return hi - lo, twice.sum(), big, q, r\n\ndef divmod_(a, b):\n    return a // b, a % b", args: [[V4]] },
  { name: "recursion", src: "def fib(n):\n    if n <= 1:\n        return n\n    return fib(n - 1) + fib(n - 2)\n\ndef f(n):\n    return fib(n)", args: [[15], [2.5]] },
  { name: "calls between functions", src: "def sq(x):\n    return x * x\n\ndef f(a):\n    return sq(a) + sq(a + 1)", args: [[3], [2.5]] },
  // arrays: attributes, indexing, loops
  { name: "shape, ndim, size, len", src: "def f(A):\n    m, n = A.shape\n    return m, n, A.ndim, A.size, len(A), A.shape[1]", args: [[M34]] },
  { name: "negative indices", src: "def f(A):\n    return A[-1, -1], A[0, -2], A[-3, 0]", args: [[M34]] },
  { name: "index out of bounds raises", src: "def f(A, i):\n    return A[i, 0]", args: [[M34, 3]] },
  { name: "np.zeros and element updates", src: "import numpy as np\ndef f(n):\n    a = np.zeros((n, 2))\n    for i in range(n):\n        a[i, 0] += i\n        a[i, 1] = a[i, 0] * 2.5\n    return a", args: [[4]] },
  { name: "np.ones, np.full, np.empty with dtypes", src: "import numpy as np\ndef f(n):\n    a = np.ones(n, dtype=np.int32)\n    b = np.full((2, n), 1.5)\n    c = np.empty(n, np.float32)\n    for i in range(n):\n        c[i] = 0.1 * i\n        a[i] += i\n        b[1, i] = c[i] + a[i]\n    return b", args: [[3]] },
  { name: "zeros_like and arange", src: "import numpy as np\ndef f(A):\n    z = np.zeros_like(A)\n    r = np.arange(0.0, 2.0, 0.5)\n    z[0, :] = 7.0\n    z[1, :] = r\n    return z", args: [[M34]] },
  { name: "int32 arrays and wrapping stores", src: "def f(a):\n    for i in range(len(a)):\n        a[i] = a[i] * 65536 * 3\n    return a", args: [[I32([1, 20000, -7])]] },
  // slices are views
  { name: "row and column views", src: "def f(A):\n    r = A[1, :]\n    c = A[:, 2]\n    return r.sum(), c.sum(), r[3], c[-1]", args: [[M34]] },
  { name: "strided slices", src: "def f(A):\n    B = A[1:-1, ::2]\n    return B.copy()", args: [[grid(4, 5, (i, j) => i * 10 + j)]] },
  { name: "negative-step slices", src: "def f(a):\n    b = a[::-1]\n    c = a[-2:0:-1]\n    return b[0], b[4], c[0], c[2], len(c), len(a[5:1]), b.sum()", args: [[F([1, 2, 3, 4, 5])]] },
  { name: "writes through a view", src: "def f(A):\n    A[1:, 1:] = 0.5\n    A[0, :] += A[2, :]\n    return A", args: [[M34]] },
  { name: "transposed element", src: "def f(A):\n    return A.T[2, 1], A.T.shape[0]", args: [[M34]] },
  { name: "transpose", src: "def f(A):\n    return A.T.copy()", args: [[M34]] },
  { name: "copy is a new array", src: "def f(A):\n    B = A.copy()\n    B[0, 0] = 9.0\n    return A[0, 0], B[0, 0]", args: [[M34]] },
  // whole-array arithmetic, broadcasting, math
  { name: "elementwise with scalars", src: "def f(A):\n    return (A * 2 + 1) * -A + 1.0 / (A + 10.0)", args: [[M34]] },
  { name: "broadcasting a row over a matrix", src: "def f(A, v):\n    return (A + v) / (A * v - v)", args: [[M34, V4]], numba: true },
  { name: "assigning a larger value into a slice raises", src: "def f(A, v):\n    A[0:1, :] = v\n    A[:, 0:1] = v\n    return A", args: [[M34, V4]] },
  { name: "broadcasting shape mismatch raises", src: "def f(A, v):\n    return A + v", args: [[M34, F([1, 2, 3])]] },
  { name: "np.sqrt, np.abs, np.floor of arrays", src: "import numpy as np\ndef f(A):\n    return np.sqrt(np.abs(A)) + np.floor(A * 3.0)", args: [[M34]] },
  { name: "floor division and modulo of arrays", src: "def f(A):\n    return A // 0.25 + (A % 0.5) * 1000.0", args: [[M34]] },
  { name: "in-place array updates", src: "def f(A, v):\n    A += v\n    A *= 2.0\n    return A", args: [[M34, V4]] },
  { name: "np.add, np.power, np.square, np.clip, np.copy", src: "import numpy as np\ndef f(A, v):\n    B = np.copy(A)\n    B[0, 0] = 9.0\n    return np.add(A, v) * np.square(A) - np.power(A, 2.0) + np.clip(B, -0.25, 0.5) + np.floor_divide(A, 0.25) + np.negative(A)", args: [[M34, V4]] },
  { name: "np.linspace, np.cumsum, sum()", src: "import numpy as np\ndef f(A, n):\n    x = np.linspace(-1.0, 2.0, n)\n    c = np.cumsum(A)\n    return x, c, sum(A[0]), sum((1, 2.5, n)), np.cumprod(A[0])", args: [[M34, 7], [M34, 1]] },
  { name: "views of views, A[i][j], reversed transposes", src: "def f(A):\n    B = A[1:][0]\n    C = A[:, ::-1].T\n    s = 0.0\n    for i in range(3):\n        r = A[i]\n        s = s * 2.0 + r[i] + A[i][3 - i]\n    return B[2], C[0, 1], C.shape[0], s", args: [[M34]] },
  { name: "np.maximum and np.minimum", src: "import numpy as np\ndef f(A):\n    return np.maximum(A, 0.0) * 8.0 + np.minimum(A, -0.25)", args: [[M34]] },
  // reductions
  { name: "sum, prod, max, min, mean", src: "import numpy as np\ndef f(A):\n    return np.sum(A), A.prod(), np.max(A), A.min(), np.mean(A)", args: [[M34], [V4]], numba: true },
  { name: "argmax and argmin (flat index, first wins)", src: "import numpy as np\ndef f(A):\n    return np.argmax(A), A.argmin()", args: [[M34], [F([1, 3, 3, -1, -1])]], numba: true },
  { name: "max of an empty array raises", src: "import numpy as np\ndef f(a):\n    return np.max(a[1:1])", args: [[V4]] },
  { name: "sum over an axis", src: "def f(A):\n    return A.sum(axis=0) * 100.0 + A.max(axis=0)", args: [[M34]] },
  { name: "sum of a product (fused)", src: "import numpy as np\ndef f(a, b):\n    return np.sum(a * b)", args: [[V4, F([2, 4, 8, 16])]] },
  { name: "dot and matmul", src: "import numpy as np\ndef f(A, B, v):\n    C = A @ B\n    w = np.dot(A, v)\n    return C[0, 0], C[2, 1], w[0], w[2], np.dot(v, v), C.sum()", args: [[M34, M43, V4]] },
  { name: "dot of mismatched shapes raises", src: "import numpy as np\ndef f(A):\n    return A @ A", args: [[M34]] },
  // loops over arrays
  { name: "for over a 1-d array", src: "def f(a):\n    s = 0.0\n    for x in a:\n        s = s * 2.0 + x\n    return s", args: [[V4]] },
  { name: "for over rows, enumerate, zip", src: "def f(A, v):\n    s = 0.0\n    for row in A:\n        s += row[0] - row[3]\n    for i, x in enumerate(v, 1):\n        s += i * x\n    for x, y in zip(v, A[0]):\n        s = s * 0.5 + x * y\n    return s", args: [[M34, V4]] },
  // boolean arrays
  { name: "comparisons, np.where, any, all", src: "import numpy as np\ndef f(A, t):\n    m = A > t\n    return np.where(m, A, -1.0), np.sum(A > t), (A < t).any(), np.all(A == A), np.where(A < 0, 0, 1).sum()", args: [[M34, 0.1], [M34, -5]] },
  { name: "np.isnan of an array", src: "import numpy as np\ndef f(a):\n    b = a / a\n    return np.sum(np.isnan(b)), np.any(np.isnan(b))", args: [[F([0, 1, -0, 2])]] },
  // programs as Numba tutorials write them
  { name: "mandelbrot escape counts", src: "import numpy as np\ndef f(w, h, it):\n    out = np.zeros((h, w), dtype=np.int32)\n    for y in range(h):\n        for x in range(w):\n            c = complex_re = -2.0 + 3.0 * x / w\n            ci = -1.5 + 3.0 * y / h\n            zr = 0.0\n            zi = 0.0\n            n = 0\n            while n < it and zr * zr + zi * zi <= 4.0:\n                zr, zi = zr * zr - zi * zi + c, 2.0 * zr * zi + ci\n                n += 1\n            out[y, x] = n\n    return out", args: [[12, 9, 30]] },
  { name: "jacobi sweeps with slices", src: "import numpy as np\ndef f(A, steps):\n    B = A.copy()\n    for s in range(steps):\n        B[1:-1, 1:-1] = 0.25 * (B[:-2, 1:-1] + B[2:, 1:-1] + B[1:-1, :-2] + B[1:-1, 2:])\n    return B", args: [[grid(5, 6, (i, j) => (i * 3 + j * 5) % 7 - 3), 3]] },
  { name: "bubble sort in place", src: "def f(a):\n    n = len(a)\n    for i in range(n):\n        for j in range(n - 1 - i):\n            if a[j] > a[j + 1]:\n                a[j], a[j + 1] = a[j + 1], a[j]\n    return a", args: [[F([3, -1, 2.5, 0, -7, 2.5, 9])]] },
  { name: "histogram into an int32 array", src: "import numpy as np\ndef f(x, bins):\n    h = np.zeros(bins, dtype=np.int32)\n    lo = x.min()\n    hi = x.max()\n    for v in x:\n        k = int((v - lo) / (hi - lo) * bins)\n        if k == bins:\n            k -= 1\n        h[k] += 1\n    return h", args: [[F([0.5, -1.25, 3, -0, 2, 2.75, -1, 0.125]), 4]] },
  { name: "n-body accelerations", src: "import numpy as np\nimport math\ndef f(p, m):\n    n = p.shape[0]\n    acc = np.zeros_like(p)\n    for i in range(n):\n        for j in range(n):\n            if i == j:\n                continue\n            dx = p[j, 0] - p[i, 0]\n            dy = p[j, 1] - p[i, 1]\n            r = math.sqrt(dx * dx + dy * dy + 0.01)\n            s = m[j] / (r * r * r)\n            acc[i, 0] += dx * s\n            acc[i, 1] += dy * s\n    return acc", args: [[grid(4, 2, (i, j) => i * 0.75 - j * 0.5 + 0.25), F([1, 2, 0.5, 3])]] },
  // tuples holding arrays
  { name: "tuple of arrays and numbers", src: "import numpy as np\ndef f(A, n):\n    z = np.zeros((n, 2), dtype=np.int32)\n    z[0, 1] = 7\n    return A * 2 + 1, A.sum(), A.T, z, n > 2", args: [[M34, 3]] },
  { name: "tuples from several returns", src: "def f(A, k):\n    if k > 0:\n        return A[k, :], k\n    return A[0, 1:], 0.5", args: [[M34, 1], [M34, 0]] },
  // prange
  { name: "prange with a reduction", src: "from numba import prange\ndef f(A):\n    s = 0.0\n    for i in prange(A.shape[0]):\n        s += A[i, 0] * 2.0\n    return s", args: [[M34]], numba: true },
  { name: "prange writing rows", src: "import numpy as np\nfrom numba import prange\ndef f(n):\n    out = np.zeros((n, 3))\n    for i in prange(n):\n        for j in range(3):\n            out[i, j] = i * 3 + j\n    return out", args: [[5]], numba: true },
];

/** Scalars travel as {int} or {float} (JSON would turn -0.0 into 0); array elements as strings. */
function toPy(a: PyArg): unknown {
  if (typeof a === "boolean") return a;
  // numbat types integral numbers within ±2^53 as int, others as float (runtime/signature.ts)
  if (typeof a === "number") return Number.isInteger(a) && Math.abs(a) <= 2 ** 53 && !Object.is(a, -0) ? { int: String(a) } : { float: Object.is(a, -0) ? "-0.0" : String(a) };
  if ("array" in a) return { ...a, array: a.array.map((x) => (Object.is(x, -0) ? "-0.0" : String(x))) };
  return a;
}

/** Cases also run on the native target (C through the system compiler) when there is one: int64 division and wrapping in C. */
const NATIVE = new Set(["int floor division and modulo on negatives", "int64 wraps", "tuple of arrays and numbers"]);

function hasCompiler(): boolean {
  try { compile("def f(x):\n    return x\n", { target: "native" }); return true; } catch { return false; }
}

function toJs(a: PyArg): unknown {
  if (typeof a === "number" || typeof a === "boolean") return a;
  if ("int" in a) return Number(a.int);
  const arr = zeros(a.shape, a.dtype);
  const d = arr.data as unknown as number[];
  a.array.forEach((x, i) => { d[i] = x; });
  return arr;
}

function expectSame(actual: unknown, want: PyValue, where: string): void {
  if ("unsupported" in want) return;
  if ("error" in want) assert.fail(`${where}: expected ${want.error}, got ${String(actual)}`);
  if ("none" in want) return assert.equal(actual, undefined, where);
  if ("float" in want) {
    const x = Number(want.float.replace("inf", "Infinity"));
    return assert.ok(Object.is(actual, x), `${where}: got ${String(actual)}, CPython ${want.float}`);
  }
  if ("int" in want) {
    const x = Number(BigInt.asIntN(64, BigInt(want.int)));
    return assert.ok(Object.is(actual, x), `${where}: got ${String(actual)}, CPython ${want.int} (int64: ${x})`);
  }
  if ("bool" in want) return assert.equal(actual, want.bool, where);
  if ("tuple" in want) {
    assert.ok(Array.isArray(actual) && actual.length === want.tuple.length, `${where}: expected a tuple of ${want.tuple.length}, got ${String(actual)}`);
    return want.tuple.forEach((w, i) => expectSame((actual as unknown[])[i], w, `${where}[${i}]`));
  }
  const arr = actual as NdArray;
  assert.deepEqual(arr.shape, want.shape, `${where}: shape`);
  const flat: number[] = [];
  const walk = (idx: number[]): void => {
    if (idx.length === arr.shape.length) { flat.push(arr.get(...idx)); return; }
    for (let i = 0; i < arr.shape[idx.length]!; i++) walk([...idx, i]);
  };
  walk([]);
  want.array.forEach((w, i) => expectSame(flat[i], w, `${where}.flat[${i}]`));
}

test("differential: Python functions through numbat and through CPython + NumPy (and Numba)", (t) => {
  assert.ok(cases.length >= 40);
  const python = findPython();
  if (!python) return t.skip("no python3 with numpy (install python3-numpy, or set NUMBAT_PYTHON)");
  const numba = hasNumba(python);
  const native = hasCompiler();
  if (!native) t.diagnostic("no C compiler: the native target is not checked");
  if (!numba) t.diagnostic("numba is not installed: compared against CPython + NumPy only");
  const runs: { c: Case; args: readonly PyArg[] }[] = cases.flatMap((c) => c.args.map((args) => ({ c, args })));
  const oracle: OracleCase[] = runs.map(({ c, args }) => ({ src: c.src, fn: "f", args: args.map(toPy) as PyArg[], numba: c.numba === true }));
  const results = runOracle(python, oracle);
  const failures: string[] = [];
  runs.forEach(({ c, args }, k) => {
    const at = `${c.name} ${JSON.stringify(args).slice(0, 60)}`;
    const r = results[k]!;
    for (const target of native && NATIVE.has(c.name) ? ["wasm", "native"] as const : ["wasm"] as const) try {
      const f = compile(c.src, { target }).f!;
      const where = target === "wasm" ? at : `${at} (native)`;
      let actual: unknown, error: unknown;
      try { actual = f(...args.map(toJs)); } catch (e) { error = e; }
      for (const [who, want] of [["CPython", r.cpython], ["Numba", r.numba]] as const) {
        if (!want || "unsupported" in want) continue;
        if ("error" in want) {
          if (!(error instanceof Error) || error.name !== want.error) failures.push(`${where}: ${who} raised ${want.error}, numbat ${error ? `threw ${(error as Error).name}: ${(error as Error).message}` : `returned ${String(actual)}`}`);
          continue;
        }
        if (error) { failures.push(`${where}: numbat threw ${(error as Error).message.split("\n")[0]}`); break; }
        // numbat's array arguments are updated in place, as NumPy's: compare with fresh copies per call.
        try { expectSame(actual, want, `${where} vs ${who}`); } catch (e) { failures.push((e as Error).message.split("\n")[0]!); }
      }
    } catch (e) {
      failures.push(`${at} (${target}): ${(e as Error).message.split("\n").slice(0, 4).join(" | ")}`);
    }
  });
  assert.deepEqual(failures, []);
});
