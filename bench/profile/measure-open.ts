// CPU of what the compute worker's openDataset does besides reading IndexedDB, on the bench's 1M × 20 table (Node):
// describeColumns (missing/distinct counts, examples) and copyTable. Bundle and run:
// `npx rolldown bench/profile/measure-open.ts -o /tmp/mo.mjs -p node && node /tmp/mo.mjs`.
import { openAsBlob } from 'node:fs';
import { importFile } from '../../src/core/ingest/import-file';
import { DEFAULT_IMPORT_OPTIONS } from '../../src/core/notebook/types';
import { describeColumns } from '../../src/core/table/describe-columns';
import { copyTable } from '../../src/core/table/copy-table';

const path = process.argv[2] ?? 'bench/data/profile-mixed-1000000x20-seed7.csv';
const { table } = await importFile(await openAsBlob(path), 'x.csv', DEFAULT_IMPORT_OPTIONS);
for (const [name, run] of [['describeColumns', () => describeColumns(table)], ['copyTable', () => copyTable(table)]] as const) {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  run();
  const used = process.cpuUsage(cpu);
  console.log(`${name}: ${(performance.now() - wall).toFixed(0)} ms wall, ${((used.user + used.system) / 1000).toFixed(0)} ms CPU`);
}
