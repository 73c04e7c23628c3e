// Control flow and booleans: break/continue (labeled too), while and do-while, short-circuit guards,
// ternaries, `&&`/`||` returning operand values, boolean results, sorts, histogram, Mandelbrot.

import { EDGE_VALUES, edgeValuesSigned, mulberry32, randFloats, randInts, withEdges, type Kernel } from "../harness.js";

/** Sums until the sentinel (a negative value or NaN) and returns the sum; early `break`. */
export function sumUntilSentinel(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    if (x < 0 || Number.isNaN(x)) break;
    s += x;
  }
  return s;
}

/** Skips non-positive values and NaN with `continue`. */
export function sumPositive(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    if (!(a[i] > 0)) continue;
    s += a[i];
  }
  return s;
}

/** `while` whose condition guards the load: `i < n && a[i] > 0` must not read a[n]. */
export function leadingPositiveRun(a: Float64Array): number {
  const n = a.length;
  let i = 0;
  while (i < n && a[i] > 0) i++;
  return i;
}

/** Collatz step counts: a while loop per element, integer arithmetic. */
export function collatzSteps(a: Int32Array, out: Int32Array): number {
  let total = 0;
  for (let i = 0; i < a.length; i++) {
    let x = a[i];
    let steps = 0;
    while (x !== 1) {
      if (x % 2 === 0) x = x / 2;
      else x = 3 * x + 1;
      steps++;
    }
    out[i] = steps;
    total += steps;
  }
  return total;
}

/** Newton iterations for sqrt, counted with do-while (runs at least once, also for x = 0). */
export function newtonSqrtIterations(xs: Float64Array, roots: Float64Array, iters: Int32Array): void {
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    let r = x > 1 ? x : 1;
    let k = 0;
    let prev = 0;
    do {
      prev = r;
      r = 0.5 * (r + x / r);
      k++;
    } while (Math.abs(r - prev) > 1e-15 * r && k < 100);
    roots[i] = r;
    iters[i] = k;
  }
}

/** Labeled break out of two loops: the first (i, j) with a[i] + b[j] === target, or -1. */
export function findPair(a: Int32Array, b: Int32Array, target: number): number {
  let found = -1;
  outer: for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      if (a[i] + b[j] === target) {
        found = i * 1000 + j;
        break outer;
      }
    }
  }
  return found;
}

/** Labeled continue: counts rows that contain no negative value. */
export function countNonNegativeRows(A: Float64Array, m: number, n: number): number {
  let count = 0;
  rows: for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) if (A[i * n + j] < 0) continue rows;
    count++;
  }
  return count;
}

export function insertionSortF64(a: Float64Array): void {
  for (let i = 1; i < a.length; i++) {
    const x = a[i];
    let j = i - 1;
    while (j >= 0 && a[j] > x) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = x;
  }
}

export function insertionSortI32(a: Int32Array): void {
  for (let i = 1; i < a.length; i++) {
    const x = a[i];
    let j = i - 1;
    while (j >= 0 && a[j] > x) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = x;
  }
}

/** Histogram into an Int32Array; values outside [lo, hi) and NaN go to the under/over-flow counts. */
export function histogram(x: Float64Array, lo: number, hi: number, bins: Int32Array): number {
  const nb = bins.length;
  let outside = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (!(v >= lo && v < hi)) {
      outside++;
      continue;
    }
    let b = Math.floor(((v - lo) / (hi - lo)) * nb);
    if (b >= nb) b = nb - 1;
    bins[b]++;
  }
  return outside;
}

export function mandelbrot(out: Int32Array, w: number, h: number, maxIter: number): number {
  let inside = 0;
  for (let py = 0; py < h; py++) {
    for (let px = 0; px < w; px++) {
      const cx = -2.2 + (3.2 * px) / w;
      const cy = -1.2 + (2.4 * py) / h;
      let zx = 0;
      let zy = 0;
      let k = 0;
      while (k < maxIter && zx * zx + zy * zy <= 4) {
        const t = zx * zx - zy * zy + cx;
        zy = 2 * zx * zy + cy;
        zx = t;
        k++;
      }
      out[py * w + px] = k;
      if (k === maxIter) inside++;
    }
  }
  return inside;
}

/** Nested ternaries, some with int and float branches (joined to float). */
export function classify(x: Float64Array, out: Float64Array): void {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    out[i] = Number.isNaN(v) ? -1 : v === 0 ? (1 / v < 0 ? 0.5 : 0) : v > 0 ? (v > 1e300 ? 3 : 1) : v < -1 ? -2.5 : -2;
  }
}

