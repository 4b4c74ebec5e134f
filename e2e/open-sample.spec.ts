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

test('a wide table (31 columns) scrolls inside its grid instead of widening the page', async ({ page }) => {
  const cell = await openSample(page, 'breast-cancer');
  await expect(cell.getByTestId('dataset-summary')).toContainText('569 rows × 31 columns');
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: window.innerWidth }));
  expect(widths.page).toBeLessThanOrEqual(widths.viewport);
  const grid = cell.getByTestId('data-grid');
  expect(await grid.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
});
