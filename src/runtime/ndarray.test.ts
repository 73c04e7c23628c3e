// Tests for NdArray: view semantics checked against the scijs `ndarray` package, heap-backed constructors,
// validity across heap growth, finalization freeing heap blocks, and error messages.

import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { spawnSync } from "node:child_process";
import { NdArray, zeros, ones, empty, full, array, adoptHeapArray, heldResultBytes, isNdArrayLike, RESULT_BUDGET, type TypedArray } from "./ndarray.js";
import { heap } from "./memory.js";
import { prng as rng } from "../../examples/random.js"; // mulberry32: a failing stress run can be replayed

// scijs ndarray ships no types; only the protocol surface used here is declared.
interface SciNd {
  data: TypedArray; shape: number[]; stride: number[]; offset: number; size: number; dimension: number; order: number[]; dtype: string;
  get(...i: number[]): number; set(...iv: number[]): number; index(...i: number[]): number;
  transpose(...a: number[]): SciNd; hi(...i: (number | null)[]): SciNd; lo(...i: (number | null)[]): SciNd;
  step(...i: (number | null)[]): SciNd; pick(...i: (number | null)[]): SciNd;
}
const sci = createRequire(import.meta.url)("ndarray") as (data: TypedArray, shape?: number[], stride?: number[], offset?: number) => SciNd;


/** Every index tuple of `shape`, last axis fastest. */
function* indices(shape: number[]): Generator<number[]> {
  if (shape.some((n) => n <= 0)) return;
  const idx = shape.map(() => 0);
  for (;;) {
    yield idx.slice();
    let i = shape.length - 1;
    for (; i >= 0 && ++idx[i] === shape[i]; i--) idx[i] = 0;
    if (i < 0) return;
  }
}

function sameView(a: NdArray, b: SciNd, what: string): void {
  assert.deepEqual(a.shape, [...b.shape], `${what}: shape`);
  assert.deepEqual(a.stride, [...b.stride], `${what}: stride`);
  assert.equal(a.offset, b.offset, `${what}: offset`);
  assert.equal(a.size, b.size, `${what}: size`);
  assert.equal(a.dimension, b.dimension, `${what}: dimension`);
  // Ties in |stride| are ordered arbitrarily (scijs's 3-d special case differs from its n-d sort), so skip them.
  if (new Set(a.stride.map(Math.abs)).size === a.dimension) assert.deepEqual(a.order, [...b.order], `${what}: order`);
  for (const ix of indices(a.shape)) {
    assert.equal(a.index(...ix), b.index(...ix), `${what}: index(${ix})`);
    assert.equal(a.get(...ix), b.get(...ix), `${what}: get(${ix})`);
  }
}

test("views match scijs ndarray: random chains of transpose/hi/lo/step/pick", () => {
  const rand = rng(99);
  const int = (n: number) => Math.floor(rand() * n);
  for (let trial = 0; trial < 300; trial++) {
    const shape = Array.from({ length: 1 + int(4) }, () => 1 + int(5));
    const n = shape.reduce((a, b) => a * b, 1);
    const base = Float64Array.from({ length: n }, (_, i) => i * 1.5 - 7);
    let a: NdArray = new NdArray(base.slice(), shape);
    let b = sci(base.slice(), shape);
    sameView(a, b, `base ${shape}`);
    for (let step = 0; step < 4 && a.dimension > 0; step++) {
      const d = a.dimension, op = int(6);
      const what = `trial ${trial} step ${step}`;
      if (op === 0) {
        const perm = Array.from({ length: d }, (_, i) => i).sort(() => rand() - 0.5);
        a = a.transpose(...perm); b = b.transpose(...perm);
      } else if (op === 1) {
        const args = a.shape.map((s) => (rand() < 0.2 ? (rand() < 0.5 ? -1 : null) : int(s + 1)));
        a = a.hi(...args); b = b.hi(...args);
      } else if (op === 2) {
        const args = a.shape.map((s) => (rand() < 0.2 ? null : int(s + 1)));
        a = a.lo(...args); b = b.lo(...args);
      } else if (op === 3) {
        const args = a.shape.map(() => (rand() < 0.2 ? null : (1 + int(3)) * (rand() < 0.5 ? -1 : 1)));
        a = a.step(...args); b = b.step(...args);
      } else if (op === 4) {
        const args = a.shape.map((s) => (rand() < 0.5 || s === 0 ? null : int(s)));
        a = a.pick(...args); b = b.pick(...args);
      } else {
        a = a.T; b = b.transpose(...Array.from({ length: d }, (_, i) => d - 1 - i));
      }
      sameView(a, b, what);
      // set writes the same element in both, and returns the value as scijs does.
      const all = [...indices(a.shape)];
      if (all.length) {
        const ix = all[int(all.length)];
        assert.equal(a.set(...ix, 1000 + step), b.set(...ix, 1000 + step));
        assert.deepEqual(a.data, b.data, `${what}: data after set(${ix})`);
      }
    }
  }
});

