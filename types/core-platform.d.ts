// The web-platform globals core/ may use: the few that browsers, workers and Node ≥ 20 all provide, declared with
// only the members core calls. tsconfig.core.json compiles core/ against these and ES2023 alone (no DOM, no
// Node), so a new DOM or Node dependency in core is a compile error; the app's own tsconfig keeps the full types.
// The clock and timers are not here: core reads them through core/time.

/** Cancels a long job; core reads whether it fired and (the notebook runtime) hears when it does. */
interface AbortSignal {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/** The notebook runtime's handle on a cell's job (cancel and cooperative stop). */
declare class AbortController {
  readonly signal: AbortSignal;
  abort(): void;
}

/** A file or a slice of one, read in ranges. */
interface Blob {
  readonly size: number;
  slice(start?: number, end?: number): Blob;
  arrayBuffer(): Promise<ArrayBuffer>;
}

declare class TextEncoder {
  encode(input?: string): Uint8Array<ArrayBuffer>;
  encodeInto(source: string, destination: Uint8Array): { read: number; written: number };
}

declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
}

/** SHA-256 of file blocks (the content hash that spots a re-imported file), and run ids. */
declare const crypto: {
  readonly subtle: { digest(algorithm: 'SHA-256', data: ArrayBufferView | ArrayBuffer): Promise<ArrayBuffer> };
  randomUUID(): string;
};

/** Our SIMD kernels: compiled from bytes, instantiated over one imported memory (core/wasm). */
declare namespace WebAssembly {
  class Module {
    constructor(bytes: ArrayBufferView | ArrayBuffer);
  }
  class Memory {
    constructor(descriptor: { initial: number; maximum?: number });
    readonly buffer: ArrayBuffer;
    grow(pages: number): number;
  }
  class Instance {
    constructor(module: Module, imports: Record<string, Record<string, unknown>>);
    readonly exports: Record<string, unknown>;
  }
  function validate(bytes: ArrayBufferView | ArrayBuffer): boolean;
}
