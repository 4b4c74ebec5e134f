// `node bench/trees/run.mjs [--rows N] [--only gbdt|forest] [--repeats R] [--forest-repeats R]`: the trees suite
// alone (the same as `npm run bench -- trees`, whose environment variables it also reads), printing its table and
// writing the raw result to bench/out/trees-results.json; bench/results/ is written only by `npm run bench`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, readTreesOptions, run } from './suite.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const defaults = readTreesOptions();
const options = {
  ...defaults,
  rows: Number(option('--rows', defaults.rows)),
  only: option('--only', defaults.only),
  repeats: Number(option('--repeats', defaults.repeats)),
  forestRepeats: Number(option('--forest-repeats', defaults.forestRepeats)),
};
const result = await run(null, options);
console.log(describe(result));
const out = resolve(import.meta.dirname, '../out/trees-results.json');
mkdirSync(resolve(out, '..'), { recursive: true });
writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), ...result }, null, 2) + '\n');
console.log(`results: ${out}`);
