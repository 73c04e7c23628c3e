// Runs Python functions through CPython + NumPy (and Numba where installed) in ONE python process,
// exchanging JSON: the oracle of the Python frontend's differential tests (test/python.test.ts).
// Floats travel as repr() strings (exact round trip), ints as decimal strings, arrays with their shape.

import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export type PyArg = number | boolean | { int: string } | { array: number[]; shape: number[]; dtype: "float64" | "int32" | "float32" };
export type PyValue = { unsupported: string } | { float: string } | { int: string } | { bool: boolean } | { tuple: PyValue[] } | { array: PyValue[]; shape: number[]; dtype: string } | { error: string } | { none: true };

export interface OracleCase { readonly src: string; readonly fn: string; readonly args: readonly PyArg[]; readonly numba?: boolean }
export interface OracleResult { readonly cpython: PyValue; readonly numba?: PyValue }

const SCRIPT = String.raw`
import sys, json, math
import numpy as np
try:
    import numba
    from numba import njit, prange
except Exception:
    numba = None
    prange = range
    def njit(*a, **k):
        return a[0] if a and callable(a[0]) else (lambda f: f)

def enc(v):
    if isinstance(v, (bool, np.bool_)):
        return {"bool": bool(v)}
    if isinstance(v, (int, np.integer)):
        return {"int": str(int(v))}
    if isinstance(v, (float, np.floating)):
        return {"float": repr(float(v))}
    if isinstance(v, tuple):
        return {"tuple": [enc(x) for x in v]}
    if isinstance(v, np.ndarray):
        return {"array": [enc(x) for x in v.ravel().tolist()], "shape": list(v.shape), "dtype": str(v.dtype)}
    if v is None:
        return {"none": True}
    return {"error": "unencodable " + type(v).__name__}

def dec(a):
    if isinstance(a, dict) and "array" in a:
        return np.array([float(x) for x in a["array"]], dtype=a["dtype"]).reshape(a["shape"])
    if isinstance(a, dict) and "int" in a:
        return int(a["int"])
    if isinstance(a, dict) and "float" in a:
        return float(a["float"])
    return a

def run(f, args):
    try:
        return enc(f(*[dec(a) for a in args]))
    except Exception as e:
        # Numba's own compile errors say what Numba does not support: no oracle there.
        if type(e).__module__.startswith("numba"):
            return {"unsupported": type(e).__name__}
        return {"error": type(e).__name__}

out = []
for c in json.load(sys.stdin):
    ns = {"np": np, "math": math, "numba": numba, "njit": njit, "prange": prange}
    exec(c["src"], ns)
    r = {"cpython": run(ns[c["fn"]], c["args"])}
    if c.get("numba") and numba is not None:
        try:
            r["numba"] = run(numba.njit(ns[c["fn"]]), c["args"])
        except Exception as e:
            r["numba"] = {"error": "numba: " + type(e).__name__}
    out.append(r)
print(json.dumps(out))
`;

/** The python3 with NumPy: Debian's /usr/bin/python3 (the one on PATH may lack numpy). */
export function findPython(): string | undefined {
  for (const p of [process.env.NUMBAT_PYTHON, "/usr/bin/python3", "python3"]) {
    if (!p || (p.startsWith("/") && !existsSync(p))) continue;
    const r = spawnSync(p, ["-c", "import numpy"], { encoding: "utf8" });
    if (r.status === 0) return p;
  }
  return undefined;
}

export function hasNumba(python: string): boolean {
  return spawnSync(python, ["-c", "import numba"], { encoding: "utf8" }).status === 0;
}

export function runOracle(python: string, cases: readonly OracleCase[]): OracleResult[] {
  const r = spawnSync(python, ["-c", SCRIPT], { input: JSON.stringify(cases), encoding: "utf8", maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`python oracle failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as OracleResult[];
}
