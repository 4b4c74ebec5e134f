// ONNX Runtime's side of the export bench: reads the CSV (a plain split: the seeded file has no quotes), builds one
// tensor per input column, and scores it in batches through model.onnx. Prints { rows, parseMs, runMs } as JSON.
// `node ort-side.mjs <bundle dir> <csv> <batch rows>`
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';

const [dir, csv, batchText] = process.argv.slice(2);
const batch = Number(batchText);
const session = await ort.InferenceSession.create(join(dir, 'model.onnx'), { intraOpNumThreads: 1, interOpNumThreads: 1 });
const schema = JSON.parse(readFileSync(join(dir, 'schema.json'), 'utf8'));
const started = performance.now();
const [header, ...lines] = readFileSync(csv, 'utf8').trimEnd().split('\n');
const names = header.split(',');
const cells = lines.map((line) => line.split(','));
const columns = schema.columns.map((column) => {
  const at = names.indexOf(column.name);
  const text = column.kind === 'categorical' || column.kind === 'text';
  return { name: column.name, text, values: text ? cells.map((row) => row[at]) : Float64Array.from(cells, (row) => (row[at] === '' ? NaN : Number(row[at]))) };
});
const parseMs = performance.now() - started;
const runStarted = performance.now();
let checksum = 0;
for (let from = 0; from < cells.length; from += batch) {
  const n = Math.min(batch, cells.length - from);
  const feeds = Object.fromEntries(columns.map((c) => [c.name, new ort.Tensor(c.text ? 'string' : 'float64', c.values.slice(from, from + n), [n, 1])]));
  const out = await session.run(feeds);
  checksum += out.probabilities.data[1];
}
console.log(JSON.stringify({ rows: cells.length, parseMs, runMs: performance.now() - runStarted, checksum }));
