// Builds the app into bench/out/app and serves it on a free port (the suites that drive it in Chromium).
import { resolve } from 'node:path';
import { build, preview } from 'vite';

const ROOT = resolve(import.meta.dirname, '../..');
const APP_DIR = resolve(import.meta.dirname, '../out/app');

/** The built app's base URL; call close() when done. */
export async function serveApp() {
  await build({ root: ROOT, configFile: resolve(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir: APP_DIR, emptyOutDir: true } });
  const server = await preview({ root: ROOT, configFile: resolve(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir: APP_DIR }, preview: { port: 0, host: '127.0.0.1' } });
  return { baseUrl: `http://127.0.0.1:${server.httpServer.address().port}`, close: () => server.close() };
}
