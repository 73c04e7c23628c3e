// The slice of the WebAssembly JS API that numbat uses. TypeScript ships these types only with the
// DOM library; Node has the same API, so declare it here instead of pulling in DOM globals.

declare namespace WebAssembly {
  interface MemoryDescriptor { initial: number; maximum?: number; shared?: boolean }
  class Memory {
    constructor(descriptor: MemoryDescriptor);
    readonly buffer: ArrayBuffer | SharedArrayBuffer;
    grow(delta: number): number;
  }
  class Module {
    constructor(bytes: BufferSource);
    static imports(module: Module): { module: string; name: string; kind: string }[];
  }
  interface TableDescriptor { element: "anyfunc"; initial: number; maximum?: number }
  class Table {
    constructor(descriptor: TableDescriptor);
    readonly length: number;
    get(index: number): Function | null;
    set(index: number, value: Function | null): void;
    grow(delta: number): number;
  }
  type ImportValue = Function | Memory | Table | number;
  type Imports = Record<string, Record<string, ImportValue>>;
  class Instance {
    constructor(module: Module, imports?: Imports);
    readonly exports: Record<string, Function | Memory>;
  }
  class CompileError extends Error {}
  class RuntimeError extends Error {}
  function validate(bytes: BufferSource): boolean;
  function compile(bytes: BufferSource): Promise<Module>;
}
type BufferSource = ArrayBufferView | ArrayBuffer;
