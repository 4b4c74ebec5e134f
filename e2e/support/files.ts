// Files the journeys make or receive: a download's path, a bundle unzipped to a folder, a drifted penguins batch.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Locator } from '@playwright/test';
import { unzipSync } from 'fflate';

/** Clicks the cell's download button `testid` and returns where Playwright saved the file. */
export async function download(cell: Locator, testid: string): Promise<string> {
  const [file] = await Promise.all([cell.page().waitForEvent('download'), cell.getByTestId(testid).click()]);
  return (await file.path())!;
}

/** The bundle's files written to a fresh folder. */
export function unzipTo(zipPath: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'bundle-'));
  for (const [path, bytes] of Object.entries(unzipSync(readFileSync(zipPath)))) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), bytes);
  }
  return dir;
}

/** Penguins with Flipper Length − 30 and Body Mass + 1500 (labels kept): a batch the Monitor cell alerts on. */
export function buildDriftedPenguins(): string {
  const lines = readFileSync(new URL('../../public/samples/penguins.csv', import.meta.url), 'utf8').trim().split('\n');
  const header = lines[0].split(',');
  const shift = [[header.indexOf('Flipper Length (mm)'), -30], [header.indexOf('Body Mass (g)'), 1500]];
  return [lines[0], ...lines.slice(1).map((line) => {
    const cells = line.split(',');
    for (const [at, by] of shift) if (cells[at] !== '' && cells[at] !== 'NA') cells[at] = String(Number(cells[at]) + by);
    return cells.join(',');
  })].join('\n');
}
