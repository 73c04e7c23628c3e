// The catalogue of compile-time diagnostics: one stable code per message, so tests, docs and users
// can refer to a diagnostic by code while the wording improves.

export const MESSAGES = {
  NB001: "cannot parse the function source",
  NB002: "not a function",
  NB100: "unsupported syntax",
  NB101: "unsupported expression",
  NB102: "unsupported statement",
  NB103: "unknown identifier",
  NB104: "unsupported call",
  NB105: "unsupported property",
  NB106: "unsupported operator",
  NB107: "unsupported declaration",
  NB108: "assignment to a constant",
  NB109: "unsupported throw",
  NB200: "type mismatch",
  NB201: "wrong number of indices",
  NB202: "wrong number of arguments",
  NB203: "types do not settle",
  NB204: "not an array",
  NB205: "inconsistent return types",
  NB206: "recursion is not supported",
  NB207: "unsupported argument type",
} as const;

export type DiagnosticCode = keyof typeof MESSAGES;
