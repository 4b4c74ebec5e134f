// The Code cell's runner: the cell's JavaScript runs in a thread of its own against the table above (the nearest
// cell that publishes a dataset; none is fine), within its time limit. A returned table is stored as a dataset
// and read by the cells below as the Data cell's would be; any other result passes the table above on unchanged.

import { TIME_LIMIT_SECONDS, type CodeResult, type ConsoleLine } from '../../../code/code-types';
import { describeCodeError } from '../../../code/map-error-line';
import type { CodeCellSpec } from '../../types';
import type { CellRunner } from '../runner';

/** A running Code cell's progress detail: the console lines so far. */
export interface CodeProgressDetail {
  readonly console: readonly ConsoleLine[];
}

/** The spec's time limit in ms, held to 1–600 s (a value that is no number: the default). */
export function readTimeLimitMs(spec: CodeCellSpec): number {
  const seconds = Number.isFinite(spec.timeLimitSeconds) ? spec.timeLimitSeconds : TIME_LIMIT_SECONDS.default;
  return Math.min(TIME_LIMIT_SECONDS.max, Math.max(TIME_LIMIT_SECONDS.min, seconds)) * 1000;
}

/** The name a returned table is stored under: "<the table above> (Code output)". */
export function describeOutputName(inputName: string | null): string {
  return inputName === null ? 'Code output' : `${inputName} (Code output)`;
}

export const codeRunner: CellRunner<'code', CodeResult> = {
  kind: 'code',
  inputs: ['dataset'],
  optional: ['dataset'],
  publishes: 'dataset',
  outputVersion: 1,
  // Never by itself: the user's code runs when the user asks.
  auto: false,
  describeInputs: (spec, inputs) => JSON.stringify({ source: spec.source, timeLimitMs: readTimeLimitMs(spec), input: inputs.dataset?.key ?? null }),
  async run(spec, inputs, context) {
    if (!context.compute.runCode) throw new Error('This compute port cannot run Code cells.');
    const lines: ConsoleLine[] = [];
    const report = () => context.onProgress({ message: 'Running the code', detail: { console: [...lines] } satisfies CodeProgressDetail });
    report();
    const input = inputs.dataset ?? null;
    const request = {
      cellId: context.cellId, source: spec.source, input: input && { key: input.key, name: input.name }, outputName: describeOutputName(input?.name ?? null), timeLimitMs: readTimeLimitMs(spec),
    };
    return context.compute.runCode(request, (line) => {
      lines.push(line);
      report();
    }, context);
  },
  // A table replaces the dataset for the cells below; anything else leaves the table above in place for them.
  publish: (output, _spec, inputs) => (output.kind === 'table' ? output.dataset : (inputs.dataset ?? null)),
  errorOf: (output) => (output.kind === 'error' ? describeCodeError(output.error) : null),
  summarize: (output) => ({ ...summarizeResult(output), durationMs: Math.round(output.durationMs), console: output.console.map((line) => (line.level === 'log' ? line.text : `${line.level}: ${line.text}`)), consoleDropped: output.consoleDropped }),
};

function summarizeResult(output: CodeResult): Record<string, unknown> {
  switch (output.kind) {
    case 'table':
      return { result: 'table', dataset: output.dataset.name, rows: output.dataset.rowCount, columns: output.dataset.columns.map((c) => `${c.name} (${c.kind})`) };
    case 'value':
      return { result: 'value', value: output.truncated ? output.json : JSON.parse(output.json), ...(output.truncated ? { truncated: true } : {}) };
    case 'plot':
      return { result: 'plot', traces: output.figure.data.length };
    case 'none':
      return { result: 'none' };
    case 'error':
      return { result: 'error', error: describeCodeError(output.error) };
  }
}
