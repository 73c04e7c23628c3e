// The differential corpus: every kernel numbat must run exactly like plain JS.

import type { Kernel } from "../harness.js";
import { callKernels } from "./calls.js";
import { controlKernels } from "./control.js";
import { intKernels } from "./ints.js";
import { linalgKernels } from "./linalg.js";
import { mathKernels } from "./math.js";

export const corpus: { readonly group: string; readonly kernels: readonly Kernel[] }[] = [
  { group: "linalg", kernels: linalgKernels },
  { group: "control", kernels: controlKernels },
  { group: "ints", kernels: intKernels },
  { group: "math", kernels: mathKernels },
  { group: "calls", kernels: callKernels },
];

export const allKernels: readonly Kernel[] = corpus.flatMap((g) => g.kernels);
