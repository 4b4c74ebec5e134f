// Messages between the neural bench page and its training worker (plain data only).

/** One training run: which backend, which loop, the data (row-major Float32, labels 0/1) and the schedule. */
export interface TrainRequest {
  backend: 'wasm' | 'webgl' | 'webgpu' | 'cpu' | 'auto';
  /** tfjs' model.fit, the studio's lean loop (the family's fit: the kernel engine on wasm/cpu), or the lean loop forced onto tfjs tensors (the path before the kernel). */
  loop: 'fit' | 'lean' | 'lean-tfjs';
  x: Float32Array;
  y: Float32Array;
  trainRows: number;
  cols: number;
  epochs: number;
  batchSize: number;
}

/** Worker → page: a finished epoch (for the time cap), the result, or why it could not run. */
export type TrainMessage =
  | { kind: 'epoch'; epoch: number; elapsedMs: number }
  | { kind: 'note'; note: string }
  | { kind: 'done'; backend: string; note?: string; trainMs: number; accuracy: number; msPerStep: number }
  | { kind: 'unavailable'; backend: string; note: string }
  | { kind: 'probe'; backend: string; reason: string; probeMs: number };
