/// <reference types="vite/client" />
// The neural bench page: runs each (backend, loop) training in a fresh worker, stops one that passes the time
// cap and extrapolates it from its finished epochs. `bench/neural/suite.mjs` calls window.runNeuralBench.
import type { TrainMessage, TrainRequest } from './messages';

export interface RunResult {
  backend: string;
  loop: 'fit' | 'lean' | 'lean-tfjs' | 'probe';
  status: 'done' | 'unavailable' | 'capped';
  seconds?: number;
  accuracy?: number;
  msPerStep?: number;
  note?: string;
}

function runOne(request: Omit<TrainRequest, 'x' | 'y'>, x: Float32Array, y: Float32Array, capMs: number): Promise<RunResult> {
  const worker = new Worker(new URL('./train.worker.ts', import.meta.url), { type: 'module' });
  const base = { backend: request.backend, loop: request.loop } as const;
  return new Promise((resolve) => {
    let lastEpoch = { epoch: 0, elapsedMs: 0 };
    let note: string | undefined;
    const startMs = performance.now();
    const finish = (result: RunResult): void => {
      clearInterval(timer);
      worker.terminate();
      resolve(result);
    };
    const timer = setInterval(() => {
      if (performance.now() - startMs < capMs) return;
      const estimate = lastEpoch.epoch > 0 ? (lastEpoch.elapsedMs / lastEpoch.epoch) * request.epochs / 1000 : undefined;
      finish({ ...base, status: 'capped', seconds: estimate, note: `stopped at the ${capMs / 1000} s cap after ${lastEpoch.epoch} epochs${estimate ? `; ≈ ${estimate.toFixed(0)} s extrapolated` : ''}` });
    }, 250);
    worker.onmessage = (event: MessageEvent<TrainMessage>) => {
      const m = event.data;
      if (m.kind === 'epoch') lastEpoch = m;
      else if (m.kind === 'note') note = m.note;
      else if (m.kind === 'unavailable') finish({ ...base, status: 'unavailable', note: m.note });
      else if (m.kind === 'probe') note = `${m.reason} (probe ${m.probeMs.toFixed(0)} ms)`;
      else finish({ ...base, backend: request.backend === 'auto' ? `auto → ${m.backend}` : m.backend, status: 'done', seconds: m.trainMs / 1000, accuracy: m.accuracy, msPerStep: m.msPerStep, ...(note ? { note } : {}) });
    };
    worker.onerror = (event) => finish({ ...base, status: 'unavailable', note: `worker error: ${event.message}` });
    worker.postMessage({ ...request, x: x.slice(), y: y.slice() } satisfies TrainRequest);
  });
}

declare global {
  interface Window {
    runNeuralBench(input: { x: number[]; y: number[]; trainRows: number; cols: number; epochs: number; batchSize: number; capMs: number; runs: { backend: TrainRequest['backend']; loop: TrainRequest['loop'] }[] }): Promise<RunResult[]>;
  }
}

window.runNeuralBench = async (input) => {
  const x = Float32Array.from(input.x);
  const y = Float32Array.from(input.y);
  const results: RunResult[] = [];
  for (const run of input.runs) {
    const result = await runOne({ ...run, trainRows: input.trainRows, cols: input.cols, epochs: input.epochs, batchSize: input.batchSize }, x, y, input.capMs);
    console.log(JSON.stringify(result));
    results.push(result);
  }
  return results;
};
