// `node bench/lib/summary.mjs` (also run by bench/run.mjs after its suites): rewrites the summary table in
// bench/README.md, between `<!-- summary:start -->` and `<!-- summary:end -->`, from the newest result of every
// suite in bench/results/: one row per ratio a suite reports (its `ratios` export, else the stored list), a row
// "not measured" for each of issue 18's targets whose suite has no result, and the machine and load per suite.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readLatestEntries, RESULTS_DIR } from './results.mjs';
import { SUITES } from './suites.mjs';

export const README_PATH = resolve(import.meta.dirname, '../README.md');
const START = '<!-- summary:start -->';
const END = '<!-- summary:end -->';

/** Issue 18's targets (`issues show 18`, "The suite"), by the suite that measures each (null: no suite yet). */
export const ISSUE_TARGETS = [
  { suite: 'import', what: 'CSV import MB/s vs plain papaparse; vs DuckDB-WASM read_csv', target: '≥ 1.5 papaparse, ≥ 1 DuckDB' },
  { suite: 'profile', what: 'profile of 1M × 20 time vs the import of the same data', target: '≤ 0.8' },
  { suite: 'trees', what: 'gradient boosting 200k × 20 vs sklearn HistGB (all cores) and XGBoost hist', target: '≤ 1 both, accuracy ±0.005' },
  { suite: 'trees', what: 'random forest 100 trees vs sklearn RandomForest n_jobs=1 and -1', target: '≤ 1 at matching parallelism' },
  { suite: 'neural', what: 'neural network 10→64→64→2 vs sklearn MLPClassifier', target: '≤ 1' },
  { suite: 'knn', what: 'kNN predict vs sklearn KNeighbors (tree index)', target: '≤ 2' },
  { suite: 'export', what: 'batch scoring rows/s vs ONNX Runtime (Node and Web)', target: '≥ 1' },
  { suite: 'startup', what: 'app cold start: gzipped JavaScript before first paint', target: '≤ 150 KB' },
  { suite: 'training', what: 'responsiveness: main-thread tasks over 50 ms (import, profile, Try all, tune, scoring)', target: '0 over 50 ms' },
  { suite: 'profile', what: 'memory: peak memory of the 1M-row import and profile; bytes per cell stored (import suite)', target: 'stated, ≤ 1.2× the typed arrays' },
  { suite: 'large', what: 'larger than memory: a 3 GB CSV imported streamed, peak memory', target: 'stated' },
  { suite: 'gpu', what: 'neural network on a real GPU (WebGPU / WebGL) and the backend the probe picks: needs a lent GPU machine (none was lent to this task)', target: 'measured where a GPU is lent' },
];

const cell = (text) => String(text ?? '—').replaceAll('|', '\\|').replaceAll('\n', ' ');
const formatRatio = (ratio) => (ratio === null || ratio === undefined ? '—' : ratio.toFixed(2));
const formatMet = (met) => (met === true ? 'yes' : met === false ? '**no**' : '—');

/** "2 × AMD EPYC, 24 GiB, Node v20.20.2, Chromium 156.0" */
export function formatMachine(machine) {
  if (!machine) return '—';
  const parts = [`${machine.cpus} × ${machine.cpuModel ?? 'CPU'}`, `${machine.memoryGiB} GiB`, `Node ${machine.node}`];
  if (machine.chromium) parts.push(`Chromium ${machine.chromium}`);
  return parts.join(', ');
}

const formatLoad = (load) => (Array.isArray(load) ? load[0].toFixed(1) : '?');

/**
 * The summary's Markdown from suite → newest entry and suite → ratio rows (suites with an entry but no rows get
 * one "no ratios" row; issue targets whose suite has no entry get "not measured").
 */
export function formatSummary(entries, ratiosBySuite) {
  const rows = [];
  const order = [...new Set([...ISSUE_TARGETS.map((t) => t.suite).filter(Boolean), ...Object.keys(entries)])];
  for (const suite of order) {
    if (!entries[suite]) {
      for (const t of ISSUE_TARGETS.filter((x) => x.suite === suite)) rows.push([suite, t.what, 'not measured', '—', '—', t.target, '—']);
      continue;
    }
    const ratios = ratiosBySuite[suite] ?? [];
    if (ratios.length === 0) rows.push([suite, `measured; no ratios reported (see the ${suite} section)`, '—', '—', '—', '—', '—']);
    for (const r of ratios) rows.push([suite, r.what, r.ours, r.reference, formatRatio(r.ratio), r.target, formatMet(r.met)]);
  }
  for (const t of ISSUE_TARGETS.filter((x) => x.suite === null)) rows.push(['—', t.what, 'not measured (no suite)', '—', '—', t.target, '—']);
  const table = ['| suite | what | ours | reference | ratio | target | met |', '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)];
  const machines = ['| suite | ran (UTC) | load before → after (1 min) | machine | file |', '| --- | --- | --- | --- | --- |',
    ...order.filter((suite) => entries[suite]).map((suite) => {
      const e = entries[suite];
      return `| ${cell(suite)} | ${cell(e.ranAt?.slice(0, 16).replace('T', ' '))} | ${formatLoad(e.loadBefore)} → ${formatLoad(e.loadAfter)} | ${cell(formatMachine(e.machine))} | ${cell(e.file)} |`;
    })];
  return [...table, '', ...machines].join('\n');
}

/** `readme` with the text between the summary markers replaced by `summary`. */
export function replaceSummary(readme, summary) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start === -1 || end < start) throw new Error(`bench/README.md has no "${START}" … "${END}" pair; add both markers (in that order) where the summary table belongs.`);
  return `${readme.slice(0, start + START.length)}\n${summary}\n${readme.slice(end)}`;
}

/** Each suite's rows: its module's `ratios(result)` when it exports one (so newer code re-reads old results), else the stored list. */
async function collectRatios(entries) {
  const bySuite = {};
  for (const [suite, entry] of Object.entries(entries)) {
    let ratios = entry.ratios ?? [];
    try {
      const module = SUITES[suite] ? await SUITES[suite]() : null;
      if (typeof module?.ratios === 'function') ratios = module.ratios(entry.result);
    } catch (error) {
      console.warn(`summary: ${suite}'s ratios(result) failed (${error.message}); using the stored rows.`);
    }
    bySuite[suite] = ratios;
  }
  return bySuite;
}

/** Reads the newest results and rewrites the README's summary; returns the Markdown written. */
export async function updateSummary({ resultsDir = RESULTS_DIR, readmePath = README_PATH } = {}) {
  const entries = readLatestEntries(resultsDir);
  const summary = formatSummary(entries, await collectRatios(entries));
  writeFileSync(readmePath, replaceSummary(readFileSync(readmePath, 'utf8'), summary));
  return summary;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(await updateSummary());
}