/** `&&` and `||` return operand values (NaN, 0 and -0 are falsy); `!` makes a boolean. */
export function logicalValues(a: Float64Array, b: Float64Array, or: Float64Array, and: Float64Array, not: Int32Array): void {
  for (let i = 0; i < a.length; i++) {
    or[i] = a[i] || b[i];
    and[i] = a[i] && b[i];
    not[i] = !a[i] ? 1 : 0;
  }
}

/** Integer `&&` / `||` chains and a boolean accumulator. */
export function logicalInts(a: Int32Array): number {
  let s = 0;
  let any = false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    s += (x && x + 1) || 7;
    any = any || x > 90;
  }
  return any ? s : -s;
}

export function isSorted(a: Float64Array): boolean {
  for (let i = 1; i < a.length; i++) if (a[i - 1] > a[i]) return false;
  return true;
}

export function allFinite(a: Float64Array): boolean {
  let ok = true;
  for (let i = 0; i < a.length; i++) ok = ok && Number.isFinite(a[i]);
  return ok;
}

export function sumIsPositive(a: Float64Array): boolean {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s > 0;
}

/** Reverse in place with two pointers and a comma in the for update. */
export function reverseTwoPointers(a: Float64Array): void {
  for (let i = 0, j = a.length - 1; i < j; i++, j--) {
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}

/** Non-unit and negative steps, and a counter changed inside the body. */
export function oddSteps(a: Float64Array): number {
  let s = 0;
  for (let i = a.length - 1; i >= 0; i -= 3) s += a[i];
  for (let i = 1; i < a.length; i *= 2) s = s * 0.5 + a[i];
  for (let i = 0; i < a.length; i++) {
    if (a[i] > 0.5) i += 2;
    s += i;
  }
  return s;
}

/** The loop bound changes inside the loop: it must be re-read on every test. */
export function shrinkingBound(a: Float64Array): number {
  let n = a.length;
  let s = 0;
  for (let i = 0; i < n; i++) {
    s += a[i];
    if (a[i] < 0) n--;
  }
  return s * 1000 + n;
}

/** Loop counters past 2^31 (machine integers must not be 32-bit). */
export function countersPast2p31(): number {
  let s = 0;
  for (let i = 2 ** 31 - 3; i < 2 ** 31 + 3; i++) s += i;
  for (let i = -(2 ** 31) + 2; i > -(2 ** 31) - 2; i--) s += i;
  let k = 4294967290;
  while (k < 4294967300) k += 3;
  return s + k;
}

/** Early return from inside nested loops. */
export function firstNegativeIndex(A: Float64Array, m: number, n: number): number {
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++)
      if (A[i * n + j] < 0) return i * n + j;
  return -1;
}

/** Block-scoped shadowing: each `x` is a different variable. */
export function shadowing(a: Float64Array): number {
  let x = 1;
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    let x = a[i] * 2;
    if (x > 0) {
      const x = 100;
      s += x;
    }
    s += x;
  }
  {
    let x = 7;
    s += x;
  }
  return s + x;
}

/** Integer counters compared with floats and NaN. */
export function mixedComparisons(a: Float64Array): number {
  let c = 0;
  for (let i = 0; i < 6; i++) {
    if (i < 2.5) c += 1;
    if (i === 3.0) c += 10;
    if (i < a[0]) c += 100;
    if (i >= a[1]) c += 1000;
    if (i !== a[1]) c += 10000;
  }
  return c;
}

