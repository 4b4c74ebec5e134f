// Journey (issue #19, "Back into the studio"): penguins → Train gradient boosting and logistic regression → both
// registered as penguins-species (v1, v2) → each exported as a bundle from the Export cell → the test unzips them and
// starts serve.mjs with --log-predictions as a user would (Node child processes), posts requests over HTTP, and gives
// the log back to a Data cell above a Monitor cell: a drifted batch shows its drift badges; a canary log (v2 beside
// v1, with feedback labels, rotated into several files chosen together) shows both versions compared; a canary whose
// (made-up) feedback makes it pass its gate is promoted to production from the Monitor cell.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { download, unzipTo } from './support/files';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { addCell, addCellOfKind, trainPenguinsSpecies, waitForImport } from './support/studio';

const MODEL = 'penguins-species';
const CANARY = ['--canary-share', '0.5', '--log-max-bytes', '40000'];
const [HEADER, ...LINES] = readFileSync(new URL('../public/samples/penguins.csv', import.meta.url), 'utf8').trim().split('\n');
const NAMES = HEADER.split(',');
type Row = Record<string, string | number | null>;
/** The penguins as JSON rows (numbers as numbers, "" and NA as null), without Species, and their species. */
const readCell = (cell: string) => (cell === '' || cell === 'NA' ? null : Number.isNaN(Number(cell)) ? cell : Number(cell));
const ROWS: Row[] = LINES.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [NAMES[i], readCell(cell)] as const).filter(([name]) => name !== 'Species')));
const SPECIES = LINES.map((line) => line.split(',')[0]);

let page: Page;
const bundles = new Map<string, string>();
const errors: string[] = [];

/** Picks the run whose label matches `label` in the Export cell, builds the bundle as `name` and unzips its download. */
async function exportBundle(cell: Locator, label: RegExp, name: string): Promise<string> {
  const select = cell.getByTestId('export-run-select');
  await select.selectOption((await select.locator('option', { hasText: label }).getAttribute('value'))!);
  await cell.getByTestId('export-name').fill(name);
  await cell.getByTestId('export-name').blur();
  await cell.getByTestId('export-run').click();
  await expect(cell.getByTestId('export-summary')).toContainText(`packaged as ${name}.zip`, { timeout: 120_000 });
  return unzipTo(await download(cell, 'export-download'));
}

/** What /predict answered: the version that answered and its predictions. */
interface Answer {
  modelVersion: string;
  predictions: string[];
}

/**
 * serve.mjs of `bundle` with `flags`, the log on: posts `rows` in requests of 20 (each with its request id and routing
 * key), then the feedback `labelsOf` gives for each answer (none when it is null), then stops it (SIGTERM flushes the
 * log). The log's files.
 */
async function serveAndLog(bundle: string, flags: string[], rows: Row[], labelsOf: ((answer: Answer, start: number) => string[]) | null): Promise<{ name: string; buffer: Buffer }[]> {
  const logDir = mkdtempSync(join(tmpdir(), 'prediction-log-'));
  const child = spawn(process.execPath, ['serve.mjs', '--log-predictions', logDir, '--allow-unseen', ...flags], { cwd: bundle, env: { ...process.env, PORT: '0' } });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = out.match(/"event":"listening","port":(\d+)/);
      if (match) resolve(Number(match[1]));
    });
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    void exited.then((code) => reject(new Error(`serve.mjs exited with ${code}: ${out}`)));
  });
  const base = `http://127.0.0.1:${port}`;
  const feedback: { requestId: string; labels: string[] }[] = [];
  for (let start = 0; start < rows.length; start += 20) {
    const headers = { 'content-type': 'application/json', 'x-request-id': `q${start}`, 'x-request-key': `customer-${start}` };
    const response = await fetch(`${base}/predict`, { method: 'POST', headers, body: JSON.stringify({ rows: rows.slice(start, start + 20) }) });
    expect(response.status, await response.clone().text()).toBe(200);
    if (labelsOf) feedback.push({ requestId: `q${start}`, labels: labelsOf((await response.json()) as Answer, start) });
  }
  if (labelsOf) expect((await fetch(`${base}/feedback`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(feedback) })).status).toBe(202);
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
  return readdirSync(logDir).sort().map((name) => ({ name, buffer: readFileSync(join(logDir, name)) }));
}

/** A Data cell given the log's files, then a Monitor cell on penguins-species v1 run on it; the Monitor cell. */
async function monitorLog(files: { name: string; buffer: Buffer }[]): Promise<Locator> {
  const data = await addCell(page, 'Data');
  await data.getByTestId('file-input').setInputFiles(files.map((f) => ({ name: f.name, mimeType: 'application/x-ndjson', buffer: f.buffer })));
  await waitForImport(data);
  await expect(data.getByTestId('dataset-summary')).toContainText('prediction log');
  const monitor = await addCellOfKind(page, 'Monitor');
  await monitor.getByTestId('monitor-model').selectOption(MODEL);
  await monitor.getByTestId('monitor-version').selectOption('1');
  await monitor.getByTestId('monitor-run').click();
  await expect(monitor.getByTestId('monitor-status')).toBeVisible({ timeout: 60_000 });
  return monitor;
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  test.setTimeout(400_000);
  page = await browser.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  await trainPenguinsSpecies(page, ['gradient_boosting', 'logistic_regression']);
  for (const family of ['gradient_boosting', 'logistic_regression']) {
    const row = page.locator(`[data-testid="leaderboard-row"][data-family="${family}"]`);
    await row.getByTestId('register-open').click();
    await row.getByTestId('register-name').fill(MODEL);
    await row.getByTestId('register-submit').click();
    await expect(row.getByTestId('register-name')).toHaveCount(0);
  }
  const exportCell = await addCellOfKind(page, 'Export');
  bundles.set('v1', await exportBundle(exportCell, /Gradient boosting/, 'penguins-gb'));
  bundles.set('v2', await exportBundle(exportCell, /Logistic regression/, 'penguins-lr'));
});

