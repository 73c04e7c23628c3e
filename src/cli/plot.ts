// The benchmark's SVG figure: time and GFLOP/s against N (log scales), one line per engine, drawn by
// Observable Plot server-side (linkedom provides the DOM it draws into) and laid out side by side
// in one standalone SVG file with a title, a legend and a note on how the figures were measured.

/** One engine's figures at one size, as bench/matmul.ts writes them (bench/README.md). */
export interface BenchCell {
  engine: string;
  time_s?: number;
  runs?: number;
  gflops?: number;
  vs_plain_js?: number;
  max_abs_diff?: number | null;
  bitwise_identical?: boolean | null;
  error?: string;
  skipped?: string;
}

/** The parts of bench/results/matmul.json that the CLI reads. */
export interface BenchJson {
  benchmark?: string;
  date: string;
  machine: { cpu: string; cores: number; node: string; numbat: string; os?: string; simd_flags?: string[] };
  config: { sizes: number[]; quick?: boolean; min_time_s?: number };
  results: { n: number; engines: BenchCell[] }[];
  cold_compile?: Record<string, { compile_s?: number; error?: string }>;
  import_time?: { median_s?: number; error?: string };
  python?: { python?: string; numpy?: string; numba?: string; blas?: string[]; numba_compile_s?: number; error?: string };
  numbat_identical_to_plain_js?: boolean;
  numbat_errors?: Record<string, string>;
}

export interface Point {
  n: number;
  engine: string;
  time_s: number;
  gflops: number;
}

/** The measured points (cells that ran), in engine order of first appearance. */
export function benchPoints(json: BenchJson): Point[] {
  const pts: Point[] = [];
  for (const { n, engines } of json.results)
    for (const c of engines)
      if (c.time_s !== undefined && c.gflops !== undefined && c.error === undefined && c.skipped === undefined)
        pts.push({ n, engine: c.engine, time_s: c.time_s, gflops: c.gflops });
  return pts;
}

// Fixed colours for the engines the bench knows, so that figures stay comparable between runs.
const KNOWN: Record<string, string> = {
  "plain JS": "#8c8c8c",
  "numbat wasm": "#e45756",
  "numbat js": "#f58518",
  "Numba @njit": "#4c78a8",
  "numpy A@B (BLAS)": "#54a24b",
};
const SPARE = ["#b279a2", "#72b7b2", "#eeca3b", "#9d755d", "#ff9da6"];

function colours(engines: string[]): string[] {
  let spare = 0;
  return engines.map((e) => KNOWN[e] ?? SPARE[spare++ % SPARE.length]!);
}

/** Powers of ten covering [lo, hi]; with 1-2-5 steps when the range spans at most three decades. */
export function logTicks(lo: number, hi: number): number[] {
  const a = Math.floor(Math.log10(lo));
  const b = Math.ceil(Math.log10(hi));
  const mult = b - a <= 3 ? [1, 2, 5] : [1];
  const ticks: number[] = [];
  for (let e = a; e <= b; e++) for (const m of mult) ticks.push(Number((m * 10 ** e).toPrecision(1)));
  return ticks.filter((t) => t >= lo / 1.0001 && t <= hi * 1.0001);
}

