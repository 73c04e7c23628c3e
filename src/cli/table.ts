// Plain-text tables and small formatting helpers for the CLI's terminal output (doctor, bench).
// No colours unless stdout is a terminal and NO_COLOR is unset.

export interface Column {
  readonly head: string;
  /** Right-align (numbers). */
  readonly right?: boolean;
  /** Longer cells are cut with an ellipsis. */
  readonly max?: number;
}

/** Renders rows under a header and a dashed rule; `null` rows become blank separator lines. */
export function renderTable(columns: readonly Column[], rows: readonly (readonly string[] | null)[]): string {
  const cut = (s: string, i: number) => {
    const m = columns[i]?.max;
    return m !== undefined && s.length > m ? s.slice(0, m - 1) + "…" : s;
  };
  const body = rows.map((r) => (r ? r.map(cut) : null));
  const width = columns.map((c, i) => Math.max(c.head.length, ...body.map((r) => (r ? (r[i] ?? "").length : 0))));
  const line = (r: readonly string[]) =>
    columns.map((c, i) => (c.right ? (r[i] ?? "").padStart(width[i]!) : (r[i] ?? "").padEnd(width[i]!))).join("  ").trimEnd();
  const out = [line(columns.map((c) => c.head)), width.map((w) => "-".repeat(w)).join("  ")];
  for (const r of body) out.push(r ? line(r) : "");
  return out.join("\n");
}

const colour = (code: string) => (s: string) =>
  process.stdout.isTTY && !process.env.NO_COLOR ? `\x1b[${code}m${s}\x1b[0m` : s;
export const bold = colour("1");
export const dim = colour("2");
export const green = colour("32");
export const yellow = colour("33");
export const red = colour("31");

/** "1.234 s", "56.7 ms", "89.0 µs". */
export function fmtTime(s: number): string {
  if (s >= 1) return `${s.toFixed(3)} s`;
  if (s >= 1e-3) return `${(s * 1e3).toFixed(s >= 0.1 ? 1 : 2)} ms`;
  return `${(s * 1e6).toFixed(1)} µs`;
}

/** "1m05s", "12s". */
export function fmtDuration(s: number): string {
  const t = Math.max(0, Math.round(s));
  return t >= 60 ? `${Math.floor(t / 60)}m${String(t % 60).padStart(2, "0")}s` : `${t}s`;
}
