// A loop sum over a Float64Array: the smallest kernel, a reduction the vectoriser keeps in order.
export default function sum(a) {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
}

export const args = () => [Float64Array.from({ length: 37 }, (_, i) => Math.sin(i) * 10)];
