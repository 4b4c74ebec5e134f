// `npm run bench [-- suite...]`: runs the named benchmark suites (all when none is named) in one headless
// Chromium (opened only when a chosen suite uses it), prints each suite's table and writes every number to
// bench/out/results.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { resolve } from 'node:path';
import { openBenchSite } from './lib/site.mjs';

/**
 * Suite name → loader of a module exporting `run(site) → results` and `describe(results) → text`, and
 * `usesSite = false` when it runs in Node alone (then `site` is null).
 */
const SUITES = {
  import: () => import('./import/suite.mjs'),
  profile: () => import('./profile/suite.mjs'),
  neural: () => import('./neural/suite.mjs'),
  training: () => import('./training/suite.mjs'),
  knn: () => import('./knn/suite.mjs'),
  reopen: () => import('./reopen/suite.mjs'),
  export: () => import('./export/suite.mjs'),
  tune: () => import('./tune/suite.mjs'),
  automl: () => import('./automl/suite.mjs'),
  serve: () => import('./serve-load.mjs'),
  startup: () => import('./startup.mjs'),
};

const OUT_FILE = resolve(import.meta.dirname, 'out/results.json');

async function main(names) {
  const unknown = names.filter((name) => !(name in SUITES));
  if (unknown.length > 0) {
    console.error(`Unknown bench suite(s): ${unknown.join(', ')}. Known: ${Object.keys(SUITES).join(', ')}.`);
    return 2;
  }
  const chosen = names.length > 0 ? names : Object.keys(SUITES);
  const suites = await Promise.all(chosen.map((name) => SUITES[name]()));
  const site = suites.some((suite) => suite.usesSite !== false) ? await openBenchSite() : null;
  const results = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version, chromium: site?.browserVersion ?? null },
    suites: {},
  };
  try {
    for (const [i, name] of chosen.entries()) {
      console.log(`\n== bench: ${name} ==`);
      results.suites[name] = await suites[i].run(site);
      console.log(suites[i].describe(results.suites[name]));
    }
  } finally {
    await site?.close();
  }
  mkdirSync(resolve(OUT_FILE, '..'), { recursive: true });
  writeFileSync(OUT_FILE, JSON.stringify(results, null, 2) + '\n');
  console.log(`\nresults: ${OUT_FILE}`);
  return 0;
}

process.exit(await main(process.argv.slice(2)));
