import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { importFile } from './import-file';
import { createCsvParser } from '../csv/parse-csv';
import { DEFAULT_IMPORT_OPTIONS } from '../notebook/types';
it('bench', async () => {
  const bytes = readFileSync('/tmp/bench20.csv');
  const text = new TextDecoder().decode(bytes);
  const blob = new Blob([bytes]);
  const t = (label: string, f: () => unknown) => async () => { const a = performance.now(); await f(); const ms = performance.now() - a; console.log(label, ms.toFixed(0), 'ms', (bytes.length / 1e6 / (ms / 1000)).toFixed(1), 'MB/s'); return ms; };
  for (let k = 0; k < 3; k++) {
    await t('papaparse string', () => Papa.parse(text))();
    await t('our parser only', () => { const p = createCsvParser(','); p.feed(text); return p.finish(); })();
    await t('importFile blob', async () => { const r = await importFile(blob, 'b.csv', DEFAULT_IMPORT_OPTIONS); if (k === 2) console.log(r.inference.map((i) => `${i.name}:${i.kind}/${i.detail}`).join(' '), r.durationMs.toFixed(0)); })();
  }
}, 120000);
