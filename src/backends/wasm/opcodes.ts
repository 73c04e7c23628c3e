// The one table of WebAssembly instruction facts (opcode, immediate, operand and result types), shared by
// the binary encoder, the value-stack checker and the WAT printer in encoder.ts. Control instructions
// (block/loop/if/else/end/br/br_if/br_table) have their own methods there and are not in this table.

export type ValType = "i32" | "i64" | "f32" | "f64" | "v128";

/** Immediate kinds. mem0/mem00: one/two reserved memory-index bytes, printed as nothing. */
export type ImmKind =
  | "" | "i32" | "i64" | "f32" | "f64" | "v128" | "shuffle"
  | "mem" | "lane" | "local" | "global" | "func" | "mem0" | "mem00";

/** Raw table row: [opcode, popped types, pushed types, immediate, extra]. The opcode of a prefixed
 *  instruction is prefix<<16 | subopcode. extra = natural alignment (log2 bytes) for "mem", lane count
 *  for "lane". Pop/push "*" marks an op whose types depend on its immediate or the stack (checker handles). */
type Row = readonly [code: number, pop: string, push: string, imm?: ImmKind, extra?: number];

const FC = 0xfc0000, FD = 0xfd0000;
const I = "i32", L = "i64", F = "f32", D = "f64", V = "v128";
const II = "i32 i32", LL = "i64 i64", FF = "f32 f32", DD = "f64 f64", VV = "v128 v128";

