// `npm run bench [-- suite...]`: runs the named benchmark suites (all when none is named) in one headless
// Chromium (opened only when a chosen suite uses it), prints each suite's table, writes every number to
// bench/out/results.json, merges each suite's result (with its ratios, load and machine) into
// bench/results/<YYYY-MM-DD>.json and rewrites the summary table in bench/README.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { recordSuiteEntry, describeMachine, readLoad } from './lib/results.mjs';
import { openBenchSite } from './lib/site.mjs';
import { SUITES } from './lib/suites.mjs';
import { updateSummary } from './lib/summary.mjs';

const OUT_FILE = resolve(import.meta.dirname, 'out/results.json');

/** The suite's `ratios(result)`, or [] (with a warning) when it has none or it throws. */
function readRatios(name, suite, result) {
  if (typeof suite.ratios !== 'function') return [];
  try {
    return suite.ratios(result);
  } catch (error) {
    console.warn(`${name}: ratios(result) failed (${error.message}); recorded without ratios.`);
    return [];
  }
}

async function main(names) {
  const unknown = names.filter((name) => !(name in SUITES));
  if (unknown.length > 0) {
    console.error(`Unknown bench suite(s): ${unknown.join(', ')}. Known: ${Object.keys(SUITES).join(', ')}.`);
    return 2;
  }
  const chosen = names.length > 0 ? names : Object.keys(SUITES);
  const suites = await Promise.all(chosen.map((name) => SUITES[name]()));
  const site = suites.some((suite) => suite.usesSite !== false) ? await openBenchSite() : null;
  const machine = describeMachine(site?.browserVersion ?? null);
  const results = { date: new Date().toISOString(), machine, suites: {} };
  try {
    for (const [i, name] of chosen.entries()) {
      console.log(`\n== bench: ${name} ==`);
      const ranAt = new Date().toISOString();
      const loadBefore = readLoad();
      const result = await suites[i].run(site);
      const entry = { ranAt, finishedAt: new Date().toISOString(), loadBefore, loadAfter: readLoad(), machine, result, ratios: readRatios(name, suites[i], result) };
      results.suites[name] = result;
      console.log(suites[i].describe(result));
      console.log(`recorded: ${recordSuiteEntry(name, entry)} (load ${loadBefore[0]} → ${entry.loadAfter[0]})`);
    }
  } finally {
    await site?.close();
  }
  mkdirSync(resolve(OUT_FILE, '..'), { recursive: true });
  writeFileSync(OUT_FILE, JSON.stringify(results, null, 2) + '\n');
  console.log(`\nresults: ${OUT_FILE}`);
  await updateSummary();
  console.log('summary: bench/README.md (## Summary)');
  return 0;
}

process.exit(await main(process.argv.slice(2)));