test("protocol details match scijs: 0-d views, negative-stride default offset, dtype names", () => {
  const d = new Float64Array([1, 2, 3, 4, 5, 6]);
  const a = new NdArray(d, [2, 3]), b = sci(d, [2, 3]);
  const a0 = a.pick(1, 2), b0 = b.pick(1, 2);
  assert.equal(a0.dimension, 0); assert.equal(a0.size, 1);
  assert.equal(a0.get(), b0.get()); assert.equal(a0.get(), 6);
  a0.set(60); assert.equal(d[5], 60);
  assert.equal(a0.toArray(), 60);
  const neg = new NdArray(d, [2, 3], [-3, -1]), sneg = sci(d, [2, 3], [-3, -1]);
  sameView(neg, sneg, "negative strides");
  for (const [ctor, name] of [[Float32Array, "float32"], [Int32Array, "int32"], [Uint32Array, "uint32"], [Int16Array, "int16"],
    [Uint16Array, "uint16"], [Int8Array, "int8"], [Uint8Array, "uint8"]] as const) {
    assert.equal(new NdArray(new ctor(4), [4]).dtype, name);
    assert.equal(sci(new ctor(4), [4]).dtype, name);
  }
  assert.equal(new NdArray(new Uint8ClampedArray(4), [4]).dtype, "uint8c"); // scijs says "uint8_clamped"
  assert.throws(() => a.step(0, 1), /step 0 on axis 0/);
  assert.throws(() => a.transpose(0, 2), /transpose axis 2 out of range/);
});

test("NdArray constructor validates data, shape, stride and extent", () => {
  const d = new Float64Array(6);
  assert.throws(() => new NdArray([1, 2] as unknown as Float64Array, [2]), /data must be a typed array/);
  assert.throws(() => new NdArray(d, [2, -3]), /bad shape \[2, -3\]: dimension 1 is -3/);
  assert.throws(() => new NdArray(d, [2, 3], [1]), /bad stride \[1\]/);
  assert.throws(() => new NdArray(d, [3, 3]), /reaches \[0, 8\], outside its data of length 6/);
  assert.equal(new NdArray(d, [0, 100]).size, 0); // empty views reach nothing
});

test("zeros/ones/full/empty allocate in the heap with C-order strides", () => {
  // Dirty a block first: zeros must clear memory a previous owner left behind.
  const p = heap.alloc(8 * 12);
  new Float64Array(heap.buffer, p, 12).fill(9);
  heap.free(p);
  const z = zeros([3, 4]);
  assert.ok(heap.owns(z.data.buffer));
  assert.deepEqual(z.shape, [3, 4]); assert.deepEqual(z.stride, [4, 1]); assert.equal(z.offset, 0);
  assert.equal(z.dtype, "float64");
  assert.ok(z.data.every((v) => v === 0));
  assert.equal(z.data.byteOffset % 16, 0);
  assert.deepEqual(ones(3, "int32").toArray(), [1, 1, 1]);
  assert.equal(ones(3, "int32").dtype, "int32");
  assert.deepEqual(full([2, 2], 2.5, "float32").toArray(), [[2.5, 2.5], [2.5, 2.5]]);
  assert.equal(full([2], 300, "uint8c").get(0), 255);
  assert.equal(empty([5, 0]).size, 0);
  assert.equal(zeros([]).size, 1); // 0-d
  assert.equal(zeros(4, "f32" as "float32").dtype, "float32"); // ir short names are accepted too
});

