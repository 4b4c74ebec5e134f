// Verb helpers for the ML Studio journeys: each does one thing a person does and waits until the page shows it.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, type Locator, type Page } from '@playwright/test';

/** Path of a file in e2e/fixtures. */
export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
}

/** Bytes of a file in e2e/fixtures. */
export function readFixture(name: string): Buffer {
  return readFileSync(fixturePath(name));
}

export async function openHome(page: Page): Promise<void> {
  await page.goto('/#/');
  await expect(page.getByRole('heading', { name: 'Notebooks' })).toBeVisible();
}

/** Creates a notebook from Home (it opens with one Data cell) and optionally renames it. */
export async function createNotebook(page: Page, name?: string): Promise<void> {
  await openHome(page);
  await page.getByRole('button', { name: 'New notebook' }).click();
  const title = page.getByRole('textbox', { name: 'Notebook title' });
  await expect(title).toBeVisible();
  if (name !== undefined) {
    await title.fill(name);
    await title.press('Enter');
    await title.blur();
  }
}

/** The n-th cell (0-based) of the open notebook, optionally of one kind. */
export function cellAt(page: Page, index: number, kind?: 'data' | 'note'): Locator {
  const cells = kind ? page.locator(`[data-testid="cell"][data-kind="${kind}"]`) : page.getByTestId('cell');
  return cells.nth(index);
}

/** Adds a cell of `kindTitle` ("Data", "Note") after the last cell. */
export async function addCell(page: Page, kindTitle: 'Data' | 'Note'): Promise<Locator> {
  const before = await page.getByTestId('cell').count();
  await page.getByRole('button', { name: '+ Add cell' }).last().click();
  await page.getByRole('list', { name: 'Cell kinds' }).getByRole('button', { name: new RegExp(`^${kindTitle}\\b`) }).click();
  await expect(page.getByTestId('cell')).toHaveCount(before + 1);
  return page.getByTestId('cell').nth(before);
}

/** Gives a Data cell a CSV file (from e2e/fixtures, or bytes made in the test). */
export async function uploadCsv(cell: Locator, file: string | { name: string; buffer: Buffer }): Promise<void> {
  const payload = typeof file === 'string' ? fixturePath(file) : { name: file.name, mimeType: 'text/csv', buffer: file.buffer };
  await cell.getByTestId('file-input').setInputFiles(payload);
}

/** Waits until a Data cell shows its imported dataset (summary, schema and grid). */
export async function waitForImport(cell: Locator): Promise<void> {
  await expect(cell.getByTestId('dataset-summary')).toBeVisible({ timeout: 30_000 });
  await expect(cell.getByTestId('schema-table')).toBeVisible();
  await expect(cell.getByTestId('data-grid')).toBeVisible();
}

/** From Home, starts a notebook from the sample with this id and waits for its data. */
export async function openSample(page: Page, sampleId: string): Promise<Locator> {
  await openHome(page);
  await page.getByTestId(`sample-${sampleId}`).click();
  const cell = cellAt(page, 0, 'data');
  await waitForImport(cell);
  return cell;
}

/** Waits for the autosave indicator to say "Saved". */
export async function waitForSaved(page: Page): Promise<void> {
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
}

/** The names of the datasets listed on Home, in order. */
export async function listDatasetNames(page: Page): Promise<string[]> {
  await openHome(page);
  const panel = page.getByRole('region', { name: 'Datasets' });
  await expect(panel).toBeVisible();
  return panel.locator('[data-testid="dataset-item"] .name').allTextContents();
}

/** The text of the grid cell at (row, column name) — rows 0-based, as rendered. */
export async function readGridCell(cell: Locator, row: number, column: string): Promise<string> {
  const grid = cell.getByTestId('data-grid');
  const headers = await grid.getByRole('columnheader').locator('.name').allTextContents();
  const colIndex = headers.indexOf(column);
  if (colIndex < 0) throw new Error(`No grid column "${column}" (have ${headers.join(', ')})`);
  const gridCell = grid.locator(`[data-row="${row}"] [role="gridcell"][aria-colindex="${colIndex + 2}"]`);
  return (await gridCell.textContent())?.trim() ?? '';
}

