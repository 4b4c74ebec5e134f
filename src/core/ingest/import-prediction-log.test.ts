// A prediction log imported as one table: the logged inputs typed as usual, the reserved columns typed by what they
// hold, feedback joined, a cut-short line warned and skipped, a zip of two files read in name order, the format
// detected from a name or a first line, and a log mixing two input schemas refused.

import { describe, expect, it } from 'vitest';
import { blobOf } from '../../test-support/table-builders';
import { readColumnTexts } from '../table/column-texts';
import type { Table } from '../table/types';
import { DEFAULT_IMPORT_OPTIONS } from '../notebook/types';
import { detectFormat } from './detect-format';
import { importFile } from './import-file';
import { isPredictionLogHead, readLogFiles, zipLogFiles } from './import-prediction-log';

const HASH = '9b1f0c3e5a7d2b64';
const prediction = (record: Record<string, unknown>) => JSON.stringify({ type: 'prediction', time: '2026-12-07T10:15:31.004Z', modelVersion: 'run-1', role: 'main', schemaHash: HASH, ...record });
const feedback = (requestId: string, labels: unknown[]) => JSON.stringify({ type: 'feedback', time: '2026-12-07T11:00:00.000Z', requestId, labels });
const CLASSES = { classes: ['high', 'low'] };
const FILE_1 = [
  prediction({ requestId: 'r1', rows: [{ x: 1.5, colour: 'cyan' }, { x: 2, colour: 'blue' }], predictions: ['high', 'low'], probabilities: [[0.8, 0.2], [0.3, 0.7]], ...CLASSES }),
  prediction({ requestId: 'r2', modelVersion: 'run-2', role: 'canary', rows: [{ x: '3', colour: null }], predictions: ['low'], probabilities: [[0.1, 0.9]], ...CLASSES }),
  '',
].join('\n');
const FILE_2 = [
  feedback('r1', ['high', 'high']),
  prediction({ requestId: 'r3', rows: [{ x: 4, colour: 'cyan' }], predictions: ['high'], probabilities: [[0.6, 0.4]], ...CLASSES }),
  prediction({ requestId: 'r4', rows: [{ x: 5, colour: 'cyan' }], predictions: ['low'] }).slice(0, 70),
].join('\n');

const texts = (table: Table, name: string) => readColumnTexts(table.columns.find((c) => c.name === name)!, table.rowCount);
const importLog = (content: string | Uint8Array, name: string) => importFile(blobOf(content), name, DEFAULT_IMPORT_OPTIONS);

