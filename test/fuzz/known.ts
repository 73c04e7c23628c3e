// Known numbat bugs found by the fuzzer and not fixed yet. Each has a minimal reproducer in the
// regression corpus (marked `todo`) and, where the program shape that triggers it can be described,
// a generator flag (GenOptions.avoid) that leaves that shape out, so that fuzz runs can look for
// other bugs meanwhile; a bug whose programs cannot be told apart beforehand has a `matches` that
// recognises its failures instead (the seeded run reports those without failing).
// When a bug is fixed: delete its entry here and the `todo` of its corpus cases.
//
// Fixed during the fuzzing session (their corpus cases are plain regression tests now):
// compound-assignment-order (`x += (x = 5)`, `a[f()] -= v` evaluating f twice), predicate-of-int-
// drops-effects (`Number.isInteger(h(a))` dropping the call), param-type-widening (NB203 for `p = 0.5`
// on an integer parameter), speculated-conditional-load (a guarded load hoisted out of its branch),
// loop-versioning-alloc-in-loop (a length check hoisted above the allocation). The generator keeps
// the avoid flags they had ("compound-effects", "predicate-effects", "assign-params", "alloc-in-loop").

import type { Verdict } from "./oracle.js";

export interface KnownBug {
  id: string;
  summary: string;
  /** The GenOptions.avoid flag that keeps the generator away from it, if there is one. */
  avoid?: string;
  /** Recognises its failures, for a bug whose programs cannot be avoided (reported, not failed). */
  matches?: (v: Verdict) => boolean;
}

export const KNOWN_BUGS: readonly KnownBug[] = [
  {
    id: "native-equal-views-identity",
    summary: "the native target returns the first argument whose view equals the returned array's: of two distinct empty arrays it may give back the wrong object (corpus: identity-native-empty-arguments)",
    matches: (v) => v.category === "identity" && v.config === "native",
  },
];

/** Every avoid flag of the known bugs. */
export const AVOID_KNOWN: readonly string[] = KNOWN_BUGS.flatMap((b) => (b.avoid ? [b.avoid] : []));

/** The known bug a failure is an instance of, if any. */
export function knownBugOf(v: Verdict): KnownBug | undefined {
  return KNOWN_BUGS.find((b) => b.matches?.(v));
}
