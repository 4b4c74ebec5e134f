// Journey (d): malformed files each show their error inside the cell; earlier datasets stay listed.
import { expect, test } from '@playwright/test';
import { addCell, cellAt, createNotebook, listDatasetNames, uploadCsv, waitForImport } from './support/studio';

const CASES: { file: string; message: RegExp }[] = [
  { file: 'empty.csv', message: /empty/i },
  { file: 'header-only.csv', message: /no (data )?rows|only a header|header row only|no rows/i },
  { file: 'unbalanced-quote.csv', message: /quote/i },
  { file: 'binary.csv', message: /binary|not a text|not text/i },
];

test('malformed files are refused in the cell and leave stored datasets alone', async ({ page }) => {
  await createNotebook(page, 'Bad files');
  const good = cellAt(page, 0, 'data');
  await uploadCsv(good, 'people.csv');
  await waitForImport(good);

  for (const { file, message } of CASES) {
    const cell = await addCell(page, 'Data');
    await uploadCsv(cell, file);
    const alert = cell.getByTestId('cell-error');
    await expect(alert, file).toBeVisible({ timeout: 20_000 });
    await expect(alert, file).toHaveText(message);
    await expect(alert).toHaveAttribute('role', 'alert');
  }
  await page.screenshot({ path: '/tmp/ml-studio-malformed.png', fullPage: true });
  // The good cell still shows its data: the page never blanks.
  await expect(good.getByTestId('data-grid')).toBeVisible();

  expect(await listDatasetNames(page)).toEqual(['people']);
});
