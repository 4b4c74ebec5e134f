// Makes sure a Chromium for Playwright exists before the e2e run: $CHROMIUM_PATH, /usr/bin/chromium or
// Playwright's own build; otherwise tries `npx playwright install chromium`, then (as root) apt's chromium.
// Exits 1 with what to install when none of that works.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** Returns a description of the browser found, or null. */
async function findBrowser() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return `CHROMIUM_PATH=${fromEnv}`;
    console.warn(`ensure-browser: CHROMIUM_PATH=${fromEnv} does not exist; looking elsewhere`);
  }
  if (existsSync(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
  const bundled = await findPlaywrightChromium();
  return bundled ? `Playwright's chromium at ${bundled}` : null;
}

async function findPlaywrightChromium() {
  try {
    const { chromium } = await import('playwright-core');
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function run(command, args) {
  console.log(`ensure-browser: ${command} ${args.join(' ')}`);
  return spawnSync(command, args, { stdio: 'inherit' }).status === 0;
}

function hasApt() {
  return spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
}

async function main() {
  const found = await findBrowser();
  if (found) {
    console.log(`ensure-browser: using ${found}`);
    return;
  }
  if (run('npx', ['playwright', 'install', 'chromium']) && (await findPlaywrightChromium())) {
    console.log('ensure-browser: installed Playwright chromium');
    return;
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (hasApt() && isRoot && run('sh', ['-c', 'apt-get update && apt-get install -y chromium'])
    && existsSync(SYSTEM_CHROMIUM)) {
    console.log(`ensure-browser: installed ${SYSTEM_CHROMIUM} with apt`);
    return;
  }
  console.error('ensure-browser: no Chromium found for the e2e tests. Install one of:\n' +
    '  - Debian/Ubuntu: sudo apt-get install -y chromium   (provides /usr/bin/chromium)\n' +
    '  - Playwright\'s build: npx playwright install chromium\n' +
    '  - or point CHROMIUM_PATH at an existing Chromium/Chrome binary.');
  process.exit(1);
}

await main();
