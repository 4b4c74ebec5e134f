// Journey: penguins sample → Problem: clustering (no target) → Split → Prepare (impute + scale the numeric
// columns) → Train k-means → run on the leaderboard ranked by silhouette → Pick k draws the elbow with the
// suggested k → PCA adds explained variance and the projection → reload keeps the runs.
import { expect, test, type Locator } from '@playwright/test';
import { addCellOfKind, addPipelineStep, firstCellOfKind, fitPipeline, openSample, runSplit, startTraining, waitForImport, waitForLeaderboard, waitForSaved } from './support/studio';

const NUMERIC = ['Beak Length', 'Beak Depth', 'Flipper Length', 'Body Mass'];

async function tickNumeric(step: Locator): Promise<void> {
  for (const name of NUMERIC) await step.getByRole('checkbox', { name: new RegExp(`^${name}`) }).check();
}

test('penguins: k-means on a clustering problem, pick k, PCA projection, reload keeps the runs', async ({ page }) => {
  test.setTimeout(90_000);
  const consoleErrors: string[] = [];
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await openSample(page, 'penguins');
  const problem = await addCellOfKind(page, 'Problem');
  await problem.getByRole('combobox', { name: 'Task' }).selectOption('clustering');
  await expect(problem.getByRole('combobox', { name: 'Target column' })).toHaveValue('');
  const split = await addCellOfKind(page, 'Split');
  await runSplit(split);
  const prepare = await addCellOfKind(page, 'Prepare');
  await tickNumeric(await addPipelineStep(prepare, 'impute'));
  await tickNumeric(await addPipelineStep(prepare, 'scale'));
  await fitPipeline(prepare);

  const train = await addCellOfKind(page, 'Train');
  await expect(train.getByTestId('train-waiting')).toHaveCount(0);
  await expect(train.getByTestId('family-gradient_boosting')).toHaveCount(0);
  await train.getByTestId('family-kmeans').check();
  await startTraining(train);
  await waitForLeaderboard(train, 1, 60_000);
  const kmeansRow = train.locator('[data-testid="leaderboard-row"][data-family="kmeans"]');
  await expect(train.getByTestId('leaderboard')).toContainText('Silhouette');
  await expect(kmeansRow).toContainText(/0\.\d{4}/);

  await train.getByTestId('pick-k-run').click();
  await expect(train.getByTestId('elbow-plot')).toBeVisible({ timeout: 30_000 });
  await expect(train.getByTestId('silhouette-plot')).toBeVisible();
  await expect(train.getByTestId('pick-k-note')).toContainText(/Suggested k = \d+ \(highest silhouette\)/);
  await train.getByTestId('pick-k-use').click();

  await train.getByTestId('family-pca').check();
  await startTraining(train);
  await waitForLeaderboard(train, 3, 60_000);
  await expect(train.getByTestId('pca-variance')).toBeVisible();
  await expect(train.getByTestId('pca-projection')).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: '/tmp/train-cluster.png', fullPage: false });
  await waitForSaved(page);

  await page.reload();
  await waitForImport(firstCellOfKind(page, 'data'));
  const reloaded = firstCellOfKind(page, 'train');
  await expect(reloaded.locator('[data-testid="leaderboard-row"][data-family="kmeans"]')).toHaveCount(2, { timeout: 30_000 });
  await expect(reloaded.locator('[data-testid="leaderboard-row"][data-family="pca"]')).toHaveCount(1);
  const first = reloaded.getByTestId('leaderboard-row').first();
  await first.getByTestId('predict-validation').click();
  await expect(first.getByTestId('predict-check')).toContainText('equals the stored value', { timeout: 30_000 });
  expect(consoleErrors).toEqual([]);
});