function fmtSeconds(s: number): string {
  if (s >= 1) return `${+s.toPrecision(3)} s`;
  if (s >= 1e-3) return `${+(s * 1e3).toPrecision(3)} ms`;
  return `${+(s * 1e6).toPrecision(3)} µs`;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

async function loadPlot(): Promise<{ Plot: any; document: any }> {
  let Plot: any, linkedom: any;
  try {
    Plot = await import("@observablehq/plot");
    linkedom = await import("linkedom");
  } catch (e) {
    throw new Error(`the SVG plot needs @observablehq/plot and linkedom (npm install @observablehq/plot linkedom): ${(e as Error).message.split("\n")[0]}`);
  }
  const { document } = linkedom.parseHTML("<!doctype html><html><body></body></html>");
  return { Plot, document };
}

/** Renders the benchmark's figure as a standalone SVG document. */
export async function benchSvg(json: BenchJson): Promise<string> {
  const { Plot, document } = await loadPlot();
  const pts = benchPoints(json);
  if (pts.length === 0) throw new Error("the benchmark results contain no measured points to plot");
  const engines = [...new Set(pts.map((p) => p.engine))];
  const color = { domain: engines, range: colours(engines) };
  const sizes = [...new Set(pts.map((p) => p.n))].sort((a, b) => a - b);
  const W = 460, H = 340, PAD = 20, TOP = 96;

  const panel = (y: "time_s" | "gflops") => {
    const vals = pts.map((p) => p[y]);
    const ticks = logTicks(Math.min(...vals), Math.max(...vals));
    const svg = Plot.plot({
      document,
      width: W,
      height: H,
      marginLeft: 62,
      marginRight: 16,
      marginBottom: 42,
      style: { fontSize: "11px" },
      x: { type: "log", label: "N (matrices are N × N)", labelAnchor: "center", labelArrow: "none", ticks: sizes, tickFormat: (d: number) => String(d), grid: true, ...(sizes.length === 1 ? { domain: [sizes[0]! / 2, sizes[0]! * 2] } : {}) },
      y: { type: "log", label: null, ticks: ticks.length >= 2 ? ticks : undefined, tickFormat: y === "time_s" ? fmtSeconds : (d: number) => String(+d.toPrecision(3)), grid: true },
      color,
      marks: [
        Plot.line(pts, { x: "n", y, z: "engine", stroke: "engine", strokeWidth: 2, sort: "n" }),
        Plot.dot(pts, { x: "n", y, fill: "engine", r: 3.5, stroke: "white", strokeWidth: 1 }),
      ],
    });
    return svg.outerHTML as string;
  };

  // Legend: one swatch and label per engine, packed from the left (x in pixels: identity scale).
  let at = 6;
  const items = engines.map((engine) => {
    const item = { engine, x: at };
    at += 7 * engine.length + 40;
    return item;
  });
  const legend = Plot.plot({
    document,
    width: 2 * W,
    height: 26,
    margin: 0,
    x: { type: "identity", axis: null },
    y: { axis: null, domain: [0, 1] },
    color,
    marks: [
      Plot.dot(items, { x: "x", y: 0.5, fill: "engine", r: 5 }),
      Plot.text(items, { x: "x", y: 0.5, text: "engine", dx: 9, textAnchor: "start", fontSize: 12 }),
    ],
  }).outerHTML as string;

  const m = json.machine;
  const width = 2 * W + 2 * PAD;
  const height = TOP + 24 + H + 44;
  const title = "Matrix product C = A·B, float64: the seed's naive i-j-k loops (numpy: BLAS dgemm)";
  const sub = `${m.cpu}, ${m.cores} cores · Node ${m.node} · numbat ${m.numbat} · ${json.date.slice(0, 10)}`;
  const minTime = json.config.min_time_s ?? (json.config.quick ? 0.2 : 0.5);
  const runs = `the best of k runs (k ≥ 3 and ≥ ${minTime} s in all; ${json.config.quick ? "1 run past 1 s" : "2 runs past 1 s, 1 past 8 s"})`;
  const same = json.numbat_identical_to_plain_js === false ? "numbat results DIFFER from plain JS" : "numbat results are bitwise identical to plain JS";
  const note = `Log scales. Each time is ${runs}. GFLOP/s = 2N³ / time. ${same}.`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="${PAD}" y="28" font-size="16" font-weight="600" fill="#222">${esc(title)}</text>`,
    `<text x="${PAD}" y="48" font-size="12" fill="#555">${esc(sub)}</text>`,
    place(legend, PAD, 60),
    `<text x="${PAD + 62}" y="${TOP + 14}" font-size="13" font-weight="600" fill="#222">time per product (s) — lower is better</text>`,
    `<text x="${PAD + W + 62}" y="${TOP + 14}" font-size="13" font-weight="600" fill="#222">GFLOP/s — higher is better</text>`,
    place(panel("time_s"), PAD, TOP + 24),
    place(panel("gflops"), PAD + W, TOP + 24),
    `<text x="${PAD}" y="${height - 14}" font-size="11" fill="#555">${esc(note)}</text>`,
    `</svg>`,
    "",
  ].join("\n");
}

/**
 * A Plot <svg> placed at (x, y) of the figure: its root becomes a translated <g> with the root's
 * presentation attributes; its <style> (CSS for the root's class, sizing rules that would resize a
 * nested <svg>) is dropped.
 */
function place(svg: string, x: number, y: number): string {
  const open = /^<svg([^>]*)>/.exec(svg);
  if (!open) throw new Error("Plot did not return an <svg> element");
  const attrs = ["text-anchor", "font-size", "font-family", "fill"].map((a) => new RegExp(`${a}="[^"]*"`).exec(open[1]!)?.[0]).filter(Boolean);
  const body = svg.slice(open[0].length).replace(/<\/svg>$/, "").replace(/<style>[^]*?<\/style>/g, "");
  return `<g transform="translate(${x},${y})" ${attrs.join(" ")}>${body}</g>`;
}
