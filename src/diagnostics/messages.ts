// The catalogue of compile-time diagnostics: one stable code per message, so tests, docs and users
// can refer to a diagnostic by code while the wording improves. `help` is the default hint, used when
// the site that raises the error has nothing more specific to suggest.

const SUBSET = "kernels support numbers, booleans, typed arrays and n-d arrays, with loops, branches, Math.* and calls to jitted functions (docs/language.md lists the supported subset)";

export const MESSAGES = {
  NB001: { title: "cannot parse the function source", help: "jit() needs the source of an ordinary function, arrow function or method" },
  NB002: { title: "not a function", help: "pass a plain function, arrow function or method to jit()" },
  NB100: { title: "unsupported syntax", help: SUBSET },
  NB101: { title: "unsupported expression", help: SUBSET },
  NB102: { title: "unsupported statement", help: "supported statements: let/const/var, if/else, for, while, do/while, for (const i of prange(n)), break/continue, return, throw new Error(\"...\")" },
  NB103: { title: "unknown identifier", help: "kernels can use their parameters and locals, Math, Number, zeros/ones/empty/prange, and names passed with jit(fn, { scope: { name } })" },
  NB104: { title: "unsupported call", help: "kernels can call Math.* and Number.* functions, zeros/ones/empty, new Float64Array(n) and friends, A.get/A.set, and jitted functions passed in scope" },
  NB105: { title: "unsupported property", help: "supported properties: a.length on typed arrays; A.shape, A.stride, A.offset, A.size, A.dimension on n-d arrays; Math.PI and other Math/Number constants" },
  NB106: { title: "unsupported operator", help: "supported operators: + - * / % ** on numbers, comparisons, && || ! ?: and the bitwise operators" },
  NB107: { title: "unsupported declaration", help: "declare plain names with let/const/var, or destructure a shape: const [m, n] = A.shape" },
  NB108: { title: "assignment to a constant", help: "declare the variable with let if it changes" },
  NB109: { title: "unsupported throw", help: "throw new Error(\"message\") with a literal message is supported (also RangeError and TypeError)" },
  NB110: { title: "loop cannot run in parallel", help: "iterations of a prange loop must be independent: each writes its own elements, and scalars carried out of the loop are reductions (s += ..., s *= ..., s = Math.min(s, ...)); docs/parallel.md has the rules" },
  NB120: { title: "not supported in a GPU kernel", help: "GPU kernels take numbers, booleans and typed arrays, write their results into arrays, and use loops, branches, Math.* and gpu.*; they do not return values, allocate or call other functions (docs/kernels.md)" },
  NB122: { title: "cannot run on a GPU target", help: "jit(fn, { target: \"webgpu\" | \"cuda\" | \"gpusim\" }) runs a function made of prange loop nests (scalar assignments before them allowed) that writes its results into typed arrays; target \"wasm\" runs any function (docs/kernels.md#automatic-offload)" },
  NB121: { title: "misused GPU intrinsic", help: "inside kernel(...): gpu.globalId.x (also localId, groupId, groupSize, numGroups; .x/.y/.z), gpu.barrier(), const t = gpu.shared(size, \"float32\") at the top of the kernel, gpu.atomicAdd(a, i, v) and friends (docs/kernels.md)" },
  NB130: { title: "unsupported Python construct", help: "numbat compiles Numba's nopython subset of Python: numbers, NumPy arrays, loops, branches, math.* and the NumPy functions docs/python.md lists" },
  NB200: { title: "type mismatch", help: "a variable or expression has one type in a kernel: number (int or float), boolean, or one kind of array" },
  NB201: { title: "wrong number of indices", help: "index an n-d array with one index per dimension: A.get(i, j) for a 2-d array" },
  NB202: { title: "wrong number of arguments", help: "pass exactly the arguments the function declares" },
  NB203: { title: "types do not settle", help: "give each variable one kind of value" },
  NB204: { title: "not an array", help: "index and read .length/.shape of array variables (parameters or locals holding arrays)" },
  NB205: { title: "inconsistent return types", help: "return one kind of value on every path, or nothing on every path" },
  NB206: { title: "recursion is not supported", help: "rewrite the recursion as a loop" },
  NB207: { title: "unsupported argument type", help: "jitted functions take numbers, booleans, typed arrays and n-d arrays" },
  NB208: { title: "read before assignment", help: "give the variable a value where it is declared (let r = 0): JS would read undefined here, which a kernel's numbers cannot hold" },
  // ---- autodiff (issue 8, docs/autodiff.md) ----
  NB500: { title: "derivative through an integer conversion", help: "round explicitly with Math.floor / Math.round / Math.trunc (derivative 0), or mark the argument constant with argnums" },
  NB501: { title: "cannot be differentiated", help: "grad, jvp and vjp differentiate ordinary jitted functions: numbers, arrays, loops, branches, Math.* and calls in statements of their own (docs/autodiff.md lists the limits)" },
  NB502: { title: "array variable reassigned while its derivative is needed", help: "give each array its own variable (allocate once, outside loops) and update it in place" },
  NB503: { title: "result cannot be differentiated", help: "grad needs a function returning a float; vjp and jvp also accept functions returning a float array" },
} as const satisfies Record<string, { title: string; help: string }>;

export type DiagnosticCode = keyof typeof MESSAGES;
