// Compiling and instantiating our WebAssembly kernels: once per thread, over one fresh memory per user, with
// null (never a throw) wherever WebAssembly SIMD or the memory is unavailable, so every caller keeps its
// JavaScript path as the fallback.

const PAGE_BYTES = 65536;

/** A getter of `bytes` compiled once per thread (the first call compiles); null where the module does not validate (no SIMD). */
export function createModuleLoader(bytes: Uint8Array<ArrayBuffer>): () => WebAssembly.Module | null {
  let compiled: WebAssembly.Module | null | undefined;
  return () => {
    if (compiled === undefined) {
      try {
        compiled = typeof WebAssembly === 'object' && WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
      } catch {
        compiled = null;
      }
    }
    return compiled;
  };
}

/** An instance of `module` over a new memory of at least `bytes` bytes (its only import, `env.memory`); null when either cannot be had. */
export function instantiateWithMemory<Exports>(module: WebAssembly.Module, bytes: number): { memory: WebAssembly.Memory; exports: Exports } | null {
  try {
    const memory = new WebAssembly.Memory({ initial: Math.ceil(bytes / PAGE_BYTES) });
    return { memory, exports: new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as Exports };
  } catch {
    return null;
  }
}
