// The browser bundle with Python: numbat's whole API plus numbat/python's compile() and py tag, as one
// module (dist/browser/numbat-python.js). Use it instead of numbat.js, not beside it: each bundle has its
// own heap and dispatchers.

export * from "../index.js";
export { compile, py, type PyFunction, type PythonOptions } from "../frontend/python/index.js";
