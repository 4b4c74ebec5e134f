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

/**
 * An instance of `module` (assembled with `sharedMaxPages`) over a new shared memory of at least `bytes` bytes
 * and at most `maxBytes`, for kernels other threads run on the same memory; null where shared memory cannot be
 * had (no SharedArrayBuffer, e.g. a browser page that is not cross-origin isolated, or no wasm threads).
 */
export function instantiateWithSharedMemory<Exports>(module: WebAssembly.Module, bytes: number, maxBytes: number): { memory: WebAssembly.Memory; exports: Exports } | null {
  if (typeof SharedArrayBuffer !== 'function') return null;
  try {
    // `shared` is not in core's narrow WebAssembly declaration (types/core-platform.d.ts); the engine reads it.
    const descriptor = { initial: Math.ceil(bytes / PAGE_BYTES), maximum: Math.floor(maxBytes / PAGE_BYTES), shared: true };
    const memory = new WebAssembly.Memory(descriptor);
    if (!(memory.buffer instanceof SharedArrayBuffer)) return null;
    return { memory, exports: new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as Exports };
  } catch {
    return null;
  }
}
