// Faults: a browser mode without IndexedDB (blocked storage, some private modes). The studio runs on an in-memory
// store and says that nothing will be kept; a sample opens and a model trains, its workers reading and writing the
// page's store through the page. Workers keep their own IndexedDB here, which the studio must not use.
import { expect, test } from '@playwright/test';
import { trainPenguinsSpecies } from './support/studio';

test('without IndexedDB the studio runs in memory, says so, opens a sample and trains', async ({ page }) => {
  await page.addInitScript(() => Object.defineProperty(window, 'indexedDB', { value: undefined }));

  const train = await trainPenguinsSpecies(page, ['gradient_boosting', 'random_forest']);

  await expect(page.getByTestId('storage-banner')).toHaveText('Storage is unavailable in this browser mode: nothing will be kept after you close the tab. Export notebooks to keep them.');
  await expect(train.getByTestId('leaderboard-row')).toHaveCount(2);
  await expect(page.getByTestId('toasts')).not.toContainText('Something went wrong');
  // Nothing went to the real database (the workers could have opened it).
  const indexedDbBytes = await page.evaluate(async () => ((await navigator.storage.estimate()) as { usageDetails?: { indexedDB?: number } }).usageDetails?.indexedDB ?? 0);
  expect(indexedDbBytes).toBe(0);
});
