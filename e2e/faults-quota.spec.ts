// Faults: a full disk. Chromium 156 ignores DevTools' Storage.overrideQuotaForOrigin here (the estimate and the
// writes stay unlimited), so the disk is "filled" by an init script: once `diskFull` is set, every put into the
// dataset chunks throws QuotaExceededError, as the browser's does. The import then fails whole: a toast names the
// dataset, its size and the biggest stored items; a banner links to Home to free space; nothing of it is stored.
import { expect, test } from '@playwright/test';
import { addCell, cellAt, createNotebook, listDatasetNames, uploadCsv, waitForImport, makeLargeCsv } from './support/studio';
import { readStoreKeys } from './faults-support';

test('a dataset that does not fit: the toast names it, its size and what is big, a banner links to Home, nothing is stored', async ({ page }) => {
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      if ((window as { diskFull?: boolean }).diskFull && this.name === 'datasetChunks') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.call(this, value, key);
    };
  });
  await createNotebook(page, 'Full disk');
  const first = cellAt(page, 0, 'data');
  await uploadCsv(first, { name: 'kept.csv', buffer: makeLargeCsv(1) });
  await waitForImport(first);
  const chunksBefore = await readStoreKeys(page, 'datasetChunks');

  await page.evaluate(() => ((window as { diskFull?: boolean }).diskFull = true));
  const second = await addCell(page, 'Data');
  await uploadCsv(second, { name: 'wide.csv', buffer: makeLargeCsv(3) });

  const message = /^Browser storage is full: the dataset “wide” \(about \d\.\d MB\) could not be saved, and nothing of it was written\. Biggest stored: dataset “kept” \(\d\.\d MB\)\. Free space on Home \(Workspace › Clean up, or delete datasets and notebooks you no longer need\), then try again\.$/;
  await expect(page.getByTestId('toasts').getByRole('alert').locator('span')).toHaveText(message, { timeout: 30_000 });
  await expect(second.getByTestId('cell-error')).toHaveText(message);
  const banner = page.getByTestId('storage-full-banner');
  await expect(banner).toContainText('Browser storage is full: the last change was not saved.');
  expect([(await readStoreKeys(page, 'datasets')).length, await readStoreKeys(page, 'datasetChunks')]).toEqual([1, chunksBefore]);

  await banner.getByRole('link', { name: 'Free space on Home' }).click();
  await expect(page.getByRole('heading', { name: 'Workspace' })).toBeVisible();
  expect(await listDatasetNames(page)).toEqual(['kept']);
});