test.afterAll(async () => {
  await page?.close();
});

test('a drifted batch the service logged shows its drift in the Monitor cell', async () => {
  test.setTimeout(240_000);
  // Flippers 30 mm shorter, 1.5 kg heavier: the world changed.
  const drifted = ROWS.map((row) => ({
    ...row,
    'Flipper Length (mm)': row['Flipper Length (mm)'] === null ? null : Number(row['Flipper Length (mm)']) - 30,
    'Body Mass (g)': row['Body Mass (g)'] === null ? null : Number(row['Body Mass (g)']) + 1500,
  }));
  const files = await serveAndLog(bundles.get('v1')!, [], drifted, null);
  expect(files).toHaveLength(1);
  const monitor = await monitorLog(files);
  await expect(monitor.getByTestId('monitor-status')).toHaveAttribute('data-status', 'alert');
  await expect(monitor.getByTestId('monitor-status')).toContainText(`${ROWS.length} rows answered as main`);
  await expect(monitor.locator('[data-testid="monitor-feature"][data-column="Body Mass (g)"] .badge')).toHaveText('alert');
  await expect(monitor.locator('[data-testid="monitor-feature"][data-column="Flipper Length (mm)"] .badge')).toHaveText('alert');
  await expect(monitor.locator('[data-testid="monitor-feature"][data-column="Island"] .badge')).toHaveText('ok');
  await expect(monitor.getByTestId('monitor-log-versions')).toContainText('main');
  await expect(monitor.getByTestId('monitor-comparison')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a canary log shows both versions compared, with their metrics and the difference', async () => {
  test.setTimeout(240_000);
  const flags = ['--canary', bundles.get('v2')!, ...CANARY];
  const files = await serveAndLog(bundles.get('v1')!, flags, ROWS, (_answer, start) => SPECIES.slice(start, start + 20));
  expect(files.length).toBeGreaterThan(1); // rotated: the files are chosen together
  const monitor = await monitorLog(files);
  const comparison = monitor.getByTestId('monitor-comparison');
  await expect(comparison).toHaveCount(1);
  await expect(comparison.getByTestId('comparison-version')).toHaveCount(2);
  await expect(comparison.locator('[data-testid="comparison-version"][data-role="main"]')).toContainText(`${MODEL} v1`);
  await expect(comparison.locator('[data-testid="comparison-version"][data-role="canary"]')).toContainText(`${MODEL} v2`);
  await expect(comparison.getByTestId('comparison-metric')).toHaveCount(2);
  await expect(comparison.getByTestId('comparison-metric').first()).toContainText(/^\d(\.\d+)? \[/);
  await expect(comparison.getByTestId('comparison-difference')).toContainText('unpaired');
  await expect(comparison.getByTestId('comparison-verdict')).toContainText(`${MODEL} v2 (canary)`);
  await expect(comparison.getByTestId('comparison-reasons')).not.toBeEmpty();
  expect(errors).toEqual([]);
});

test('a canary that passes its gate is promoted to production from the Monitor cell', async () => {
  test.setTimeout(240_000);
  // The feedback is made up so the gate must pass: the canary's own answers as the truth for its requests, and a
  // wrong species for every row v1 answered.
  const wrong = (label: string) => (label === 'Adelie' ? 'Gentoo' : 'Adelie');
  const files = await serveAndLog(bundles.get('v1')!, ['--canary', bundles.get('v2')!, ...CANARY], ROWS, (answer, start) => {
    const canary = answer.modelVersion !== runIdOf(bundles.get('v1')!);
    return canary ? answer.predictions : SPECIES.slice(start, start + 20).map(wrong);
  });
  const monitor = await monitorLog(files);
  const comparison = monitor.getByTestId('monitor-comparison');
  await expect(comparison.getByTestId('comparison-verdict')).toHaveAttribute('data-passed', 'true');
  await expect(comparison.getByTestId('comparison-reasons')).toContainText('Not chance');
  await comparison.getByTestId('comparison-reason').fill('the canary beat v1 on labelled traffic');
  await comparison.getByTestId('comparison-promote').click();
  await expect(comparison.getByTestId('comparison-promoted')).toHaveText(`${MODEL} v2 is now in production.`);
  await page.goto(`${new URL(page.url()).origin}/#/models/${MODEL}`);
  await expect(page.locator('[data-testid="model-version-row"][data-version="2"]')).toHaveAttribute('data-stage', 'production');
  expect(errors).toEqual([]);
});

/** The run id a bundle folder serves under (its manifest's runId: the bundle carries no registry entry). */
function runIdOf(bundle: string): string {
  return (JSON.parse(readFileSync(join(bundle, 'manifest.json'), 'utf8')) as { runId: string }).runId;
}
