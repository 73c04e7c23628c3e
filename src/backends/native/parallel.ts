// Parallel regions of the native target: the C function that runs an outlined prange loop (the body
// that passes/parallel.ts's outlineParallel made, for iterations [lo, hi)) in chunks on OpenMP threads.
//
// The chunks are exactly the wasm target's (runtime/pool.ts: `threads` contiguous chunks with static
// scheduling, chunks of `chunk` iterations with dynamic scheduling), and reduction partials are
// combined in chunk order after the loop, as wasm's call site does. So a native prange loop gives the
// same bits as the wasm one with the same options, and, without reductions, as plain JS. OpenMP
// hands out chunk indices (`schedule(static, 1)`: chunk c runs on thread c; `schedule(dynamic, 1)`:
// the next free thread takes the next chunk); without OpenMP the pragma is compiled out and the
// chunks run in order on the calling thread. Iteration-private variables are locals of the outlined
// function, so every chunk has its own; each chunk also has its own error context and allocations.

import type { Outlined, ReductionOp } from "../../passes/parallel.js";
import type { ParallelConfig } from "../../runtime/pool.js";

/** Most chunks dynamic scheduling makes (runtime/pool.ts's MAX_CHUNKS: the same chunks, the same bits). */
const MAX_CHUNKS = 1 << 16;

export interface RegionParts {
  /** C name of the driver, and of the outlined body it runs per chunk. */
  readonly driver: string;
  readonly body: string;
  /** `type name` of each live-in, in the outlined function's parameter order (after lo, hi). */
  readonly liveIns: readonly { readonly type: string; readonly name: string }[];
  /** C scalar type of each reduction, in `o.reductions` order. */
  readonly reductionTypes: readonly string[];
  /** Site of the loop, for an out-of-memory report (the partials' buffer). */
  readonly site: number;
}

/** The driver's parameters after `ctx`: the loop's start and end, the live-ins, a pointer per reduction. */
export function driverParams(p: RegionParts): string[] {
  return ["int64_t nb_s", "int64_t nb_e", ...p.liveIns.map((v) => `${v.type} ${v.name}`), ...p.reductionTypes.map((t, k) => `${t} *nb_acc${k}`)];
}

/** Trip count of `for (v = s; v cmp e; v += step)`, in doubles as runtime/pool.ts's tripCount computes it. */
function tripCount(o: Outlined): string {
  const s = "(double)nb_s", e = "(double)nb_e", step = `${o.step}.0`, neg = `${-o.step}.0`;
  switch (o.cmp) {
    case "lt": return `nb_s < nb_e ? (int64_t)ceil((${e} - ${s}) / ${step}) : 0`;
    case "le": return `nb_s <= nb_e ? (int64_t)floor((${e} - ${s}) / ${step}) + 1 : 0`;
    case "gt": return `nb_s > nb_e ? (int64_t)ceil((${s} - ${e}) / ${neg}) : 0`;
    case "ge": return `nb_s >= nb_e ? (int64_t)floor((${s} - ${e}) / ${neg}) + 1 : 0`;
    default: return o.cmp satisfies never;
  }
}

/** `acc op partial`, as wasm's call site combines them (f64.min/max semantics: NaN wins, -0 < +0). */
function combine(op: ReductionOp, type: string, acc: string, p: string): string {
  const int = type !== "double";
  switch (op) {
    case "add": return `${acc} + ${p}`;
    case "mul": return `${acc} * ${p}`;
    case "min": return `${int ? "nb_imin" : "nb_fmin"}(${acc}, ${p})`;
    case "max": return `${int ? "nb_imax" : "nb_fmax"}(${acc}, ${p})`;
    default: return op satisfies never;
  }
}