/** The type a schema row currently shows for `column`. */
export function schemaTypeSelect(cell: Locator, column: string): Locator {
  return cell.getByRole('combobox', { name: `Type of ${column}` });
}

/** Drops a text file on a Data cell's drop zone, as dragging it from the desktop would. */
export async function dropFile(cell: Locator, name: string, text: string): Promise<void> {
  const dataTransfer = await cell.page().evaluateHandle(
    ([fileName, contents]) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([contents], fileName, { type: 'text/csv' }));
      return transfer;
    },
    [name, text] as const,
  );
  await cell.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer });
}

/** Adds a cell of any kind by its menu title ("Problem", "Profile", …) after the last cell; returns it. */
export async function addCellOfKind(page: Page, kindTitle: string): Promise<Locator> {
  const before = await page.getByTestId('cell').count();
  await page.getByRole('button', { name: '+ Add cell' }).last().click();
  await page.getByRole('list', { name: 'Cell kinds' }).getByRole('button', { name: new RegExp(`^${kindTitle}\\b`) }).click();
  await expect(page.getByTestId('cell')).toHaveCount(before + 1);
  return page.getByTestId('cell').nth(before);
}

/** The first cell of a kind ('problem', 'profile', …) in the open notebook. */
export function firstCellOfKind(page: Page, kind: string): Locator {
  return page.locator(`[data-testid="cell"][data-kind="${kind}"]`).first();
}

/** Runs a Profile cell and waits until its report shows. */
export async function runProfile(cell: Locator): Promise<void> {
  await cell.getByTestId('profile-run').click();
  await expect(cell.getByTestId('profile-report')).toBeVisible({ timeout: 60_000 });
}

/** Runs a Split cell and waits until its summary shows. */
export async function runSplit(cell: Locator): Promise<void> {
  await cell.getByTestId('split-run').click();
  await expect(cell.getByTestId('split-summary')).toBeVisible({ timeout: 30_000 });
}

/** Adds a pipeline step of `kind` ('impute', 'one_hot', …) to a Prepare cell; returns the new step's card. */
export async function addPipelineStep(cell: Locator, kind: string): Promise<Locator> {
  const cards = cell.getByTestId('step-card');
  const before = await cards.count();
  await cell.getByRole('combobox', { name: 'Add step' }).selectOption(kind);
  await expect(cards).toHaveCount(before + 1);
  return cards.nth(before);
}

/** Presses "Fit & preview" on a Prepare cell and waits for the before/after preview. */
export async function fitPipeline(cell: Locator): Promise<void> {
  await cell.getByTestId('prepare-run').click();
  await expect(cell.getByTestId('pipeline-preview')).toBeVisible({ timeout: 30_000 });
  await expect(cell.getByTestId('prepare-stale')).toHaveCount(0);
}

/** Presses "Train" (or "Try all") on a Train cell; returns at once (training runs on). */
export async function startTraining(cell: Locator, tryAll = false): Promise<void> {
  await cell.getByTestId(tryAll ? 'train-try-all' : 'train-run').click();
  await expect(cell.getByTestId('live-candidates')).toBeVisible();
}

/** Waits until a Train cell has finished (Train is enabled again) and shows `rows` leaderboard rows at least. */
export async function waitForLeaderboard(cell: Locator, rows = 1, timeout = 120_000): Promise<void> {
  await expect(cell.getByTestId('train-run')).toHaveText('Train', { timeout });
  await expect(cell.getByTestId('leaderboard-row').nth(rows - 1)).toBeVisible();
}

/**
 * The breast-cancer notebook most journeys start from: the sample, a Problem with target "diagnosis", a Split
 * (with `cvFolds` stratified folds when given) and a Prepare cell that imputes "mean radius".
 */
export async function prepareBreastCancer(page: Page, options: { cvFolds?: number } = {}): Promise<{ problem: Locator; split: Locator; prepare: Locator }> {
  await openSample(page, 'breast-cancer');
  const problem = await addCellOfKind(page, 'Problem');
  await problem.getByRole('combobox', { name: 'Target column' }).selectOption('diagnosis');
  const split = await addCellOfKind(page, 'Split');
  if (options.cvFolds !== undefined) {
    await split.getByRole('combobox', { name: 'Cross-validation' }).selectOption('stratified');
    await split.getByRole('spinbutton', { name: 'Number of folds' }).fill(String(options.cvFolds));
    await split.getByRole('spinbutton', { name: 'Number of folds' }).blur();
  }
  await runSplit(split);
  const prepare = await addCellOfKind(page, 'Prepare');
  const impute = await addPipelineStep(prepare, 'impute');
  await impute.getByRole('checkbox', { name: /^mean radius/ }).check();
  await fitPipeline(prepare);
  return { problem, split, prepare };
}

