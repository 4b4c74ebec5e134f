// Journey (e): Cancel stops a large import at once; nothing new is stored.
import { expect, test } from '@playwright/test';
import { cellAt, createNotebook, listDatasetNames, uploadCsv, makeLargeCsv } from './support/studio';

test('Cancel stops a 40 MB import and stores nothing', async ({ page }) => {
  await createNotebook(page, 'Cancelled');
  const cell = cellAt(page, 0, 'data');
  await uploadCsv(cell, { name: 'large.csv', buffer: makeLargeCsv(40) });

  const bar = cell.getByRole('progressbar');
  await expect(bar).toBeVisible();
  await cell.getByRole('button', { name: 'Cancel' }).click();

  await expect(cell.getByRole('status').filter({ hasText: 'Import cancelled.' })).toBeVisible();
  await expect(bar).toHaveCount(0);
  await expect(cell.getByTestId('file-input')).toBeEnabled();
  await expect(cell.getByTestId('cell-error')).toHaveCount(0);

  expect(await listDatasetNames(page)).toEqual([]);
});
