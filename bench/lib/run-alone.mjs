// Runs one browser suite against its own build folder (bench/out/site-<suite>) and a free port, so it can run while
// someone else's `npm run bench` rebuilds bench/out/site; prints its table and its ratios. Same pages and flags.
// Usage: node bench/lib/run-alone.mjs <import|profile|neural>
import { resolve } from 'node:path';
import { build, preview } from 'vite';
import { launchBenchBrowser } from './site.mjs';

const CONFIG_FILE = resolve(import.meta.dirname, '../vite.config.ts');
const name = process.argv[2];
if (!['import', 'profile', 'neural'].includes(name)) {
  console.error(`Unknown browser suite "${name}": name one of import, profile, neural.`);
  process.exit(2);
}
const suite = await import(`../${name}/suite.mjs`);
const inline = { configFile: CONFIG_FILE, logLevel: 'warn', build: { outDir: resolve(import.meta.dirname, `../out/site-${name}`), emptyOutDir: true } };
await build(inline);
const server = await preview({ ...inline, preview: { port: 0, host: '127.0.0.1' } });
const browser = await launchBenchBrowser();
try {
  const result = await suite.run({ baseUrl: `http://127.0.0.1:${server.httpServer.address().port}`, browser });
  console.log(suite.describe(result));
  for (const row of suite.ratios?.(result) ?? []) {
    console.log(`ratio: ${row.what}: ${row.ours} vs ${row.reference} → ${row.ratio?.toFixed?.(2) ?? 'n/a'} (${row.target}) ${row.met === null ? '' : row.met ? 'met' : 'MISSED'}`);
  }
} finally {
  await browser.close();
  await server.close();
}