test("constructor errors name the bad value", () => {
  assert.throws(() => zeros([2, -1]), { name: "TypeError", message: /bad shape \[2, -1\]: dimension 1 is -1/ });
  assert.throws(() => zeros([2.5]), { name: "TypeError", message: /dimension 0 is 2\.5/ });
  assert.throws(() => zeros([NaN]), { name: "TypeError", message: /dimension 0 is NaN/ });
  assert.throws(() => zeros(["3" as unknown as number]), { name: "TypeError", message: /dimension 0 is "3"/ });
  assert.throws(() => zeros("3" as unknown as number), { name: "TypeError", message: /bad shape "3"/ });
  assert.throws(() => zeros(3, "float128" as "float64"), { name: "TypeError", message: /unknown dtype "float128" \(expected one of float64, float32/ });
  assert.throws(() => full(3, "x" as unknown as number), { name: "TypeError", message: /fill value "x" is not a number/ });
  assert.throws(() => array([[1, 2], [3]]), { name: "TypeError", message: /ragged nesting: element at \[1\] is an array of length 1, expected an array of length 2/ });
  assert.throws(() => array([[1, 2], [3, "4"]] as unknown as number[][]), { name: "TypeError", message: /element at \[1,1\] is "4", expected a number/ });
  assert.throws(() => array({} as unknown as number[]), { name: "TypeError", message: /cannot make an array from \[object Object\]/ });
});

test("array() infers shapes and copies typed arrays and ndarray-likes into the heap", () => {
  const a = array([[1, 2, 3], [4, 5, 6]]);
  assert.deepEqual(a.shape, [2, 3]); assert.equal(a.dtype, "float64"); assert.ok(heap.owns(a.data.buffer));
  assert.deepEqual(a.toArray(), [[1, 2, 3], [4, 5, 6]]);
  assert.deepEqual(array([]).shape, [0]);
  assert.deepEqual(array([[], []]).shape, [2, 0]);
  assert.equal(array(7).get(), 7);
  const i8 = array([1.7, -2.2, 300], "int8");
  assert.deepEqual([...i8.data], [1, -2, 44]); // typed-array store conversion
  const src = new Int16Array([5, 6, 7]);
  const t = array(src);
  assert.equal(t.dtype, "int16"); assert.deepEqual([...t.data], [5, 6, 7]);
  assert.notEqual(t.data.buffer, src.buffer);
  // A scijs transposed view copies in logical order.
  const s = sci(new Float64Array([1, 2, 3, 4, 5, 6]), [2, 3]).transpose(1, 0);
  const c = array(s as unknown as Parameters<typeof array>[0], "int32");
  assert.deepEqual(c.toArray(), [[1, 4], [2, 5], [3, 6]]);
  assert.equal(c.dtype, "int32");
});

test("toArray and toString", () => {
  const a = array([[1, 2], [3, 4]]);
  assert.deepEqual(a.T.toArray(), [[1, 3], [2, 4]]);
  assert.equal(String(a), "array([[1, 2], [3, 4]], dtype=float64)");
  const big = zeros([2000]);
  assert.equal(big.toString(), "array([0, 0, 0, ..., 0, 0, 0], dtype=float64)");
});

test("arrays stay valid across heap growth", () => {
  const small = zeros(4, "int32");
  small.set(1, 5);
  const before = small.data.buffer;
  const big = zeros([heap.stats().memoryBytes / 8 + 1000]); // more than the whole heap: forces growth
  assert.ok(heap.owns(big.data.buffer));
  assert.notEqual(heap.buffer, before);
  assert.equal(small.get(1), 5);
  small.set(2, 6);
  assert.deepEqual([...small.data], [0, 5, 6, 0]);
  assert.ok(heap.owns(small.data.buffer));
  // The same memory seen through the grown buffer.
  assert.equal(new Int32Array(heap.buffer, small.data.byteOffset, 4)[2], 6);
  big.data.fill(1); // writing the big one must not touch the small one
  assert.deepEqual([...small.data], [0, 5, 6, 0]);
});

test("adoptHeapArray wraps a heap block as an NdArray or a bare typed array", () => {
  const p = heap.alloc(6 * 8);
  new Float64Array(heap.buffer, p, 6).set([1, 2, 3, 4, 5, 6]);
  const a = adoptHeapArray(p, "f64", [2, 3], true) as NdArray;
  assert.ok(a instanceof NdArray);
  assert.deepEqual(a.toArray(), [[1, 2, 3], [4, 5, 6]]);
  const q = heap.alloc(4);
  const t = adoptHeapArray(q, "i16", [2], false);
  assert.ok(t instanceof Int16Array); assert.equal(t.length, 2); assert.equal(t.byteOffset, q);
  assert.throws(() => adoptHeapArray(p + 16, "f64", [1], true), /is not a live heap block/);
  assert.throws(() => adoptHeapArray(q, "f64", [4], true), /at least 32 bytes/);
});

test("isNdArrayLike accepts scijs and numbat arrays only", () => {
  assert.ok(isNdArrayLike(sci(new Float64Array(4), [2, 2])));
  assert.ok(isNdArrayLike(sci(new Float64Array(4), [2, 2]).pick(0, 0))); // 0-d
  assert.ok(isNdArrayLike(zeros([2, 2])));
  assert.ok(!isNdArrayLike(sci([1, 2, 3] as unknown as TypedArray))); // plain-array data
  assert.ok(!isNdArrayLike({ data: new Float64Array(2), shape: [2] }));
  assert.ok(!isNdArrayLike({ data: new BigInt64Array(2), shape: [2], stride: [1], offset: 0 }));
  assert.ok(!isNdArrayLike(null)); assert.ok(!isNdArrayLike(new Float64Array(2)));
});

test("finalization returns heap blocks of unreachable arrays (child process with --expose-gc)", () => {
  const url = (f: string) => JSON.stringify(new URL(f, import.meta.url).href);
  const script = `
    import { zeros } from ${url("./ndarray.js")};
    import { heap } from ${url("./memory.js")};
    const tick = () => new Promise((r) => setTimeout(r, 5));
    const settle = async () => { for (let i = 0; i < 3; i++) { gc(); await tick(); } };
    await settle();
    const base = heap.stats().liveBytes;
    let kept = zeros(1000).data; kept.fill(3); // only the data view survives: it must keep its block
    for (let i = 0; i < 2000; i++) {
      const a = zeros([100, 100]); a.set(0, 0, i); // 80 KB each, 160 MB in all
      if (i % 100 === 99) await settle();
    }
    await settle();
    const s = heap.stats();
    console.log(JSON.stringify({ base, live: s.liveBytes, memory: s.memoryBytes, keptOk: kept.every((v) => v === 3) }));
  `;
  const r = spawnSync(process.execPath, ["--expose-gc", "--input-type=module", "-e", script], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  const { base, live, memory, keptOk } = JSON.parse(r.stdout);
  assert.ok(keptOk, "an array kept only through .data was overwritten");
  assert.ok(live - base >= 8000 && live - base < 2_000_000, `live bytes ${live} vs baseline ${base}`);
  assert.ok(memory < 64 * 2 ** 20, `heap grew to ${memory} bytes: blocks were not reused`);
});

test("free() returns an array's heap block at once; views, copies and second calls do nothing", () => {
  const before = heap.stats().liveBytes;
  const a = zeros([10, 10]);
  a.set(1, 2, 5);
  const t = a.T;
  assert.equal(heap.stats().liveBytes, before + 800);
  t.free(); // a view does not own the block
  assert.equal(heap.stats().liveBytes, before + 800);
  assert.equal(a.get(1, 2), 5);
  a.free();
  assert.equal(heap.stats().liveBytes, before);
  assert.equal(a.data.length, 0);
  assert.equal(a.dtype, "float64");
  assert.deepEqual(a.shape, [10, 10]);
  a.free(); // twice: nothing
  assert.equal(heap.stats().liveBytes, before);
  const plain = new NdArray(new Float64Array([1, 2, 3]), [3]);
  plain.free(); // not in the heap: left alone
  assert.deepEqual([...plain.data], [1, 2, 3]);
  const b = array([1, 2, 3], "int32");
  const dispose = (Symbol as { dispose?: symbol }).dispose;
  if (dispose !== undefined) {
    (b as unknown as Record<symbol, () => void>)[dispose]!();
    assert.equal(b.data.length, 0);
    assert.ok(b.data instanceof Int32Array);
  }
  assert.equal(heap.stats().liveBytes, before);
});

test("kernel results past RESULT_BUDGET are copied out of the heap, and their blocks freed at once", () => {
  const MiB = 2 ** 20, start = heldResultBytes();
  const block = (v: number) => {
    const p = heap.alloc(MiB);
    new Float64Array(heap.buffer, p, MiB / 8).fill(v);
    return p;
  };
  const kept: NdArray[] = [];
  for (let i = 0; heldResultBytes() + MiB <= RESULT_BUDGET; i++) kept.push(adoptHeapArray(block(i), "f64", [MiB / 8], true) as NdArray);
  assert.ok(kept.length > 0 && kept.every((a) => heap.owns(a.data.buffer)), "results within the budget stay in the heap");
  const p = block(7), live = heap.stats().liveBytes;
  const c = adoptHeapArray(p, "f64", [256, 512], true) as NdArray;
  assert.ok(!heap.owns(c.data.buffer), "past the budget a result is an ordinary array");
  assert.equal(heap.sizeOf(p), undefined, "and its block is freed");
  assert.equal(heap.stats().liveBytes, live - MiB);
  assert.deepEqual(c.shape, [256, 512]);
  assert.ok(c.data.every((v) => v === 7));
  const bare = adoptHeapArray(block(8), "f64", [16], false) as Float64Array;
  assert.ok(bare instanceof Float64Array && !heap.owns(bare.buffer) && bare.every((v) => v === 8));
  kept.forEach((a, i) => assert.ok(a.data.every((v) => v === i), `result ${i} kept its contents`));
  for (const a of kept) a.free(); // free() gives the budget back
  assert.equal(heldResultBytes(), start);
  const again = adoptHeapArray(block(9), "f64", [MiB / 8], false) as Float64Array;
  assert.ok(heap.owns(again.buffer));
});
