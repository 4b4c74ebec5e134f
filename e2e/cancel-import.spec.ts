// Journey (e): Cancel stops a large import at once; nothing new is stored.
import { expect, test } from '@playwright/test';
import { cellAt, createNotebook, listDatasetNames, uploadCsv } from './support/studio';

/** About `megabytes` MB of CSV: an id, two numbers and a short category per row. */
function makeLargeCsv(megabytes: number): Buffer {
  const lines = ['id,x,y,group'];
  let bytes = 0;
  for (let i = 0; bytes < megabytes * 1024 * 1024; i++) {
    const line = `${i},${(i * 0.37) % 1000},${(i * 7919) % 104729},g${i % 17}`;
    lines.push(line);
    bytes += line.length + 1;
  }
  return Buffer.from(lines.join('\n'));
}

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
