// Journeys: the notebook's runtime, not its views, runs the cells. Every cell folded (no view mounted), "Run all"
// still runs them top to bottom; and a notebook exported from the browser runs headless with `ml-studio run`,
// scoring the deterministic families exactly as the browser did (to 1e-9).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { addCellOfKind, openSample, runSplit, trainFamilies, waitForSaved } from './support/studio';

const FAMILIES = ['decision_tree', 'logistic_regression', 'knn', 'naive_bayes'];

/** Every run the notebook's Train cells keep, as saved in IndexedDB: family → validation metric → value. */
async function readStoredScores(page: Page): Promise<Record<string, Record<string, number | null>>> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('ml-studio');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const records = await new Promise<{ output: { kind: string; output: { runs: { family: string; metrics: { validation: Record<string, { value: number | null }> } }[] } } }[]>((resolve, reject) => {
      const request = db.transaction('cellOutputs').objectStore('cellOutputs').getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    const scores: Record<string, Record<string, number | null>> = {};
    for (const record of records) {
      if (record.output?.kind !== 'train') continue;
      for (const run of record.output.output.runs) scores[run.family] = Object.fromEntries(Object.entries(run.metrics.validation).map(([id, m]) => [id, m.value]));
    }
    return scores;
  });
}

test('every cell folded, "Run all" runs the notebook top to bottom; unfolded, each shows what it made', async ({ page }) => {
  test.setTimeout(180_000);
  await openSample(page, 'penguins');
  const problem = await addCellOfKind(page, 'Problem');
  await problem.getByRole('combobox', { name: 'Target column' }).selectOption('Species');
  await addCellOfKind(page, 'Split');
  const train = await addCellOfKind(page, 'Train');
  await train.getByTestId('family-gradient_boosting').uncheck();
  await train.getByTestId('family-decision_tree').check();
  const evaluate = await addCellOfKind(page, 'Evaluate');
  await expect(evaluate).toHaveAttribute('data-status', 'waiting');

  const cells = page.getByTestId('cell');
  const count = await cells.count();
  for (let i = 0; i < count; i++) await cells.nth(i).getByTestId('cell-collapse').click();
  await expect(page.getByTestId('family-decision_tree')).toHaveCount(0); // no view is mounted
  await page.getByTestId('run-all').click();
  for (let i = 0; i < count; i++) await expect(cells.nth(i)).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  await expect(train.getByTestId('cell-status')).toContainText('done in');

  await train.getByTestId('cell-collapse').click();
  await expect(train.getByTestId('leaderboard-row')).toHaveCount(1);
  await evaluate.getByTestId('cell-collapse').click();
  await expect(evaluate.getByTestId('validation-evaluation')).toBeVisible();

  // Folded cells stay folded after a reload (remembered for this notebook in this browser).
  await waitForSaved(page);
  await page.reload();
  await expect(page.getByTestId('cell').nth(2).getByTestId('cell-collapse')).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByTestId('cell').nth(3).getByTestId('leaderboard-row')).toHaveCount(1);
});

test('a notebook exported from the browser runs headless with ml-studio run and scores every deterministic family as the browser did', async ({ page }) => {
  test.setTimeout(240_000);
  await openSample(page, 'penguins');
  const problem = await addCellOfKind(page, 'Problem');
  await problem.getByRole('combobox', { name: 'Target column' }).selectOption('Species');
  const split = await addCellOfKind(page, 'Split');
  await runSplit(split);
  await trainFamilies(page, FAMILIES);
  await waitForSaved(page);
  const browser = await readStoredScores(page);
  expect(Object.keys(browser).sort()).toEqual([...FAMILIES].sort());

  await page.getByTestId('export-notebook').click();
  const dialog = page.getByTestId('export-dialog');
  const downloading = page.waitForEvent('download');
  await dialog.getByTestId('export-download').click();
  const download = await downloading;
  const dir = mkdtempSync(join(tmpdir(), 'ml-studio-headless-'));
  const notebookFile = join(dir, download.suggestedFilename());
  writeFileSync(notebookFile, readFileSync((await download.path())!, 'utf8'));

  // Not embedded: the CLI finds the bundled sample by the dataset's name.
  execFileSync(process.execPath, ['bin/ml-studio.mjs', 'run', notebookFile, '--out', join(dir, 'out'), '--quiet'], { cwd: process.cwd(), timeout: 180_000 });
  const results = JSON.parse(readFileSync(join(dir, 'out', 'results.json'), 'utf8'));
  expect(results.status).toBe('succeeded');
  const trainCell = results.cells.find((cell: { kind: string }) => cell.kind === 'train');
  const headless: Record<string, Record<string, number | null>> = {};
  for (const row of trainCell.summary.leaderboard) headless[row.family] = row.validation;
  for (const family of FAMILIES) {
    expect(Object.keys(headless[family]).sort(), family).toEqual(Object.keys(browser[family]).sort());
    for (const [metric, value] of Object.entries(browser[family])) {
      if (value === null) expect(headless[family][metric], `${family} ${metric}`).toBeNull();
      else expect(Math.abs((headless[family][metric] as number) - value), `${family} ${metric}: browser ${value}, headless ${headless[family][metric]}`).toBeLessThanOrEqual(1e-9);
    }
  }
});
