// The service's prediction log read back for monitoring: batches per version and role, feedback joined by request
// id and row position, cut-short lines skipped with a warning naming file and line, another schema refused.

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { computeLogSchemaHash, readPredictionLog } from './read-prediction-log';

const HASH = 'abcdef0123456789';
const line = (record: Record<string, unknown>) => JSON.stringify({ type: 'prediction', time: '2026-12-07T10:00:00.000Z', schemaHash: HASH, role: 'main', ...record });
const FILE_1 = [
  line({ requestId: 'a', modelVersion: 'run-1', rows: [{ x: 1 }, { x: 2 }], predictions: ['yes', 'no'], probabilities: [[0.2, 0.8], [0.9, 0.1]], classes: ['no', 'yes'] }),
  line({ requestId: 'b', modelVersion: 'run-2', role: 'canary', rows: [{ x: 3 }], predictions: ['no'], probabilities: [[0.7, 0.3]], classes: ['no', 'yes'] }),
  JSON.stringify({ type: 'feedback', time: '2026-12-07T10:05:00.000Z', requestId: 'a', labels: ['yes', null] }),
  '',
].join('\n');
const FILE_2 = [
  line({ requestId: 'c', modelVersion: 'run-1', rows: [{ x: 4 }], predictions: ['yes'], probabilities: [[0.4, 0.6]], classes: ['no', 'yes'] }),
  '{"type": "note"}',
  line({ requestId: 'd', modelVersion: 'run-1', rows: [{ x: 5 }], predictions: ['no'] }).slice(0, 60),
].join('\n');
const FILES = [
  { name: 'predictions-20261207T100000000Z-00002.jsonl', text: FILE_2 },
  { name: 'predictions-20261207T100000000Z-00001.jsonl', text: FILE_1 },
];

describe('readPredictionLog', () => {
  it('groups rows by version and role in file order, joins feedback, and skips broken lines with a warning', () => {
    const read = readPredictionLog(FILES, { schemaHash: HASH, columns: ['x', 'y'] });
    expect(read).toEqual({
      schemaHash: HASH,
      batches: [
        {
          version: 'run-1', role: 'main', rows: [{ x: 1 }, { x: 2 }, { x: 4 }], predictions: ['yes', 'no', 'yes'],
          probabilities: [[0.2, 0.8], [0.9, 0.1], [0.4, 0.6]], classes: ['no', 'yes'], labels: ['yes', null, null],
          requestIds: ['a', 'a', 'c'], times: ['2026-12-07T10:00:00.000Z', '2026-12-07T10:00:00.000Z', '2026-12-07T10:00:00.000Z'],
        },
        { version: 'run-2', role: 'canary', rows: [{ x: 3 }], predictions: ['no'], probabilities: [[0.7, 0.3]], classes: ['no', 'yes'], labels: null, requestIds: ['b'], times: ['2026-12-07T10:00:00.000Z'] },
      ],
      warnings: [
        'predictions-20261207T100000000Z-00002.jsonl line 3 is not complete JSON: skipped (the service may have stopped mid-write).',
        'predictions-20261207T100000000Z-00002.jsonl line 2 is not a prediction or feedback record: skipped.',
      ],
    });
  });

  it('warns when feedback has another number of labels than the request had rows', () => {
    const text = [line({ requestId: 'a', modelVersion: 'v', rows: [{ x: 1 }, { x: 2 }], predictions: [1.5, 2] }), JSON.stringify({ type: 'feedback', requestId: 'a', labels: [1] })].join('\n');
    const read = readPredictionLog([{ name: 'p.jsonl', text }]);
    expect(read.batches[0].labels).toEqual([1, null]);
    expect(read.warnings).toEqual(['Feedback for request a has 1 label(s) but the request had 2 row(s): labels were joined by position.']);
  });

  it("refuses a log written for another schema, naming the file, line and version", () => {
    expect(() => readPredictionLog(FILES, { schemaHash: '0000000000000000' })).toThrow("predictions-20261207T100000000Z-00001.jsonl line 1 was written for another input schema (abcdef0123456789, model version run-1) than the version being monitored's (0000000000000000): read one model's logs at a time, or monitor the version that wrote it.");
    const mixed = [{ name: 'a.jsonl', text: FILE_1 }, { name: 'b.jsonl', text: line({ requestId: 'z', modelVersion: 'run-9', schemaHash: '1111111111111111', rows: [], predictions: [] }) }];
    expect(() => readPredictionLog(mixed)).toThrow("b.jsonl line 1 was written for another input schema (1111111111111111, model version run-9) than a.jsonl line 1's (abcdef0123456789)");
    expect(() => readPredictionLog(FILES, { columns: ['y'] })).toThrow('predictions-20261207T100000000Z-00001.jsonl line 1 logs a column "x" that the version being monitored does not read: this log is from another model\'s schema (abcdef0123456789).');
  });
});

describe('computeLogSchemaHash', () => {
  it('hashes the sorted columns with sorted levels (SHA-256 of the canonical JSON, computed here with node:crypto)', () => {
    const canonical = JSON.stringify([['colour', 'categorical', ['blue', 'red']], ['x', 'numeric']]);
    const expected = createHash('sha256').update(canonical).digest('hex').slice(0, 16);
    expect(computeLogSchemaHash({ columns: [{ name: 'x', kind: 'numeric' }, { name: 'colour', kind: 'categorical', levels: ['red', 'blue'] }] })).toBe(expected);
    expect(computeLogSchemaHash({ columns: [{ name: 'colour', kind: 'categorical', levels: ['blue', 'red', 'green'] }, { name: 'x', kind: 'numeric' }] })).not.toBe(expected);
  });
});
