// Journey: penguins sample → Problem (Species) → Split → Train (gradient boosting) → Predict: the validation rows'
// predictions beside the input, downloaded as CSV; then a new file — another column order, an island the model
// never saw, a body mass beyond the training range, no Species column — is checked against the run's columns and
// scored; a file without a column the model reads is refused naming it; a reload keeps the predictions.
import { readFileSync } from 'node:fs';
import { expect, test, type Locator } from '@playwright/test';
import { addCellOfKind, trainPenguinsSpecies, waitForSaved } from './support/studio';

const PENGUINS = readFileSync(new URL('../public/samples/penguins.csv', import.meta.url), 'utf8').trim().split('\n');

/** Penguins rows 2… as a new file: Species dropped, columns reversed, one island renamed, one body mass huge. */
function buildNewFile(rows: number, withoutColumn?: string): string {
  const header = PENGUINS[0].split(',');
  const keep = header.map((name, i) => ({ name, i })).filter(({ name }) => name !== 'Species' && name !== withoutColumn).reverse();
  const lines = PENGUINS.slice(1, rows + 1).map((line, r) => {
    const cells = line.split(',');
    if (r === 0) cells[header.indexOf('Island')] = 'Atlantis';
    if (r === 1) cells[header.indexOf('Body Mass (g)')] = '99999';
    return keep.map(({ i }) => cells[i]).join(',');
  });
  return [keep.map(({ name }) => name).join(','), ...lines].join('\n');
}

async function chooseFile(cell: Locator, name: string, text: string): Promise<void> {
  await cell.getByTestId('predict-file-input').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
}

async function readDownload(cell: Locator): Promise<string[]> {
  const [download] = await Promise.all([cell.page().waitForEvent('download'), cell.getByTestId('predict-download').click()]);
  return readFileSync((await download.path())!, 'utf8').trim().split('\n');
}

test('penguins: predictions on the validation rows and on a new file checked against the run, downloaded as CSV, kept across a reload', async ({ page }) => {
  test.setTimeout(240_000);
  const consoleErrors: string[] = [];
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await trainPenguinsSpecies(page);

  const predict = await addCellOfKind(page, 'Predict');
  await expect(predict.getByTestId('predict-run-select')).toContainText('(best)');
  await predict.getByTestId('predict-run').click();
  await expect(predict.getByTestId('predict-summary')).toContainText(/predicted \d+ rows of the validation rows/, { timeout: 60_000 });
  // Validation rows come from the same table: no column or category problem, at most values beyond the training range.
  await expect(predict.locator('[data-testid="predict-check"][data-severity="error"]')).toHaveCount(0);
  for (const check of await predict.getByTestId('predict-check').allTextContents()) expect(check).toMatch(/the training (minimum|maximum)/);
  await expect(predict.getByTestId('data-grid').getByRole('columnheader').nth(1)).toContainText('prediction');
  const validationRows = Number((await predict.getByTestId('predict-summary').textContent())?.match(/predicted (\d+) rows/)?.[1]);
  const validationCsv = await readDownload(predict);
  expect(validationCsv[0]).toBe('Species,Island,Beak Length (mm),Beak Depth (mm),Flipper Length (mm),Body Mass (g),Sex,prediction,proba_Adelie,proba_Chinstrap,proba_Gentoo');
  expect(validationCsv).toHaveLength(validationRows + 1);

  await predict.getByTestId('predict-source-file').check();
  await expect(predict.getByTestId('predict-run')).toBeDisabled();
  await chooseFile(predict, 'new-penguins.csv', buildNewFile(40));
  await expect(predict.getByTestId('predict-summary')).toContainText('predicted 40 rows of the new-penguins.csv', { timeout: 60_000 });
  const checks = predict.getByTestId('predict-check');
  await expect(checks.filter({ hasText: 'Column "Island": 1 row has a category the model never saw in training (1 distinct value: "Atlantis")' })).toHaveCount(1);
  await expect(checks.filter({ hasText: /Column "Body Mass \(g\)": 1 value above the training maximum/ })).toHaveCount(1);
  const fileCsv = await readDownload(predict);
  expect([fileCsv.length, fileCsv[0]]).toEqual([41, 'Sex,Body Mass (g),Flipper Length (mm),Beak Depth (mm),Beak Length (mm),Island,prediction,proba_Adelie,proba_Chinstrap,proba_Gentoo']);
  expect(fileCsv[1]).toMatch(/,Atlantis,(Adelie|Chinstrap|Gentoo),0\.\d+/);
  await page.screenshot({ path: test.info().outputPath('predict-file.png'), fullPage: true });

  await chooseFile(predict, 'no-beak.csv', buildNewFile(10, 'Beak Length (mm)'));
  await expect(predict.getByTestId('cell-error')).toContainText('Column "Beak Length (mm)" is missing: the model reads it', { timeout: 60_000 });

  await chooseFile(predict, 'new-penguins.csv', buildNewFile(40));
  await expect(predict.getByTestId('predict-summary')).toContainText('predicted 40 rows of the new-penguins.csv', { timeout: 60_000 });
  await waitForSaved(page);
  await page.reload();
  const reopened = page.getByTestId('cell').nth(4);
  await expect(reopened.getByTestId('predict-summary')).toContainText('predicted 40 rows of the new-penguins.csv', { timeout: 60_000 });
  expect(await readDownload(reopened)).toEqual(fileCsv);
  expect(consoleErrors).toEqual([]);
});
