// Per-job CPU times (process.cpuUsage, so other load moves them less than wall time) of the profile on the bench's 1M × 20 mixed table, one thread (Node):
// bundle with rolldown and run, e.g. `npx rolldown bench/profile/measure-phases.ts -o /tmp/mp.mjs -p node && node /tmp/mp.mjs`.
import { openAsBlob } from 'node:fs';
import { importFile } from '../../src/core/ingest/import-file';
import { DEFAULT_IMPORT_OPTIONS } from '../../src/core/notebook/types';
import { profileTableInParts } from '../../src/core/profile/profile-in-parts';
import { runProfileJob } from '../../src/core/profile/profile-job';

const path = process.argv[2] ?? 'bench/data/profile-mixed-1000000x20-seed7.csv';
const blob = await openAsBlob(path);
let t = performance.now();
const { table } = await importFile(blob, 'x.csv', DEFAULT_IMPORT_OPTIONS);
console.log(`import ${(performance.now() - t).toFixed(0)} ms`);
const times: string[] = [];
t = performance.now();
const cpu = process.cpuUsage();
await profileTableInParts(table, { target: 'label' }, 2, async (lane, job) => {
  const s = process.cpuUsage();
  const result = runProfileJob(table, job);
  const used = process.cpuUsage(s);
  const label = job.kind === 'columns' ? job.names.join(',') : job.kind;
  times.push(`lane ${lane} ${label.padEnd(14)} ${((used.user + used.system) / 1000).toFixed(0)} ms`);
  return result;
});
console.log(times.join('\n'));
const total = process.cpuUsage(cpu);
console.log(`profile total (serial) ${(performance.now() - t).toFixed(0)} ms wall, ${((total.user + total.system) / 1000).toFixed(0)} ms CPU`);
