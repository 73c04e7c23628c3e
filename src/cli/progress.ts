// A progress bar on stderr for long runs (numbat bench): a plan of named steps with estimated
// durations; the bar and the time left follow the steps as they start, corrected by how long the
// finished ones really took. Off (plain log lines instead) when stderr is not a terminal.

import { fmtDuration } from "./table.js";

export interface Step {
  readonly key: string;
  readonly label: string;
  /** Estimated seconds. */
  readonly estimate: number;
}

export class ProgressBar {
  private shown = false;
  private lastDraw = 0;
  private text = "";

  constructor(private readonly stream: NodeJS.WriteStream = process.stderr) {}

  /** Redraws the bar (at most 10 times a second unless `force`). */
  draw(fraction: number, label: string, suffix: string, force = false): void {
    const now = Date.now();
    if (!force && now - this.lastDraw < 100) return;
    this.lastDraw = now;
    const cols = this.stream.columns || 80;
    const pct = `${Math.floor(Math.min(1, Math.max(0, fraction)) * 100)}%`.padStart(4);
    const info = ` ${pct}  ${label}  ${suffix}`;
    const width = Math.max(10, Math.min(40, cols - info.length - 3));
    const filled = Math.round(Math.min(1, Math.max(0, fraction)) * width);
    this.text = `[${"█".repeat(filled)}${"░".repeat(width - filled)}]${info}`.slice(0, cols - 1);
    this.stream.write(`\r\x1b[K${this.text}`);
    this.shown = true;
  }

  /** Prints a line above the bar. */
  log(line: string): void {
    if (this.shown) this.stream.write("\r\x1b[K");
    this.stream.write(line + "\n");
    if (this.shown) this.stream.write(this.text);
  }

  clear(): void {
    if (this.shown) this.stream.write("\r\x1b[K");
    this.shown = false;
  }
}

/** Tracks a plan of steps; `start(key)` as each begins, `tick()` to redraw in between. */
export class StepProgress {
  private readonly started = performance.now();
  private current: { step: Step; at: number } | undefined;
  private readonly done = new Set<string>();
  private spentDone = 0; // seconds
  private estimatedDone = 0;
  private timer: ReturnType<typeof setInterval> | undefined;

  private readonly steps: Step[];

  constructor(steps: readonly Step[], private readonly bar: ProgressBar | null, private readonly log: (s: string) => void = (s) => process.stderr.write(s + "\n")) {
    this.steps = [...steps];
    if (bar) this.timer = setInterval(() => this.tick(), 250);
  }

  /** Marks the step `key` as started (and the previous one as finished); an unplanned key with a label becomes a new step. */
  start(key: string, label?: string): void {
    let step = this.steps.find((s) => s.key === key);
    if (!step && label !== undefined) this.steps.push((step = { key, label, estimate: this.current?.step.estimate ?? 1 }));
    if (!step) return;
    this.finishCurrent();
    this.current = { step, at: performance.now() };
    if (this.bar) this.tick(true);
    else this.log(`${step.label} ...`);
  }

  /** Prints a message without disturbing the bar. */
  note(line: string): void {
    if (this.bar) this.bar.log(line);
    else this.log(line);
  }

  /** Fraction done and seconds left, from the estimates corrected by the steps finished so far. */
  status(): { fraction: number; left: number; elapsed: number } {
    const now = performance.now();
    const elapsed = (now - this.started) / 1000;
    const factor = this.estimatedDone > 0 ? Math.min(4, Math.max(0.25, this.spentDone / this.estimatedDone)) : 1;
    const inCurrent = this.current ? (now - this.current.at) / 1000 : 0;
    const currentLeft = this.current ? Math.max(0, factor * this.current.step.estimate - inCurrent) : 0;
    const rest = this.steps.filter((s) => !this.done.has(s.key) && s !== this.current?.step).reduce((a, s) => a + factor * s.estimate, 0);
    const left = currentLeft + rest;
    const total = this.spentDone + inCurrent + left;
    return { fraction: total > 0 ? (this.spentDone + inCurrent) / total : 1, left, elapsed };
  }

  tick(force = false): void {
    if (!this.bar) return;
    const { fraction, left, elapsed } = this.status();
    this.bar.draw(fraction, this.current?.step.label ?? "", `${fmtDuration(elapsed)} elapsed, ~${fmtDuration(left)} left`, force);
  }

  finish(): void {
    this.finishCurrent();
    if (this.timer) clearInterval(this.timer);
    this.bar?.clear();
  }

  private finishCurrent(): void {
    if (!this.current) return;
    this.done.add(this.current.step.key);
    this.spentDone += (performance.now() - this.current.at) / 1000;
    this.estimatedDone += this.current.step.estimate;
    this.current = undefined;
  }
}