describe('importing a prediction log', () => {
  it('reads a zip of two files in name order: inputs typed, reserved columns, feedback joined, a cut-short line warned', async () => {
    const encode = (text: string) => new TextEncoder().encode(text);
    const zip = zipLogFiles([{ name: 'predictions-20261207T101530123Z-00002.jsonl', bytes: encode(FILE_2) }, { name: 'predictions-20261207T101530123Z-00001.jsonl', bytes: encode(FILE_1) }]);
    const result = await importLog(zip, 'log.zip');
    const { table } = result;
    expect([result.format, table.rowCount, table.columns.map((c) => `${c.name}:${c.kind}`)]).toEqual(['prediction-log', 4, [
      'x:numeric', 'colour:categorical', '__model_version:categorical', '__role:categorical', '__request_id:text', '__time:datetime',
      '__prediction:categorical', '__label:categorical', '__probability_high:numeric', '__probability_low:numeric', '__schema_hash:categorical',
    ]]);
    // Batches in order of first appearance (run-1 main, then run-2 canary), rows concatenated in file order.
    expect(['x', 'colour', '__model_version', '__role', '__request_id', '__prediction', '__label', '__probability_low', '__schema_hash'].map((name) => texts(table, name))).toEqual([
      ['1.5', '2', '4', '3'], ['cyan', 'blue', 'cyan', null], ['run-1', 'run-1', 'run-1', 'run-2'], ['main', 'main', 'main', 'canary'],
      ['r1', 'r1', 'r3', 'r2'], ['high', 'low', 'high', 'low'], ['high', 'high', null, null], ['0.2', '0.7', '0.4', '0.9'], [HASH, HASH, HASH, HASH],
    ]);
    expect(texts(table, '__time')[0]).toBe('2026-12-07T10:15:31.004Z');
    expect(result.warnings).toEqual([{ code: 'prediction-log', message: 'predictions-20261207T101530123Z-00002.jsonl line 3 is not complete JSON: skipped (the service may have stopped mid-write).' }]);
    expect(result.inference.find((i) => i.name === '__role')).toEqual({
      name: '__role', originalName: '__role', kind: 'categorical', detail: 'prediction log', evidence: 'Reserved column of the prediction log: the role it answered in (main, canary or shadow).',
      missing: 0, distinct: 2, examples: ['main', 'canary'],
    });
  });

  it('reads one .jsonl file of a regression: predictions and labels as numbers, a label that is not one warned', async () => {
    const text = [
      prediction({ requestId: 'a', rows: [{ x: 1 }, { x: 2 }], predictions: [10.5, 12] }),
      feedback('a', [11, 'eleven']),
    ].join('\n');
    const result = await importLog(text, 'predictions-x.jsonl');
    expect([texts(result.table, '__prediction'), texts(result.table, '__label'), result.table.columns.find((c) => c.name === '__label')?.kind]).toEqual([['10.5', '12'], ['11', null], 'numeric']);
    expect(result.warnings.map((w) => w.message)).toEqual(['1 feedback label is not a number while the model predicts numbers, e.g. "eleven": it was read as missing.']);
  });

  it('refuses a zip of the log that would unpack past its caps or outside its folder, before inflating it', () => {
    const many = zipLogFiles(Array.from({ length: 10_001 }, (_, i) => ({ name: `predictions-${String(i).padStart(5, '0')}.jsonl`, bytes: new Uint8Array(0) })));
    expect(() => readLogFiles(many, 'log.zip')).toThrow(/prediction log zip was refused: it holds more than 10,000 entries/);
    const escaping = zipLogFiles([{ name: '../predictions-1.jsonl', bytes: new Uint8Array(1) }]);
    expect(() => readLogFiles(escaping, 'log.zip')).toThrow(/prediction log zip was refused: its entry/);
  });

  it('is recognised by its extension, by its first record under another name, and as a zip of .jsonl files', () => {
    const head = new TextEncoder().encode(`${prediction({ requestId: 'a', rows: [], predictions: [] })}\n`);
    expect([
      detectFormat('auto', 'log.jsonl', new Uint8Array([0x7b])),
      detectFormat('auto', 'served.txt', head),
      detectFormat('auto', 'logs.bin', zipLogFiles([{ name: 'a.jsonl', bytes: head }])),
      detectFormat('auto', 'book.csv', zipLogFiles([{ name: '[Content_Types].xml', bytes: head }])),
      detectFormat('auto', 'records.json', new TextEncoder().encode('[{"type":"prediction"}]')),
      isPredictionLogHead(new TextEncoder().encode('\uFEFF {"type": "feedback", "requestId": "a"}')),
    ]).toEqual(['prediction-log', 'prediction-log', 'prediction-log', 'csv', 'json', true]);
  });

  it('refuses a log mixing two input schemas, a zip without .jsonl files, a reserved name among the inputs and a log without prediction rows', async () => {
    const other = prediction({ requestId: 'z', modelVersion: 'run-9', schemaHash: '0000000000000000', rows: [{ y: 1 }], predictions: [1] });
    await expect(importLog(`${FILE_1}${other}\n`, 'mixed.jsonl')).rejects.toThrow(`mixed.jsonl line 3 was written for another input schema (0000000000000000, model version run-9) than mixed.jsonl line 1's (${HASH}): read one model's logs at a time, or monitor the version that wrote it.`);
    const notes = zipLogFiles([{ name: 'notes.txt', bytes: new TextEncoder().encode('hello') }]);
    await expect(importLog(notes, 'notes.zip')).rejects.toThrow('"notes.zip" is a zip without a .jsonl file. ML Studio reads a zip only as a prediction log');
    await expect(importLog(`${prediction({ requestId: 'a', rows: [{ __role: 1 }], predictions: [1] })}\n`, 'clash.jsonl')).rejects.toThrow('"clash.jsonl" logs an input column named "__role", a name the studio keeps for the log\'s own columns');
    await expect(importLog(`${feedback('a', [1])}\n{"type":"prediction"\n`, 'feedback.jsonl')).rejects.toThrow('"feedback.jsonl" holds no logged prediction row. feedback.jsonl line 2 is not complete JSON: skipped (the service may have stopped mid-write). A prediction log is what serve.mjs --log-predictions writes');
  });
});
