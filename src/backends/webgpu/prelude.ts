// WGSL helper functions that give JS semantics where a WGSL builtin differs (see docs/webgpu.md).
// The emitter asks for helpers by name; `preludeFor` returns the ones needed, dependencies first.
// Non-finite constants are built from their bits by `nb_f32`: WGSL rejects a constant expression whose
// value is NaN or infinite, and a call to a user function is never a constant expression.

const NAN = "nb_f32(0x7fc00000u)";
const INF = "nb_f32(0x7f800000u)";

/** fmodf's normalisation of operand `u` with biased exponent `e`: a subnormal shifted up, else the implicit bit set. */
const normalized = (e: string, u: string): string => `  if (${e} == 0) {
    var i = ${u} << 9u;
    loop { if ((i >> 31u) != 0u) { break; } ${e} -= 1; i = i << 1u; }
    ${u} = ${u} << u32(1 - ${e});
  } else {
    ${u} = (${u} & 0x7fffffu) | 0x800000u;
  }`;

interface HelperDef { readonly deps: readonly string[]; readonly src: string }

const HELPERS = {
  nb_f32: { deps: [], src: `fn nb_f32(bits: u32) -> f32 { return bitcast<f32>(bits); }` },
  nb_isnan: { deps: [], src: `fn nb_isnan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }` },
  nb_isfinite: { deps: [], src: `fn nb_isfinite(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) < 0x7f800000u; }` },
  nb_isint: { deps: ["nb_isfinite"], src: `fn nb_isint(x: f32) -> bool { return nb_isfinite(x) && trunc(x) == x; }` },
  nb_issafe: { deps: ["nb_isint"], src: `fn nb_issafe(x: f32) -> bool { return nb_isint(x) && abs(x) < 9007199254740992.0f; }` },
  // Non-zero and not NaN, tested on the bits so no compiler can assume NaN away.
  nb_truthy: { deps: [], src: `fn nb_truthy(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) - 1u < 0x7f800000u; }` },
  // JS ToInt32: truncate, wrap modulo 2^32, NaN and infinities give 0 (WGSL's i32() saturates instead).
  nb_toint32: {
    deps: ["nb_isfinite"],
    src: `fn nb_toint32(x: f32) -> i32 {
  if (abs(x) < 2147483648.0f) { return i32(x); }
  if (!nb_isfinite(x)) { return 0i; }
  let m = x - 4294967296.0f * floor(x / 4294967296.0f); // exact: x is a multiple of 256 here
  return bitcast<i32>(u32(m));
}`,
  },
  // An index from a float: a non-integral value becomes -1 (JS reads undefined there).
  nb_f2idx: {
    deps: [],
    src: `fn nb_f2idx(x: f32) -> i32 {
  if (trunc(x) == x && abs(x) < 2147483648.0f) { return i32(x); }
  return -1i;
}`,
  },
  // Uint8ClampedArray's conversion: clamp to 0..255, round half to even (WGSL's round()), NaN -> 0.
  nb_u8c: {
    deps: [],
    src: `fn nb_u8c(x: f32) -> i32 {
  if (!(x > 0.0f)) { return 0i; }
  return i32(round(min(x, 255.0f)));
}`,
  },
  // Math.round: ties go up (WGSL's round() goes to even); (-0.5, 0) gives -0.
  nb_round: {
    deps: [],
    src: `fn nb_round(x: f32) -> f32 {
  let r = floor(x);
  let y = select(r, r + 1.0f, x - r >= 0.5f);
  return select(y, -0.0f, x < 0.0f && y == 0.0f);
}`,
  },
  // Math.sign keeps -0, +0 and NaN.
  nb_sign: {
    deps: [],
    src: `fn nb_sign(x: f32) -> f32 {
  if (x > 0.0f) { return 1.0f; }
  if (x < 0.0f) { return -1.0f; }
  return x;
}`,
  },
  // Math.min/max: NaN if either is NaN, and min(0, -0) = -0, max(0, -0) = 0 (WGSL leaves both open).
  nb_min: {
    deps: ["nb_isnan", "nb_f32"],
    src: `fn nb_min(a: f32, b: f32) -> f32 {
  if (nb_isnan(a) || nb_isnan(b)) { return ${NAN}; }
  if (a == b) { return bitcast<f32>(bitcast<u32>(a) | bitcast<u32>(b)); }
  return select(b, a, a < b);
}`,
  },
  nb_max: {
    deps: ["nb_isnan", "nb_f32"],
    src: `fn nb_max(a: f32, b: f32) -> f32 {
  if (nb_isnan(a) || nb_isnan(b)) { return ${NAN}; }
  if (a == b) { return bitcast<f32>(bitcast<u32>(a) & bitcast<u32>(b)); }
  return select(b, a, a > b);
}`,
  },
  // JS float % is the exact remainder (fmod); WGSL's x - y * trunc(x / y) is not. Bit-level long
  // division, after musl's fmodf.
  nb_fmod: {
    deps: [],
    src: `fn nb_fmod(x: f32, y: f32) -> f32 {
  var ux = bitcast<u32>(x);
  var uy = bitcast<u32>(y);
  var ex = i32((ux >> 23u) & 0xffu);
  var ey = i32((uy >> 23u) & 0xffu);
  let sx = ux & 0x80000000u;
  if ((uy << 1u) == 0u || (uy & 0x7fffffffu) > 0x7f800000u || ex == 0xff) { return (x * y) / (x * y); }
  if ((ux << 1u) <= (uy << 1u)) {
    if ((ux << 1u) == (uy << 1u)) { return 0.0f * x; }
    return x;
  }
${normalized("ex", "ux")}
${normalized("ey", "uy")}
  loop {
    if (ex <= ey) { break; }
    if (ux >= uy) {
      if (ux == uy) { return 0.0f * x; }
      ux = ux - uy;
    }
    ux = ux << 1u;
    ex -= 1;
  }
  if (ux >= uy) {
    if (ux == uy) { return 0.0f * x; }
    ux = ux - uy;
  }
  loop { if ((ux >> 23u) != 0u) { break; } ux = ux << 1u; ex -= 1; }
  if (ex > 0) {
    ux = (ux - 0x800000u) | (u32(ex) << 23u);
  } else {
    ux = ux >> u32(1 - ex);
  }
  return bitcast<f32>(ux | sx);
}`,
  },
  // Math.pow / **: JS's special cases (pow(x, 0) = 1 even for NaN, pow(1, Infinity) = NaN, signs of
  // odd integer powers of negative numbers and -0), then exp2(y * log2|x|).
  nb_pow: {
    deps: ["nb_isnan", "nb_isfinite", "nb_f32"],
    src: `fn nb_pow(x: f32, y: f32) -> f32 {
  if (y == 0.0f) { return 1.0f; }
  if (nb_isnan(x) || nb_isnan(y)) { return ${NAN}; }
  let ax = abs(x);
  if (!nb_isfinite(y)) {
    if (ax == 1.0f) { return ${NAN}; }
    return select(0.0f, ${INF}, (ax > 1.0f) == (y > 0.0f));
  }
  let yint = trunc(y) == y;
  let yodd = yint && abs(y) < 16777216.0f && (i32(y) & 1i) != 0i;
  let neg = (bitcast<u32>(x) >> 31u) != 0u;
  if (neg && !yint && nb_isfinite(x) && x != 0.0f) { return ${NAN}; }
  var r: f32;
  if (ax == 0.0f) {
    r = select(${INF}, 0.0f, y > 0.0f);
  } else if (!nb_isfinite(ax)) {
    r = select(0.0f, ${INF}, y > 0.0f);
  } else if (y == 2.0f) {
    r = ax * ax;
  } else {
    r = exp2(y * log2(ax));
  }
  return select(r, -r, neg && yodd);
}`,
  },
  // Kahan's forms keep the relative accuracy of expm1 and log1p near 0.
  nb_expm1: {
    deps: ["nb_isfinite"],
    src: `fn nb_expm1(x: f32) -> f32 {
  let u = exp(x);
  if (u == 1.0f) { return x; }
  let um = u - 1.0f;
  if (um == -1.0f) { return -1.0f; }
  if (!nb_isfinite(u)) { return u; }
  return um * x / log(u);
}`,
  },
  nb_log1p: {
    deps: ["nb_isfinite"],
    src: `fn nb_log1p(x: f32) -> f32 {
  let u = 1.0f + x;
  if (u == 1.0f) { return x; }
  if (!nb_isfinite(u)) { return log(u); }
  return log(u) * x / (u - 1.0f);
}`,
  },
  nb_log10: { deps: [], src: `fn nb_log10(x: f32) -> f32 { return log2(x) * 0.30102999566398120f; }` },
  // One Newton step on exp2(log2|x| / 3) makes exact cubes exact; written to avoid overflowing y^3.
  nb_cbrt: {
    deps: ["nb_isfinite"],
    src: `fn nb_cbrt(x: f32) -> f32 {
  if (x == 0.0f || !nb_isfinite(x)) { return x; }
  let a = abs(x);
  var y = exp2(log2(a) / 3.0f);
  y = y + (a / (y * y) - y) / 3.0f;
  return select(y, -y, x < 0.0f);
}`,
  },
} as const satisfies Record<string, HelperDef>;

