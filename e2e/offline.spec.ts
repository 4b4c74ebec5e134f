// Journey: ML Studio as an installed, offline app. After one visit the service worker has precached the whole build
// (every file the build wrote but source maps); with the network off the page reloads, opens a bundled sample and
// trains a model, and nothing reaches the network. A new build on the server brings the update prompt, whose Reload
// switches to it.
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, relative, resolve } from 'node:path';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { trainPenguinsSpecies } from './support/studio';

const DIST = process.env.E2E_DIST ?? 'dist';
const OFFLINE_READY = 'Ready to work offline';

/** Every file of the build the service worker should precache: all but source maps and its own two scripts. */
function listBuiltFiles(): string[] {
  return readdirSync(DIST, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(DIST, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .filter((path) => !path.endsWith('.map') && path !== 'sw.js' && !/^workbox-[\w-]+\.js$/.test(path))
    .sort();
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json',
  '.webmanifest': 'application/manifest+json', '.csv': 'text/csv', '.svg': 'image/svg+xml', '.png': 'image/png',
};

/**
 * Serves the build as a static host would, except that `sw.js` can be swapped for "the next deployment" — the
 * browser fetches a service worker's script itself, past Playwright's routing, so the bytes must change on the server.
 */
async function serveBuild(): Promise<{ origin: string; deployNextBuild: () => void; server: Server }> {
  let swSuffix = '';
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname.replace(/^\/$/, '/index.html');
    const file = resolve(DIST, `.${decodeURIComponent(path)}`);
    try {
      const body = path === '/sw.js' ? `${readFileSync(file, 'utf8')}${swSuffix}` : readFileSync(file);
      response.writeHead(200, { 'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://localhost:${port}`, deployNextBuild: () => (swSuffix = '\n// the next build\n'), server };
}

/** First visit: waits until the service worker is active (precache done) and has said so. */
async function visitUntilOfflineReady(page: Page, origin = ''): Promise<void> {
  await page.goto(`${origin}/#/`);
  await expect(page.getByRole('heading', { name: 'Notebooks' })).toBeVisible();
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect(page.getByTestId('toasts')).toContainText(OFFLINE_READY);
}

/** The paths (no origin, no Workbox revision) the precache holds. */
async function listPrecachedPaths(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const name = (await caches.keys()).find((key) => key.startsWith('workbox-precache'));
    const cache = await caches.open(name ?? 'none');
    return (await cache.keys()).map((request) => new URL(request.url).pathname.slice(1)).sort();
  });
}

/** Records, from now on, every http request that got its answer from the network instead of the service worker. */
function recordNetworkAnswers(context: BrowserContext): string[] {
  const fromNetwork: string[] = [];
  context.on('requestfinished', async (request) => {
    const response = await request.response();
    if (request.url().startsWith('http') && response && !response.fromServiceWorker()) fromNetwork.push(request.url());
  });
  return fromNetwork;
}

test('after a first visit the app reloads, opens a sample and trains with the network off', async ({ page, context }) => {
  test.setTimeout(180_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await visitUntilOfflineReady(page);
  expect(await listPrecachedPaths(page)).toEqual(listBuiltFiles());
  // Chromium's own check behind its Install button (manifest, its fields and icons); a test context is always
  // incognito, the one error left out. A build without a manifest reports "no-manifest" here.
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  expect(installabilityErrors.map((error) => error.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);
  expect((await cdp.send('Page.getAppManifest')).errors).toEqual([]);

  await context.setOffline(true);
  const fromNetwork = recordNetworkAnswers(context);
  await page.reload();
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  const train = await trainPenguinsSpecies(page);
  await expect(train.locator('[data-testid="leaderboard-row"][data-family="gradient_boosting"]')).toBeVisible();
  await expect(train.getByTestId('cell-error')).toHaveCount(0);
  expect(fromNetwork).toEqual([]);
  expect(pageErrors).toEqual([]);
});

test('a new build on the server brings the update prompt; Reload switches to it', async ({ page }) => {
  const host = await serveBuild();
  try {
    await visitUntilOfflineReady(page, host.origin);
    const prompt = page.getByTestId('update-prompt');
    await expect(prompt).toHaveCount(0); // the first install is no update
    await page.reload(); // controlled from here on, as on any later visit
    host.deployNextBuild();
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((registration) => registration?.update()));

    await expect(prompt).toContainText('A new version of ML Studio is ready.');
    await prompt.getByRole('button', { name: 'Later' }).click();
    await expect(prompt).toHaveCount(0);
    // The new version still waits: reloading this tab alone does not start it, and the prompt comes back.
    await page.reload();
    await expect(prompt).toBeVisible();

    const reloaded = page.waitForEvent('load');
    await prompt.getByRole('button', { name: 'Reload' }).click();
    await reloaded;
    await expect(page.getByRole('heading', { name: 'Notebooks' })).toBeVisible();
    await expect(prompt).toHaveCount(0);
    const state = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return { controlled: navigator.serviceWorker.controller !== null, waiting: registration?.waiting !== null };
    });
    expect(state).toEqual({ controlled: true, waiting: false });
  } finally {
    host.server.closeAllConnections();
    host.server.close();
  }
});
