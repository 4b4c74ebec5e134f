// Faults: a training worker that dies mid-fit. The cell says what happened and offers Retry, nothing stored
// changed, and Retry trains on a fresh worker. The crash is the test hook `?crash-worker=training` (workers/clients.ts):
// the first training worker is terminated right after it starts fitting and an `error` event fires, as when a worker
// runs out of memory.
import { expect, test } from '@playwright/test';
import { addCellOfKind, prepareBreastCancer, waitForLeaderboard, waitForSaved } from './support/studio';
import { readNotebookHash, readStoreKeys } from './faults-support';

test('a training worker that dies: the cell says so and offers Retry, nothing is stored, Retry trains', async ({ page }) => {
  await prepareBreastCancer(page);
  await waitForSaved(page);
  await page.goto(`/?crash-worker=training${readNotebookHash(page)}`);
  await expect(page.locator('[data-testid="cell"][data-kind="prepare"]')).toHaveAttribute('data-status', 'done', { timeout: 30_000 });

  const train = await addCellOfKind(page, 'Train');
  await train.getByTestId('family-gradient_boosting').uncheck();
  await train.getByTestId('family-random_forest').check();
  await train.getByTestId('train-run').click();

  await expect(train.getByTestId('cell-error')).toContainText(
    'The training worker stopped unexpectedly (it may have run out of memory) while fitting Random forest; nothing stored was changed. Retry, or train on a sample / fewer trees.',
    { timeout: 60_000 },
  );
  await expect(train).toHaveAttribute('data-status', 'error');
  expect([await readStoreKeys(page, 'runs'), await readStoreKeys(page, 'runFits')]).toEqual([[], []]);

  await train.getByTestId('cell-retry').click();
  await waitForLeaderboard(train, 1);
  await expect(train).toHaveAttribute('data-status', 'done');
  await expect(train.getByTestId('cell-retry')).toHaveCount(0);
  const [runs, fits] = [await readStoreKeys(page, 'runs'), await readStoreKeys(page, 'runFits')];
  expect({ runs: runs.length, fits }).toEqual({ runs: 1, fits: runs });
});