const ROWS = {
  // control-ish and variable access (types are dynamic)
  "unreachable": [0x00, "*", "*"], "nop": [0x01, "", ""], "return": [0x0f, "*", "*"],
  "call": [0x10, "*", "*", "func"], "drop": [0x1a, "*", "*"], "select": [0x1b, "*", "*"],
  "local.get": [0x20, "*", "*", "local"], "local.set": [0x21, "*", "*", "local"], "local.tee": [0x22, "*", "*", "local"],
  "global.get": [0x23, "*", "*", "global"], "global.set": [0x24, "*", "*", "global"],

  // memory
  "i32.load": [0x28, I, I, "mem", 2], "i64.load": [0x29, I, L, "mem", 3],
  "f32.load": [0x2a, I, F, "mem", 2], "f64.load": [0x2b, I, D, "mem", 3],
  "i32.load8_s": [0x2c, I, I, "mem", 0], "i32.load8_u": [0x2d, I, I, "mem", 0],
  "i32.load16_s": [0x2e, I, I, "mem", 1], "i32.load16_u": [0x2f, I, I, "mem", 1],
  "i64.load8_s": [0x30, I, L, "mem", 0], "i64.load8_u": [0x31, I, L, "mem", 0],
  "i64.load16_s": [0x32, I, L, "mem", 1], "i64.load16_u": [0x33, I, L, "mem", 1],
  "i64.load32_s": [0x34, I, L, "mem", 2], "i64.load32_u": [0x35, I, L, "mem", 2],
  "i32.store": [0x36, "i32 i32", "", "mem", 2], "i64.store": [0x37, "i32 i64", "", "mem", 3],
  "f32.store": [0x38, "i32 f32", "", "mem", 2], "f64.store": [0x39, "i32 f64", "", "mem", 3],
  "i32.store8": [0x3a, "i32 i32", "", "mem", 0], "i32.store16": [0x3b, "i32 i32", "", "mem", 1],
  "i64.store8": [0x3c, "i32 i64", "", "mem", 0], "i64.store16": [0x3d, "i32 i64", "", "mem", 1],
  "i64.store32": [0x3e, "i32 i64", "", "mem", 2],
  "memory.size": [0x3f, "", I, "mem0"], "memory.grow": [0x40, I, I, "mem0"],
  "memory.copy": [FC | 10, "i32 i32 i32", "", "mem00"], "memory.fill": [FC | 11, "i32 i32 i32", "", "mem0"],

  // constants
  "i32.const": [0x41, "", I, "i32"], "i64.const": [0x42, "", L, "i64"],
  "f32.const": [0x43, "", F, "f32"], "f64.const": [0x44, "", D, "f64"],

  // comparisons
  "i32.eqz": [0x45, I, I], "i32.eq": [0x46, II, I], "i32.ne": [0x47, II, I],
  "i32.lt_s": [0x48, II, I], "i32.lt_u": [0x49, II, I], "i32.gt_s": [0x4a, II, I], "i32.gt_u": [0x4b, II, I],
  "i32.le_s": [0x4c, II, I], "i32.le_u": [0x4d, II, I], "i32.ge_s": [0x4e, II, I], "i32.ge_u": [0x4f, II, I],
  "i64.eqz": [0x50, L, I], "i64.eq": [0x51, LL, I], "i64.ne": [0x52, LL, I],
  "i64.lt_s": [0x53, LL, I], "i64.lt_u": [0x54, LL, I], "i64.gt_s": [0x55, LL, I], "i64.gt_u": [0x56, LL, I],
  "i64.le_s": [0x57, LL, I], "i64.le_u": [0x58, LL, I], "i64.ge_s": [0x59, LL, I], "i64.ge_u": [0x5a, LL, I],
  "f32.eq": [0x5b, FF, I], "f32.ne": [0x5c, FF, I], "f32.lt": [0x5d, FF, I],
  "f32.gt": [0x5e, FF, I], "f32.le": [0x5f, FF, I], "f32.ge": [0x60, FF, I],
  "f64.eq": [0x61, DD, I], "f64.ne": [0x62, DD, I], "f64.lt": [0x63, DD, I],
  "f64.gt": [0x64, DD, I], "f64.le": [0x65, DD, I], "f64.ge": [0x66, DD, I],

  // integer arithmetic
  "i32.clz": [0x67, I, I], "i32.ctz": [0x68, I, I], "i32.popcnt": [0x69, I, I],
  "i32.add": [0x6a, II, I], "i32.sub": [0x6b, II, I], "i32.mul": [0x6c, II, I],
  "i32.div_s": [0x6d, II, I], "i32.div_u": [0x6e, II, I], "i32.rem_s": [0x6f, II, I], "i32.rem_u": [0x70, II, I],
  "i32.and": [0x71, II, I], "i32.or": [0x72, II, I], "i32.xor": [0x73, II, I],
  "i32.shl": [0x74, II, I], "i32.shr_s": [0x75, II, I], "i32.shr_u": [0x76, II, I],
  "i32.rotl": [0x77, II, I], "i32.rotr": [0x78, II, I],
  "i64.clz": [0x79, L, L], "i64.ctz": [0x7a, L, L], "i64.popcnt": [0x7b, L, L],
  "i64.add": [0x7c, LL, L], "i64.sub": [0x7d, LL, L], "i64.mul": [0x7e, LL, L],
  "i64.div_s": [0x7f, LL, L], "i64.div_u": [0x80, LL, L], "i64.rem_s": [0x81, LL, L], "i64.rem_u": [0x82, LL, L],
  "i64.and": [0x83, LL, L], "i64.or": [0x84, LL, L], "i64.xor": [0x85, LL, L],
  "i64.shl": [0x86, LL, L], "i64.shr_s": [0x87, LL, L], "i64.shr_u": [0x88, LL, L],
  "i64.rotl": [0x89, LL, L], "i64.rotr": [0x8a, LL, L],

  // float arithmetic
  "f32.abs": [0x8b, F, F], "f32.neg": [0x8c, F, F], "f32.ceil": [0x8d, F, F], "f32.floor": [0x8e, F, F],
  "f32.trunc": [0x8f, F, F], "f32.nearest": [0x90, F, F], "f32.sqrt": [0x91, F, F],
  "f32.add": [0x92, FF, F], "f32.sub": [0x93, FF, F], "f32.mul": [0x94, FF, F], "f32.div": [0x95, FF, F],
  "f32.min": [0x96, FF, F], "f32.max": [0x97, FF, F], "f32.copysign": [0x98, FF, F],
  "f64.abs": [0x99, D, D], "f64.neg": [0x9a, D, D], "f64.ceil": [0x9b, D, D], "f64.floor": [0x9c, D, D],
  "f64.trunc": [0x9d, D, D], "f64.nearest": [0x9e, D, D], "f64.sqrt": [0x9f, D, D],
  "f64.add": [0xa0, DD, D], "f64.sub": [0xa1, DD, D], "f64.mul": [0xa2, DD, D], "f64.div": [0xa3, DD, D],
  "f64.min": [0xa4, DD, D], "f64.max": [0xa5, DD, D], "f64.copysign": [0xa6, DD, D],

  // conversions
  "i32.wrap_i64": [0xa7, L, I],
  "i32.trunc_f32_s": [0xa8, F, I], "i32.trunc_f32_u": [0xa9, F, I],
  "i32.trunc_f64_s": [0xaa, D, I], "i32.trunc_f64_u": [0xab, D, I],
  "i64.extend_i32_s": [0xac, I, L], "i64.extend_i32_u": [0xad, I, L],
  "i64.trunc_f32_s": [0xae, F, L], "i64.trunc_f32_u": [0xaf, F, L],
  "i64.trunc_f64_s": [0xb0, D, L], "i64.trunc_f64_u": [0xb1, D, L],
  "f32.convert_i32_s": [0xb2, I, F], "f32.convert_i32_u": [0xb3, I, F],
  "f32.convert_i64_s": [0xb4, L, F], "f32.convert_i64_u": [0xb5, L, F], "f32.demote_f64": [0xb6, D, F],
  "f64.convert_i32_s": [0xb7, I, D], "f64.convert_i32_u": [0xb8, I, D],
  "f64.convert_i64_s": [0xb9, L, D], "f64.convert_i64_u": [0xba, L, D], "f64.promote_f32": [0xbb, F, D],
  "i32.reinterpret_f32": [0xbc, F, I], "i64.reinterpret_f64": [0xbd, D, L],
  "f32.reinterpret_i32": [0xbe, I, F], "f64.reinterpret_i64": [0xbf, L, D],
  "i32.extend8_s": [0xc0, I, I], "i32.extend16_s": [0xc1, I, I],
  "i64.extend8_s": [0xc2, L, L], "i64.extend16_s": [0xc3, L, L], "i64.extend32_s": [0xc4, L, L],
  "i32.trunc_sat_f32_s": [FC | 0, F, I], "i32.trunc_sat_f32_u": [FC | 1, F, I],
  "i32.trunc_sat_f64_s": [FC | 2, D, I], "i32.trunc_sat_f64_u": [FC | 3, D, I],
  "i64.trunc_sat_f32_s": [FC | 4, F, L], "i64.trunc_sat_f32_u": [FC | 5, F, L],
  "i64.trunc_sat_f64_s": [FC | 6, D, L], "i64.trunc_sat_f64_u": [FC | 7, D, L],

  // SIMD128: memory, constants, lanes
  "v128.load": [FD | 0x00, I, V, "mem", 4],
  "v128.load32_splat": [FD | 0x09, I, V, "mem", 2], "v128.load64_splat": [FD | 0x0a, I, V, "mem", 3],
  "v128.load32_zero": [FD | 0x5c, I, V, "mem", 2], "v128.load64_zero": [FD | 0x5d, I, V, "mem", 3],
  "v128.store": [FD | 0x0b, "i32 v128", "", "mem", 4],
  "v128.const": [FD | 0x0c, "", V, "v128"], "i8x16.shuffle": [FD | 0x0d, VV, V, "shuffle"],
  "i8x16.swizzle": [FD | 0x0e, VV, V],
  "i8x16.splat": [FD | 0x0f, I, V], "i16x8.splat": [FD | 0x10, I, V], "i32x4.splat": [FD | 0x11, I, V],
  "i64x2.splat": [FD | 0x12, L, V], "f32x4.splat": [FD | 0x13, F, V], "f64x2.splat": [FD | 0x14, D, V],
  "i8x16.extract_lane_s": [FD | 0x15, V, I, "lane", 16], "i8x16.extract_lane_u": [FD | 0x16, V, I, "lane", 16],
  "i8x16.replace_lane": [FD | 0x17, "v128 i32", V, "lane", 16],
  "i16x8.extract_lane_s": [FD | 0x18, V, I, "lane", 8], "i16x8.extract_lane_u": [FD | 0x19, V, I, "lane", 8],
  "i16x8.replace_lane": [FD | 0x1a, "v128 i32", V, "lane", 8],
  "i32x4.extract_lane": [FD | 0x1b, V, I, "lane", 4], "i32x4.replace_lane": [FD | 0x1c, "v128 i32", V, "lane", 4],
  "i64x2.extract_lane": [FD | 0x1d, V, L, "lane", 2], "i64x2.replace_lane": [FD | 0x1e, "v128 i64", V, "lane", 2],
  "f32x4.extract_lane": [FD | 0x1f, V, F, "lane", 4], "f32x4.replace_lane": [FD | 0x20, "v128 f32", V, "lane", 4],
  "f64x2.extract_lane": [FD | 0x21, V, D, "lane", 2], "f64x2.replace_lane": [FD | 0x22, "v128 f64", V, "lane", 2],

  // SIMD128: comparisons (lane masks)
  "i32x4.eq": [FD | 0x37, VV, V], "i32x4.ne": [FD | 0x38, VV, V],
  "i32x4.lt_s": [FD | 0x39, VV, V], "i32x4.lt_u": [FD | 0x3a, VV, V],
  "i32x4.gt_s": [FD | 0x3b, VV, V], "i32x4.gt_u": [FD | 0x3c, VV, V],
  "i32x4.le_s": [FD | 0x3d, VV, V], "i32x4.le_u": [FD | 0x3e, VV, V],
  "i32x4.ge_s": [FD | 0x3f, VV, V], "i32x4.ge_u": [FD | 0x40, VV, V],
  "f32x4.eq": [FD | 0x41, VV, V], "f32x4.ne": [FD | 0x42, VV, V], "f32x4.lt": [FD | 0x43, VV, V],
  "f32x4.gt": [FD | 0x44, VV, V], "f32x4.le": [FD | 0x45, VV, V], "f32x4.ge": [FD | 0x46, VV, V],
  "f64x2.eq": [FD | 0x47, VV, V], "f64x2.ne": [FD | 0x48, VV, V], "f64x2.lt": [FD | 0x49, VV, V],
  "f64x2.gt": [FD | 0x4a, VV, V], "f64x2.le": [FD | 0x4b, VV, V], "f64x2.ge": [FD | 0x4c, VV, V],
  "i64x2.eq": [FD | 0xd6, VV, V], "i64x2.ne": [FD | 0xd7, VV, V], "i64x2.lt_s": [FD | 0xd8, VV, V],
  "i64x2.gt_s": [FD | 0xd9, VV, V], "i64x2.le_s": [FD | 0xda, VV, V], "i64x2.ge_s": [FD | 0xdb, VV, V],

  // SIMD128: bitwise and whole-vector tests
  "v128.not": [FD | 0x4d, V, V], "v128.and": [FD | 0x4e, VV, V], "v128.andnot": [FD | 0x4f, VV, V],
  "v128.or": [FD | 0x50, VV, V], "v128.xor": [FD | 0x51, VV, V], "v128.bitselect": [FD | 0x52, "v128 v128 v128", V],
  "v128.any_true": [FD | 0x53, V, I], "i32x4.all_true": [FD | 0xa3, V, I], "i32x4.bitmask": [FD | 0xa4, V, I],
  "i64x2.all_true": [FD | 0xc3, V, I], "i64x2.bitmask": [FD | 0xc4, V, I],

  // SIMD128: integer lanes
  "i32x4.abs": [FD | 0xa0, V, V], "i32x4.neg": [FD | 0xa1, V, V],
  "i32x4.shl": [FD | 0xab, "v128 i32", V], "i32x4.shr_s": [FD | 0xac, "v128 i32", V],
  "i32x4.shr_u": [FD | 0xad, "v128 i32", V],
  "i32x4.add": [FD | 0xae, VV, V], "i32x4.sub": [FD | 0xb1, VV, V], "i32x4.mul": [FD | 0xb5, VV, V],
  "i32x4.min_s": [FD | 0xb6, VV, V], "i32x4.min_u": [FD | 0xb7, VV, V],
  "i32x4.max_s": [FD | 0xb8, VV, V], "i32x4.max_u": [FD | 0xb9, VV, V],
  "i64x2.abs": [FD | 0xc0, V, V], "i64x2.neg": [FD | 0xc1, V, V],
  "i64x2.extend_low_i32x4_s": [FD | 0xc7, V, V], "i64x2.extend_high_i32x4_s": [FD | 0xc8, V, V],
  "i64x2.extend_low_i32x4_u": [FD | 0xc9, V, V], "i64x2.extend_high_i32x4_u": [FD | 0xca, V, V],
  "i64x2.shl": [FD | 0xcb, "v128 i32", V], "i64x2.shr_s": [FD | 0xcc, "v128 i32", V],
  "i64x2.shr_u": [FD | 0xcd, "v128 i32", V],
  "i64x2.add": [FD | 0xce, VV, V], "i64x2.sub": [FD | 0xd1, VV, V], "i64x2.mul": [FD | 0xd5, VV, V],

  // SIMD128: float lanes
  "f32x4.ceil": [FD | 0x67, V, V], "f32x4.floor": [FD | 0x68, V, V],
  "f32x4.trunc": [FD | 0x69, V, V], "f32x4.nearest": [FD | 0x6a, V, V],
  "f64x2.ceil": [FD | 0x74, V, V], "f64x2.floor": [FD | 0x75, V, V],
  "f64x2.trunc": [FD | 0x7a, V, V], "f64x2.nearest": [FD | 0x94, V, V],
  "f32x4.abs": [FD | 0xe0, V, V], "f32x4.neg": [FD | 0xe1, V, V], "f32x4.sqrt": [FD | 0xe3, V, V],
  "f32x4.add": [FD | 0xe4, VV, V], "f32x4.sub": [FD | 0xe5, VV, V], "f32x4.mul": [FD | 0xe6, VV, V],
  "f32x4.div": [FD | 0xe7, VV, V], "f32x4.min": [FD | 0xe8, VV, V], "f32x4.max": [FD | 0xe9, VV, V],
  "f32x4.pmin": [FD | 0xea, VV, V], "f32x4.pmax": [FD | 0xeb, VV, V],
  "f64x2.abs": [FD | 0xec, V, V], "f64x2.neg": [FD | 0xed, V, V], "f64x2.sqrt": [FD | 0xef, V, V],
  "f64x2.add": [FD | 0xf0, VV, V], "f64x2.sub": [FD | 0xf1, VV, V], "f64x2.mul": [FD | 0xf2, VV, V],
  "f64x2.div": [FD | 0xf3, VV, V], "f64x2.min": [FD | 0xf4, VV, V], "f64x2.max": [FD | 0xf5, VV, V],
  "f64x2.pmin": [FD | 0xf6, VV, V], "f64x2.pmax": [FD | 0xf7, VV, V],

  // SIMD128: conversions
  "f32x4.demote_f64x2_zero": [FD | 0x5e, V, V], "f64x2.promote_low_f32x4": [FD | 0x5f, V, V],
  "i32x4.trunc_sat_f32x4_s": [FD | 0xf8, V, V], "i32x4.trunc_sat_f32x4_u": [FD | 0xf9, V, V],
  "f32x4.convert_i32x4_s": [FD | 0xfa, V, V], "f32x4.convert_i32x4_u": [FD | 0xfb, V, V],
  "i32x4.trunc_sat_f64x2_s_zero": [FD | 0xfc, V, V], "i32x4.trunc_sat_f64x2_u_zero": [FD | 0xfd, V, V],
  "f64x2.convert_low_i32x4_s": [FD | 0xfe, V, V], "f64x2.convert_low_i32x4_u": [FD | 0xff, V, V],
} as const satisfies Record<string, Row>;

