// The kernel suite of `bench/kernels.ts`, in the order the table lists them.

import type { KernelCase } from "./common.js";
import { linalgKernels } from "./linalg.js";
import { miscKernels } from "./misc.js";
import { reductionKernels } from "./reductions.js";
import { stencilKernels } from "./stencils.js";

export type { KernelCase } from "./common.js";

export const kernelSuite: readonly KernelCase[] = [...linalgKernels, ...stencilKernels, ...reductionKernels, ...miscKernels];