/** The driver of one parallel region. */
export function regionDriver(o: Outlined, p: RegionParts, config: ParallelConfig): string {
  const threads = config.threads;
  const dynamic = config.schedule === "dynamic" && threads > 1;
  const R = p.reductionTypes.length;
  const args = ["&nb_cc", `nb_s + nb_t0 * (int64_t)${o.step}`, `nb_s + nb_t1 * (int64_t)${o.step}`, ...p.liveIns.map((v) => v.name), ...p.reductionTypes.map((_, k) => `&nb_p${k}[nb_c]`)];
  const L: string[] = [];
  L.push(`static void ${p.driver}(${["nb_ctx *ctx", ...driverParams(p)].join(", ")}) {`);
  L.push(`  int64_t nb_trips = ${tripCount(o)};`);
  L.push("  if (nb_trips <= 0) return;");
  if (dynamic) {
    const want = config.chunk !== undefined ? String(config.chunk) : `(nb_trips + ${8 * threads - 1}) / ${8 * threads}`;
    L.push(`  int64_t nb_chunk = ${want}, nb_least = (nb_trips + ${MAX_CHUNKS - 1}) / ${MAX_CHUNKS};`);
    L.push("  if (nb_chunk < nb_least) nb_chunk = nb_least;");
    L.push("  if (nb_chunk < 1) nb_chunk = 1;");
    L.push("  int64_t nb_n = (nb_trips + nb_chunk - 1) / nb_chunk;");
  } else {
    L.push(`  int64_t nb_n = nb_trips < ${threads} ? nb_trips : ${threads};`);
  }
  p.reductionTypes.forEach((t, k) => L.push(`  ${t} *nb_p${k} = (${t} *)calloc((size_t)nb_n, sizeof(${t}));`));
  if (R) {
    const all = p.reductionTypes.map((_, k) => `nb_p${k}`);
    L.push(`  if (!(${all.join(" && ")})) {`);
    all.forEach((x) => L.push(`    free(${x});`));
    L.push(`    ctx->kind = NB_NOMEM; ctx->size = (double)nb_n; ctx->bytes = (double)nb_n * 8; ctx->site = ${p.site};`);
    L.push("    return;", "  }");
  }
  L.push("  nb_ctx nb_err = {0};", "  int64_t nb_errc = INT64_MAX;", "  int32_t nb_stop = 0;");
  L.push("#ifdef _OPENMP");
  L.push(`#pragma omp parallel for if(nb_n > 1) num_threads(${threads}) schedule(${dynamic ? "dynamic" : "static"}, 1)`);
  L.push("#endif");
  L.push("  for (int64_t nb_c = 0; nb_c < nb_n; nb_c++) {");
  // Dynamic scheduling skips the chunks not started yet once one has failed (as the wasm pool does).
  if (dynamic) L.push("    if (__atomic_load_n(&nb_stop, __ATOMIC_RELAXED)) continue;");
  L.push(dynamic
    ? "    int64_t nb_t0 = nb_c * nb_chunk, nb_t1 = nb_t0 + nb_chunk < nb_trips ? nb_t0 + nb_chunk : nb_trips;"
    : "    int64_t nb_t0 = (int64_t)((__int128)nb_c * nb_trips / nb_n), nb_t1 = (int64_t)((__int128)(nb_c + 1) * nb_trips / nb_n);");
  L.push("    nb_ctx nb_cc = {0};");
  L.push(`    ${p.body}(${args.join(", ")});`);
  L.push("    if (NB_UNLIKELY(nb_cc.kind)) {");
  L.push("      __atomic_store_n(&nb_stop, 1, __ATOMIC_RELAXED);");
  L.push("#ifdef _OPENMP", "#pragma omp critical(nb_first_failure)", "#endif");
  L.push("      { if (nb_c < nb_errc) { nb_errc = nb_c; nb_copy_error(&nb_err, &nb_cc); } }");
  L.push("    }");
  L.push("    nb_release(&nb_cc, NULL);");
  L.push("  }");
  // The failure of the lowest chunk is the one the sequential loop would have met first.
  L.push("  if (nb_errc != INT64_MAX) nb_copy_error(ctx, &nb_err);");
  if (R) {
    L.push("  else for (int64_t nb_c = 0; nb_c < nb_n; nb_c++) {");
    p.reductionTypes.forEach((t, k) => L.push(`    *nb_acc${k} = ${combine(o.reductions[k]!.op, t, `*nb_acc${k}`, `nb_p${k}[nb_c]`)};`));
    L.push("  }");
    p.reductionTypes.forEach((_, k) => L.push(`  free(nb_p${k});`));
  }
  L.push("}");
  return L.join("\n");
}
