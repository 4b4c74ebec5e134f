// Builds the bench pages with Vite, serves them with vite preview on a free port, and launches headless Chromium
// (same binary choice and flags as playwright.config.ts). One site, server and browser per `npm run bench`.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';

const CONFIG_FILE = resolve(import.meta.dirname, '../vite.config.ts');

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic', '--enable-unsafe-webgpu',
  '--js-flags=--expose-gc']; // lets the page collect garbage between reps

/** The Chromium binary: $CHROMIUM_PATH, /usr/bin/chromium, else Playwright's own (undefined). */
export function findChromium() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

/** Headless Chromium with the bench's binary and flags (for suites that drive the app without the bench site). */
export function launchBenchBrowser() {
  return chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
}

/** Builds bench/out/site, serves it on a free port and opens a browser; call close() when done. */
export async function openBenchSite() {
  await build({ configFile: CONFIG_FILE, logLevel: 'warn' });
  const server = await preview({ configFile: CONFIG_FILE, preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
  const address = server.httpServer.address();
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const browser = await launchBenchBrowser();
  return {
    baseUrl,
    browser,
    browserVersion: browser.version(),
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
