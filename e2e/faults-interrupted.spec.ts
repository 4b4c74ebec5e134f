// Faults: the page goes away in the middle of work. An import killed while its dataset is being written leaves
// nothing (one transaction); a training cut short leaves every stored run whole and the Train cell says it was
// interrupted, with a way to run it again.
import { expect, test } from '@playwright/test';
import { addCellOfKind, cellAt, createNotebook, listDatasetNames, prepareBreastCancer, uploadCsv, waitForLeaderboard, waitForSaved, makeLargeCsv } from './support/studio';
import { readNotebookHash, readStoreKeys } from './faults-support';

test('an import killed while its dataset is being written leaves no dataset; the notebook opens', async ({ page }) => {
  // With ?stall-dataset-save the first dataset save stops after its first chunk, its transaction held open (a
  // request chain that never ends), so the page is certainly killed mid-write.
  await page.addInitScript(() => {
    if (!location.search.includes('stall-dataset-save')) return;
    const put = IDBObjectStore.prototype.put;
    let stalled = false;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      const request = put.call(this, value, key);
      if (!stalled && this.name === 'datasetChunks') {
        stalled = true;
        const spin = () => (this.count().onsuccess = spin);
        spin();
        (window as { midWrite?: boolean }).midWrite = true;
      }
      return request;
    };
  });
  await createNotebook(page, 'Killed import');
  await waitForSaved(page);
  const hash = readNotebookHash(page);
  await page.goto(`/?stall-dataset-save${hash}`);
  await uploadCsv(cellAt(page, 0, 'data'), { name: 'large.csv', buffer: makeLargeCsv(8) });
  await page.waitForFunction(() => (window as { midWrite?: boolean }).midWrite === true, undefined, { timeout: 60_000 });

  await page.goto(`/${hash}`);

  await expect(page.getByRole('textbox', { name: 'Notebook title' })).toHaveValue('Killed import');
  // The Data cell is as before the import: waiting for a file.
  await expect(cellAt(page, 0, 'data')).toHaveAttribute('data-status', 'waiting');
  expect([await readStoreKeys(page, 'datasets'), await readStoreKeys(page, 'datasetChunks')]).toEqual([[], []]);
  expect(await listDatasetNames(page)).toEqual([]);
});

test('a training cut short by a reload: stored runs are whole, the Train cell says interrupted and runs again', async ({ page }) => {
  await prepareBreastCancer(page);
  const train = await addCellOfKind(page, 'Train');
  await train.getByTestId('train-try-all').click();
  await expect(train).toHaveAttribute('data-status', 'running');
  await expect(train.getByTestId('live-candidates')).toBeVisible();
  // The Train cell itself is stored (autosave) before the page goes away; its run is not finished.
  await waitForSaved(page);
  await expect(train).toHaveAttribute('data-status', 'running');

  await page.reload();

  const after = page.locator('[data-testid="cell"][data-kind="train"]');
  await expect(after.getByTestId('cell-interrupted')).toHaveText('interrupted — run again', { timeout: 30_000 });
  const [runs, fits] = [await readStoreKeys(page, 'runs'), await readStoreKeys(page, 'runFits')];
  expect(fits.sort()).toEqual(runs.sort());
  await waitForSaved(page);

  await after.getByTestId('cell-run-again').click();
  await expect(after.getByTestId('cell-interrupted')).toHaveCount(0);
  await waitForLeaderboard(after, 1, 180_000);
});
