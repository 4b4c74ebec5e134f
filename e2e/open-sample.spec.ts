// Journey (b): one click on a sample on Home → a notebook named after it, with the data shown.
import { expect, test } from '@playwright/test';
import { listDatasetNames, openSample, readGridCell } from './support/studio';

test('starting from the penguins sample shows its data', async ({ page }) => {
  const cell = await openSample(page, 'penguins');

  await expect(page.getByRole('textbox', { name: 'Notebook title' })).toHaveValue('Palmer penguins');
  await expect(cell.getByTestId('dataset-summary')).toContainText('344 rows × 7 columns');
  await expect(cell.getByTestId('schema-row')).toHaveCount(7);
  expect(await readGridCell(cell, 0, 'Species')).toBe('Adelie');
  await page.screenshot({ path: '/tmp/ml-studio-sample.png', fullPage: true });

  expect(await listDatasetNames(page)).toEqual(['Palmer penguins']);
  await page.screenshot({ path: '/tmp/ml-studio-home.png', fullPage: true });
});
