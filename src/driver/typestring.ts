// Parses the type strings users write in `signatures` (the same spelling `f.signatures` prints):
// "int", "f64", "bool", "Float64Array", "ndarray<float64,2>".

import { type Type, arrayType, dtypeOfCtorName, dtypeOfUserName } from "../ir/types.js";

export function parseTypeString(s: string): Type {
  const t = s.trim();
  if (t === "int" || t === "f64" || t === "bool") return t;
  if (t === "float64" || t === "number") return "f64";
  if (t === "boolean") return "bool";
  const typed = dtypeOfCtorName(t);
  if (typed) return arrayType(typed, 1, false);
  const m = /^ndarray<\s*(\w+)\s*,\s*(\d+)\s*>$/.exec(t);
  const dt = m ? dtypeOfUserName(m[1]!) : undefined;
  if (m && dt && Number(m[2]) >= 1) return arrayType(dt, Number(m[2]), true);
  throw new TypeError(`numbat: unknown type "${s}" in signatures; use int, f64, bool, a typed array name such as Float64Array, or ndarray<float64,2>`);
}
