// Runs only the import suite against its own build folder (bench/out/site-import) and a free port, so it can run
// while another engineer's `npm run bench` rebuilds bench/out/site. Same page, workers, flags and summary.
// --verify then compares the range import (workers) with a one-pass core importFile of the same file, value by value.
// Usage: node bench/import/run-alone.mjs [--verify]
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { findChromium } from '../lib/site.mjs';
import { describe, run } from './suite.mjs';

const CONFIG_FILE = resolve(import.meta.dirname, '../vite.config.ts');
const OUT_DIR = resolve(import.meta.dirname, '../out/site-import');
const ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--disable-quic', '--js-flags=--expose-gc'];

const inline = { configFile: CONFIG_FILE, logLevel: 'warn', build: { outDir: OUT_DIR, emptyOutDir: true } };
await build(inline);
const server = await preview({ ...inline, preview: { port: 0, host: '127.0.0.1' } });
const browser = await chromium.launch({ executablePath: findChromium(), args: ARGS });
try {
  const result = await run({ baseUrl: `http://127.0.0.1:${server.httpServer.address().port}`, browser });
  console.log(describe(result));
  console.log(`importer ms: ${result.reps.filter((r) => r.method === 'importer').map((r) => r.durationMs.toFixed(0)).join(' ')}; ` +
    `papaparse ms: ${result.reps.filter((r) => r.method === 'papaparse').map((r) => r.durationMs.toFixed(0)).join(' ')}`);
  if (process.argv.includes('--verify')) {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${server.httpServer.address().port}/import/`);
    await page.setInputFiles('#file', result.file.path);
    const differences = await page.evaluate(() => window.verifyImport());
    console.log(differences.length === 0 ? 'range import = one-pass import: every value equal' : `range import differs: ${differences.join('; ')}`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