/** Ticks or unticks "Cross-validate" in a Train cell; without CV folds in the Split above there is no such box. */
export async function setCrossValidate(train: Locator, on: boolean): Promise<void> {
  const box = train.getByTestId('train-cv');
  if ((await box.count()) > 0) await box.setChecked(on);
  else if (on) throw new Error('The Split above has no CV folds: give it folds before asking for cross-validation.');
}

/** Adds a Train cell, ticks exactly `families` (e.g. ['gradient_boosting']), sets cross-validation, trains and waits for every run. */
export async function trainFamilies(page: Page, families: string[], options: { crossValidate?: boolean; timeout?: number } = {}): Promise<Locator> {
  const train = await addCellOfKind(page, 'Train');
  await expect(train.getByTestId('family-gradient_boosting')).toBeChecked(); // the default candidate
  if (!families.includes('gradient_boosting')) await train.getByTestId('family-gradient_boosting').uncheck();
  for (const family of families) await train.getByTestId(`family-${family}`).check();
  await setCrossValidate(train, options.crossValidate ?? false);
  await startTraining(train);
  await waitForLeaderboard(train, families.length, options.timeout ?? 120_000);
  return train;
}

/** Penguins sample → Problem (Species, multiclass) → Split (defaults) → Train `families`; returns the Train cell. */
export async function trainPenguinsSpecies(page: Page, families: string[] = ['gradient_boosting']): Promise<Locator> {
  await openSample(page, 'penguins');
  const problem = await addCellOfKind(page, 'Problem');
  await problem.getByRole('combobox', { name: 'Target column' }).selectOption('Species');
  await runSplit(await addCellOfKind(page, 'Split'));
  return trainFamilies(page, families);
}

/** A version's row on a model's page. */
export function versionRow(page: Page, version: number): Locator {
  return page.locator(`[data-testid="model-version-row"][data-version="${version}"]`);
}

/** Presses a stage or rollback `button` of `version`'s row, gives the reason, confirms, and waits for the row to settle. */
export async function changeStage(page: Page, version: number, button: Locator, reason: string): Promise<void> {
  await button.click();
  const row = versionRow(page, version);
  await row.getByTestId('reason-input').fill(reason);
  await row.getByTestId('confirm-action').click();
  await expect(row.getByTestId('reason-input')).toHaveCount(0);
}

/** About `megabytes` MB of CSV: an id, two numbers and a short category per row (large-import journeys). */
export function makeLargeCsv(megabytes: number): Buffer {
  const lines = ['id,x,y,group'];
  let bytes = 0;
  for (let i = 0; bytes < megabytes * 1024 * 1024; i++) {
    const line = `${i},${(i * 0.37) % 1000},${(i * 7919) % 104729},g${i % 17}`;
    lines.push(line);
    bytes += line.length + 1;
  }
  return Buffer.from(lines.join('\n'));
}

/**
 * Registers the best run of a Train cell's leaderboard as version 1 of `model` and puts it in production (the
 * Models page), then comes back to the notebook: what Monitor and Retrain cells need to read.
 */
export async function registerInProduction(page: Page, train: Locator, model: string): Promise<void> {
  const notebookUrl = page.url();
  const row = train.getByTestId('leaderboard-row').first();
  await row.getByTestId('register-open').click();
  await row.getByTestId('register-name').fill(model);
  await row.getByTestId('register-submit').click();
  await page.goto(`${new URL(notebookUrl).origin}/#/models/${model}`);
  await expect(page.getByRole('heading', { level: 1, name: model })).toBeVisible();
  await changeStage(page, 1, versionRow(page, 1).locator('[data-testid="stage-action"][data-stage="production"]'), 'first model');
  await expect(versionRow(page, 1)).toHaveAttribute('data-stage', 'production');
  await page.goto(notebookUrl);
}

