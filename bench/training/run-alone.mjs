// Runs only the training suite (it builds and serves the app itself) in its own headless Chromium, without the
// bench site; prints its table and its ratios. Usage: node bench/training/run-alone.mjs (same env as the suite).
import { launchBenchBrowser } from '../lib/site.mjs';
import { describe, ratios, run } from './suite.mjs';

const browser = await launchBenchBrowser();
try {
  const result = await run({ browser });
  console.log(describe(result));
  for (const row of ratios(result)) console.log(`ratio: ${row.what}: ${row.ours} (${row.target}) ${row.met ? 'met' : 'MISSED'}`);
} finally {
  await browser.close();
}