export type Helper = keyof typeof HELPERS | `nb_hypot${number}`;

/** Math.hypot of n arguments: Infinity wins over NaN; scaled by the largest only where squares could overflow or underflow. */
function hypot(n: number): HelperDef {
  const xs = Array.from({ length: n }, (_, k) => `x${k}`);
  const abs = xs.map((x) => `  let a${x} = abs(${x});`);
  const any = (test: (a: string) => string) => xs.map((x) => test(`a${x}`)).join(" || ");
  const max = xs.slice(1).reduce((acc, x) => `max(${acc}, a${x})`, `a${xs[0]}`);
  const sum = (f: (a: string) => string) => xs.map((x) => f(`a${x}`)).join(" + ");
  return {
    deps: ["nb_isnan", "nb_f32"],
    src: `fn nb_hypot${n}(${xs.map((x) => `${x}: f32`).join(", ")}) -> f32 {
${abs.join("\n")}
  if (${any((a) => `${a} == ${INF}`)}) { return ${INF}; }
  if (${any((a) => `nb_isnan(${a})`)}) { return ${NAN}; }
  let m = ${max};
  if (m == 0.0f) { return 0.0f; }
  if (m > 1e-18f && m < 1e18f) { return sqrt(${sum((a) => `${a} * ${a}`)}); }
${xs.map((x) => `  let s${x} = a${x} / m;`).join("\n")}
  return m * sqrt(${xs.map((x) => `s${x} * s${x}`).join(" + ")});
}`,
  };
}

function def(h: Helper): HelperDef {
  const m = /^nb_hypot(\d+)$/.exec(h);
  return m ? hypot(Number(m[1])) : HELPERS[h as keyof typeof HELPERS];
}

/** The WGSL source of `needed` helpers and their dependencies, each once, dependencies first. */
export function preludeFor(needed: Iterable<Helper>): string[] {
  const out: string[] = [];
  const done = new Set<string>();
  const visit = (h: Helper): void => {
    if (done.has(h)) return;
    done.add(h);
    const d = def(h);
    d.deps.forEach((x) => visit(x as Helper));
    out.push(d.src);
  };
  [...needed].sort().forEach(visit);
  return out;
}
