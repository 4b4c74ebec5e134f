import { describe, expect, it } from 'vitest';
import { createToyPort } from '../../../../test-support/toy-compute-port';
import { numericColumn, tableOf } from '../../../../test-support/table-builders';
import type { CodeRequest, CodeResult } from '../../../code/code-types';
import { CELL_KINDS } from '../../cell-kinds';
import { addCell, createNotebook, updateCellSpec } from '../../reducers';
import type { CellId, DatasetId, NotebookId } from '../../types';
import type { DatasetArtifact } from '../artifacts';
import { NotebookRuntime } from '../notebook-runtime';
import { codeRunner, readTimeLimitMs } from './code';

const spec = { source: 'return 1;', timeLimitSeconds: 2 };
const above: DatasetArtifact = { key: 't|ds1', name: 'toy', rowCount: 40, columns: [], warnings: [] };
const base = { console: [{ level: 'log' as const, text: 'hi' }], consoleDropped: 0, durationMs: 12.4 };
const made: DatasetArtifact = { key: 'code-output|ds2', name: 'toy (Code output)', rowCount: 2, columns: [{ name: 'z', kind: 'numeric' }], warnings: [] };
const tableResult: CodeResult = { ...base, kind: 'table', dataset: made, preview: tableOf(numericColumn('z', [1, 2])) };

describe('codeRunner', () => {
  it('keys its inputs by source, time limit and the dataset above', () => {
    expect(codeRunner.describeInputs(spec, { dataset: above })).toBe('{"source":"return 1;","timeLimitMs":2000,"input":"t|ds1"}');
    expect(codeRunner.describeInputs(spec, {})).toBe('{"source":"return 1;","timeLimitMs":2000,"input":null}');
    expect([readTimeLimitMs({ ...spec, timeLimitSeconds: 0 }), readTimeLimitMs({ ...spec, timeLimitSeconds: 9999 }), readTimeLimitMs({ ...spec, timeLimitSeconds: Number.NaN })]).toEqual([1000, 600_000, 10_000]);
  });

  it('publishes a returned table; otherwise the table above passes on (none without one)', () => {
    const value: CodeResult = { ...base, kind: 'value', json: '1', truncated: false };
    expect([codeRunner.publish!(tableResult, spec, { dataset: above }, 'k'), codeRunner.publish!(value, spec, { dataset: above }, 'k'), codeRunner.publish!(value, spec, {}, 'k')]).toEqual([made, above, null]);
  });

  it('an error result is the cell\'s error, with the line; the summary says what came back', () => {
    const failed: CodeResult = { ...base, kind: 'error', error: { reason: 'runtime', message: 'ReferenceError: x is not defined', line: 3 } };
    expect([codeRunner.errorOf!(failed), codeRunner.errorOf!(tableResult)]).toEqual(['Line 3: ReferenceError: x is not defined', null]);
    expect(codeRunner.summarize(tableResult, spec)).toEqual({ result: 'table', dataset: 'toy (Code output)', rows: 2, columns: ['z (numeric)'], durationMs: 12, console: ['hi'], consoleDropped: 0 });
    expect(codeRunner.summarize({ ...base, kind: 'value', json: '{"a": [1]}', truncated: false }, spec)).toEqual({ result: 'value', value: { a: [1] }, durationMs: 12, console: ['hi'], consoleDropped: 0 });
  });

  it('in a notebook: runs on Run only, hands its port the dataset above, and the Split below reads the returned table', async () => {
    const requests: CodeRequest[] = [];
    const lines: string[] = [];
    const port = createToyPort({
      async runCode(request, onConsole) {
        requests.push(request);
        onConsole({ level: 'log', text: 'hi' });
        return tableResult;
      },
    });
    let notebook = createNotebook('nb' as NotebookId, 'toy', 0);
    for (const [kind, id] of [['data', 'd'], ['code', 'c'], ['split', 's']] as const) notebook = addCell(notebook, kind, id as CellId, 0);
    notebook = updateCellSpec(notebook, 'd' as CellId, 'data', (s) => ({ ...s, datasetId: 'ds1' as DatasetId }), 0);
    const runtime = new NotebookRuntime({ compute: port, onProgress: (id, progress) => { if (id === 'c') lines.push(JSON.stringify(progress.detail)); } });
    runtime.setNotebook(notebook);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect([runtime.get('c' as CellId).status, runtime.get('s' as CellId).waiting]).toEqual(['idle', 'Run the Code cell above.']);
    await runtime.run('c' as CellId);
    expect(requests).toEqual([{ cellId: 'c', source: CELL_KINDS.code.createSpec().source, input: { key: 't|ds1', name: 'toy' }, outputName: 'toy (Code output)', timeLimitMs: 10_000 }]);
    expect(lines).toEqual(['{"console":[]}', '{"console":[{"level":"log","text":"hi"}]}']);
    expect(runtime.inputsOf('s' as CellId).dataset).toBe(made);
  });
});
