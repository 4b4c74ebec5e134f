// Playwright journeys against the BUILT app (`vite build` runs first, in the npm script), served by vite preview.
// Browser: $CHROMIUM_PATH, else Debian's /usr/bin/chromium, else Playwright's own download.
import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

// E2E_PORT / E2E_DIST / E2E_RESULTS let several checkouts-in-progress run journeys side by side
// (`vite build --outDir $E2E_DIST` first); CI uses the defaults.
const PORT = Number(process.env.E2E_PORT ?? 4180);
const DIST = process.env.E2E_DIST ?? 'dist';
const RESULTS = process.env.E2E_RESULTS ?? 'test-results';

/** The Chromium binary to drive; undefined lets Playwright use its own browser. */
function findChromium(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  workers: 1, // 2 cores: one browser at a time
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: `${RESULTS}/e2e.json` }]],
  outputDir: `${RESULTS}/e2e-artifacts`,
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: findChromium(),
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync',
        '--no-first-run', '--disable-quic', '--enable-unsafe-webgpu'],
    },
  },
  webServer: {
    command: `npx vite preview --port ${PORT} --strictPort --outDir ${DIST}`,
    url: `http://localhost:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
