// NumPy broadcasting: shapes aligned from the right, dimensions of size 1 stretched (stride 0), and the
// loop nest a call runs over: size-1 dimensions dropped, dimensions ordered like the output in memory,
// and neighbouring dimensions merged where every operand steps through them as one (as NumPy's nditer).

export interface Strided {
  readonly shape: readonly number[];
  readonly stride: readonly number[];
}

/** "(3,4)", "(5,)", "()": NumPy's spelling of a shape in messages. */
export function formatShape(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(",")})`;
}

/** The broadcast shape of `shapes`, or an error naming all of them (NumPy's message). */
export function broadcastShapes(shapes: readonly (readonly number[])[], who: string): number[] {
  const rank = Math.max(0, ...shapes.map((s) => s.length));
  const out = new Array<number>(rank).fill(1);
  for (const s of shapes) {
    for (let k = 0; k < s.length; k++) {
      const j = rank - s.length + k, d = s[k]!;
      if (d === 1) continue;
      if (out[j] === 1) out[j] = d;
      else if (out[j] !== d) throw new RangeError(`${who}: operands could not be broadcast together with shapes ${shapes.map(formatShape).join(" ")}`);
    }
  }
  return out;
}

/** The strides of `a` viewed with `shape` (its dimensions right-aligned; missing and stretched ones step 0). */
export function broadcastStrides(a: Strided, shape: readonly number[]): number[] {
  const lead = shape.length - a.shape.length;
  return shape.map((_, j) => (j < lead || a.shape[j - lead] === 1 ? 0 : a.stride[j - lead]!));
}

export interface LoopNest {
  /** Trip counts, outermost first. */
  readonly extents: number[];
  /** Per operand, the element step of each loop. */
  readonly strides: number[][];
}

/**
 * The loops to run over `shape` for operands with the given (broadcast) strides. `order` is the operand
 * whose memory order the loops follow (the output): its largest strides outermost.
 */
export function loopNest(shape: readonly number[], strides: readonly (readonly number[])[], order: number): LoopNest {
  let dims = shape.map((_, j) => j).filter((j) => shape[j] !== 1);
  const key = strides[order]!;
  dims = dims.slice().sort((x, y) => Math.abs(key[y]!) - Math.abs(key[x]!) || x - y);
  const extents: number[] = [];
  const out: number[][] = strides.map(() => []);
  for (const j of dims) {
    const last = extents.length - 1;
    // merge j into the previous loop when every operand's step there is exactly one sweep of j
    if (last >= 0 && strides.every((s, k) => out[k]![last] === s[j]! * shape[j]!)) {
      extents[last] = extents[last]! * shape[j]!;
      strides.forEach((s, k) => (out[k]![last] = s[j]!));
    } else {
      extents.push(shape[j]!);
      strides.forEach((s, k) => out[k]!.push(s[j]!));
    }
  }
  return { extents, strides: out };
}
