// Journey: the default path on raw data, with no Prepare cell — the Cars sample (regression; missing values, a
// categorical Origin, a date Year, 8 rows without a target) through Data → Problem → Split → Try all → Evaluate →
// Explain → Compare. Every applicable family trains (automatic preparation shown per run), pressing Try all again
// reuses the stored runs instead of retraining, and every cell ends without an error.
import { expect, test } from '@playwright/test';
import { addCellOfKind, openSample, runSplit, startTraining, waitForLeaderboard } from './support/studio';

test('cars: Try all on the raw table trains every regression family, then Evaluate, Explain and Compare', async ({ page }) => {
  test.setTimeout(300_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await openSample(page, 'cars');
  const problem = await addCellOfKind(page, 'Problem');
  await problem.getByRole('combobox', { name: 'Target column' }).selectOption('Miles_per_Gallon');
  await expect(problem.getByRole('combobox', { name: 'Task' })).toHaveValue('regression');
  const split = await addCellOfKind(page, 'Split');
  await runSplit(split);
  await expect(split.getByTestId('split-error')).toHaveCount(0);

  const train = await addCellOfKind(page, 'Train');
  await expect(train.getByTestId('train-auto-prepare')).toBeChecked();
  await startTraining(train, true);
  const families = ['mean', 'median', 'linear_regression', 'knn', 'decision_tree', 'random_forest', 'gradient_boosting', 'neural_network'];
  await waitForLeaderboard(train, families.length, 240_000);
  await expect(train.getByTestId('candidate-error')).toHaveCount(0);
  for (const family of families) await expect(train.locator(`[data-testid="leaderboard-row"][data-family="${family}"]`)).toHaveCount(1);
  // What automatic preparation added is stated on the runs that needed it (kNN: impute, one-hot Origin, scale).
  await expect(train.locator('[data-testid="leaderboard-row"][data-family="knn"] [data-testid="run-auto-prep"]')).toHaveText(/^auto: date parts 1, impute \d+ columns?, one-hot 1, scale \d+$/);
  await expect(train.locator('[data-testid="leaderboard-row"][data-family="gradient_boosting"] [data-testid="run-auto-prep"]')).toHaveText('auto: date parts 1');
  await expect(train.getByTestId('cell-error')).toHaveCount(0);

  // The same press again reuses every stored run: nothing is retrained, no row is added.
  await startTraining(train, true);
  await expect(train.locator('[data-testid="live-candidate"][data-status="reused"]')).toHaveCount(families.length);
  await waitForLeaderboard(train, families.length);
  await expect(train.getByTestId('leaderboard-row')).toHaveCount(families.length);

  const evaluate = await addCellOfKind(page, 'Evaluate');
  await evaluate.getByTestId('evaluate-run').click();
  await expect(evaluate.getByTestId('metric-table')).toBeVisible({ timeout: 60_000 });
  await expect(evaluate.getByTestId('cell-error')).toHaveCount(0);

  const explain = await addCellOfKind(page, 'Explain');
  await explain.getByTestId('explain-run').click();
  await expect(explain.getByTestId('explain-importance')).toBeVisible({ timeout: 120_000 });
  await expect(explain.getByTestId('cell-error')).toHaveCount(0);

  const compare = await addCellOfKind(page, 'Compare');
  await expect(compare.getByTestId('compare-leaderboard').getByTestId('compare-row')).toHaveCount(families.length);
  await compare.getByTestId('compare-run').click();
  await expect(compare.getByTestId('compare-verdict')).toBeVisible({ timeout: 60_000 });
  await expect(compare.getByTestId('cell-error')).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('default-path.png'), fullPage: true });
  expect(pageErrors).toEqual([]);
});
