// The Export cell's runner: the picked run (else the leaderboard's best) packaged where its model is stored as a
// deployable bundle — the whole pipeline as one ONNX graph, predict.mjs / serve.mjs / score.mjs, Triton and KServe
// configs, the input contract, metrics and a model card — zipped. A step or family without an ONNX form is a note;
// everything else still ships.

import type { ExportedBundle } from '../compute-port';
import type { CellRunner } from '../runner';
import { checkPickedRun, findPickedRun, requirePickedRun } from './pick-run';

export interface ExportOutput extends ExportedBundle {
  readonly runId: string;
  readonly runLabel: string;
  readonly name: string;
  readonly exportedAt: number;
}

export const exportRunner: CellRunner<'export', ExportOutput> = {
  kind: 'export',
  inputs: ['model'],
  optional: [],
  publishes: null,
  outputVersion: 1,
  auto: false,
  check: (spec, inputs) => checkPickedRun(inputs, spec.runId),
  describeInputs: (spec, inputs) => `run=${findPickedRun(inputs, spec.runId)?.id ?? 'none'}|name=${spec.name}`,
  async run(spec, inputs, context) {
    const run = requirePickedRun(inputs, spec.runId);
    context.onProgress({ message: `Packaging ${run.label}` });
    const bundle = await context.compute.exportRun(run.id, spec.name, context);
    return { ...bundle, runId: run.id, runLabel: run.label, name: spec.name, exportedAt: Date.now() };
  },
  summarize: (output) => ({
    run: output.runLabel,
    name: output.name,
    bytes: output.zip.size,
    files: output.manifest.files.map((file) => file.path),
    notes: output.notes,
  }),
};