export const controlKernels: Kernel[] = [
  {
    name: "sum until a sentinel (break)", fn: sumUntilSentinel,
    args: () => { const a = randFloats(mulberry32(50), 300, 0, 10); a[217] = -1; return [a]; },
  },
  {
    name: "sum until a NaN sentinel (break)", fn: sumUntilSentinel,
    args: () => { const a = randFloats(mulberry32(51), 300, 0, 10); a[100] = NaN; return [a]; },
  },
  {
    name: "sum of positives (continue)", fn: sumPositive,
    args: () => { const a = randFloats(mulberry32(52), 200, -1, 1); a[3] = NaN; a[7] = -0; a[11] = 0; a[19] = NaN; return [a]; },
  },
  {
    name: "while with a short-circuit guard", fn: leadingPositiveRun,
    args: () => [randFloats(mulberry32(53), 50, 0.1, 1)],
  },
  {
    name: "Collatz steps (while)", fn: collatzSteps,
    args: () => [randInts(mulberry32(54), 100, 1, 100000), new Int32Array(100)],
  },
  {
    name: "Newton sqrt iterations (do-while)", fn: newtonSqrtIterations,
    args: () => {
      const xs = Float64Array.from([0, 1, 2, 1e-300, 1e300, 0.25, ...randFloats(mulberry32(55), 50, 0, 1000)]);
      return [xs, new Float64Array(xs.length), new Int32Array(xs.length)];
    },
  },
  {
    name: "labeled break out of nested loops", fn: findPair,
    args: () => { const r = mulberry32(56); return [randInts(r, 60, -500, 500), randInts(r, 60, -500, 500), 321]; },
  },
  {
    name: "labeled break, not found", fn: findPair,
    args: () => [Int32Array.from([1, 2, 3]), Int32Array.from([10, 20]), 1000],
  },
  {
    name: "labeled continue", fn: countNonNegativeRows,
    args: () => { const A = randFloats(mulberry32(57), 40 * 6, -0.15, 1); return [A, 40, 6]; },
  },
  {
    name: "insertion sort Float64Array", fn: insertionSortF64,
    args: () => [Float64Array.from([...randFloats(mulberry32(58), 200, -100, 100), 0, -0, Infinity, -Infinity, 5e-324, 0, -0])],
  },
  { name: "insertion sort Int32Array", fn: insertionSortI32, args: () => [randInts(mulberry32(59), 300, -(2 ** 31), 2 ** 31 - 1)] },
  {
    name: "histogram into an Int32Array", fn: histogram,
    args: () => [withEdges(mulberry32(60), 1000), -3, 3, new Int32Array(16)],
  },
  { name: "Mandelbrot escape counts", fn: mandelbrot, args: () => [new Int32Array(48 * 32), 48, 32, 200] },
  { name: "nested ternaries", fn: classify, args: () => { const x = withEdges(mulberry32(61), 100); return [x, new Float64Array(x.length)]; } },
  {
    name: "&& and || return values", fn: logicalValues,
    args: () => {
      const vals = edgeValuesSigned();
      const a = Float64Array.from([...vals, ...vals.map(() => 2)]);
      const b = Float64Array.from([...vals.map((_, i) => i - 3), ...vals]);
      const n = a.length;
      return [a, b, new Float64Array(n), new Float64Array(n), new Int32Array(n)];
    },
  },
  { name: "integer && || chains", fn: logicalInts, args: () => [randInts(mulberry32(62), 100, -3, 100)] },
  { name: "boolean result: isSorted (false)", fn: isSorted, args: () => [randFloats(mulberry32(63), 20)] },
  { name: "boolean result: isSorted (true)", fn: isSorted, args: () => [Float64Array.from([-Infinity, -1, 0, 0, 2, Infinity])] },
  { name: "boolean result: allFinite", fn: allFinite, args: () => [Float64Array.from(EDGE_VALUES.slice(1, 3))] },
  { name: "boolean result: allFinite (edge values)", fn: allFinite, args: () => [Float64Array.from(EDGE_VALUES)] },
  { name: "two-pointer reverse (comma in for update)", fn: reverseTwoPointers, args: () => [randFloats(mulberry32(65), 31)] },
  { name: "two-pointer reverse, empty and single", fn: reverseTwoPointers, args: () => [new Float64Array(0)] },
  { name: "non-unit, negative and in-body counter steps", fn: oddSteps, args: () => [randFloats(mulberry32(66), 100, 0, 1)] },
  { name: "loop bound changed inside the loop", fn: shrinkingBound, args: () => [randFloats(mulberry32(67), 50)] },
  { name: "loop counters past 2^31", fn: countersPast2p31, args: () => [] },
  {
    name: "early return from nested loops", fn: firstNegativeIndex,
    args: () => { const A = randFloats(mulberry32(68), 80, -0.05, 1); return [A, 8, 10]; },
  },
  { name: "block-scoped shadowing", fn: shadowing, args: () => [randFloats(mulberry32(69), 20)] },
  { name: "integer counters compared with floats and NaN", fn: mixedComparisons, args: () => [Float64Array.from([3.5, NaN])] },
  { name: "boolean result: comparison returned directly", fn: sumIsPositive, args: () => [randFloats(mulberry32(64), 33)] },
];