export type WasmOp = keyof typeof ROWS;

export interface OpFacts {
  readonly name: WasmOp;
  /** The opcode byte, or the prefix byte (0xFC/0xFD) when `sub` >= 0. */
  readonly code: number;
  /** Subopcode of a prefixed instruction (encoded as unsigned LEB128 after the prefix); -1 if none. */
  readonly sub: number;
  readonly imm: ImmKind;
  /** Operand types, bottom of stack first; null when the checker computes them (locals, call, drop...). */
  readonly pop: readonly ValType[] | null;
  readonly push: readonly ValType[] | null;
  /** Natural alignment (log2 bytes) for memory ops; lane count for lane ops; 0 otherwise. */
  readonly extra: number;
}

const sigCache = new Map<string, readonly ValType[] | null>();
function sig(s: string): readonly ValType[] | null {
  let r = sigCache.get(s);
  if (r === undefined) {
    r = s === "*" ? null : s === "" ? [] : (s.split(" ") as ValType[]);
    sigCache.set(s, r);
  }
  return r;
}

/** Every op name in the table. */
export const OP_NAMES = Object.keys(ROWS) as WasmOp[];

// Facts are built on first use of each op: module load stays cheap (a kernel uses a few dozen ops).
const cache: Record<string, OpFacts> = Object.create(null);

/** Facts for an op by its text name, or undefined if it is not in the table. */
export function opFacts(name: string): OpFacts | undefined {
  const hit = cache[name];
  if (hit !== undefined || !Object.hasOwn(ROWS, name)) return hit;
  const r: Row = ROWS[name as WasmOp], code = r[0];
  return (cache[name] = {
    name: name as WasmOp, code: code > 0xff ? code >>> 16 : code, sub: code > 0xff ? code & 0xffff : -1,
    imm: r[3] ?? "", pop: sig(r[1]), push: sig(r[2]), extra: r[4] ?? 0,
  });
}

/** Binary encodings of value types and the empty block type. */
export const VALTYPE_BYTE: Readonly<Record<ValType, number>> = { i32: 0x7f, i64: 0x7e, f32: 0x7d, f64: 0x7c, v128: 0x7b };
export const EMPTY_BLOCK = 0x40;
