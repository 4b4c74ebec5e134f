// Journey: breast-cancer sample → Problem → Split (3 stratified folds) → Prepare → Train logistic regression and
// gradient boosting with CV → Compare: the leaderboard ranks both, a header click re-sorts by log loss, the same
// run as A and B is refused, "Compare A and B" shows a verdict from the corrected resampled t-test with McNemar's
// counts and overlaid curves, and a reload keeps the comparison. A second journey compares a regressor with the mean
// baseline on cars: the paired t-test of absolute errors on the validation rows finds the difference real.
import { expect, test, type Locator } from '@playwright/test';
import { addCellOfKind, firstCellOfKind, openSample, runSplit, waitForImport, waitForSaved, prepareBreastCancer, trainFamilies } from './support/studio';

/** The sorted column's validation values, top row first. */
async function readSortedValues(board: Locator): Promise<number[]> {
  const texts = await board.locator('[data-testid="compare-row"] td.sorted > span:first-child').allTextContents();
  return texts.map(Number);
}

test('breast cancer: compare two trained models, re-sort, test A against B, reload keeps it', async ({ page }) => {
  test.setTimeout(180_000);
  const consoleErrors: string[] = [];
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await prepareBreastCancer(page, { cvFolds: 3 });
  const train = await trainFamilies(page, ['gradient_boosting', 'logistic_regression'], { crossValidate: true });
  await expect(train.getByRole('checkbox', { name: /^Cross-validate \(3 folds\)/ })).toBeChecked();

  const compare = await addCellOfKind(page, 'Compare');
  const board = compare.getByTestId('compare-leaderboard');
  await expect(board.getByTestId('compare-row')).toHaveCount(2);
  await expect(board.getByTestId('compare-rank')).toHaveText(['1', '2']);
  await expect(board).toHaveAttribute('data-sort-by', 'roc-auc');
  await expect(board.getByTestId('compare-row').first()).toContainText(/CV 0\.\d{4} ± 0\.\d{4}/);
  const auc = await readSortedValues(board);
  expect(auc[0]).toBeGreaterThanOrEqual(auc[1]);

  await compare.getByTestId('compare-sort-log-loss').click();
  await expect(board).toHaveAttribute('data-sort-by', 'log-loss');
  const logLoss = await readSortedValues(board);
  expect(logLoss[0]).toBeLessThanOrEqual(logLoss[1]); // lower is better: ascending

  // The same run twice is refused before anything runs.
  const runA = await compare.getByTestId('compare-run-a').inputValue();
  const runB = await compare.getByTestId('compare-run-b').inputValue();
  expect(runA).not.toBe(runB);
  await compare.getByTestId('compare-run-b').selectOption(runA);
  await expect(compare.getByTestId('compare-pick-problem')).toContainText('pick two different runs');
  await expect(compare.getByTestId('compare-run')).toBeDisabled();
  await compare.getByTestId('compare-run-b').selectOption(runB);

  await compare.getByTestId('compare-run').click();
  const verdict = compare.getByTestId('compare-verdict');
  await expect(verdict).toBeVisible({ timeout: 60_000 });
  await expect(verdict).toHaveText(/(is better on ROC-AUC: p = [0-9.e-]+ < 0\.05|No significant difference on ROC-AUC: p = [0-9.e-]+ ≥ 0\.05) \(corrected resampled t-test over 3 folds\)\./);
  await expect(compare.getByTestId('compare-test')).toHaveCount(3);
  const counts = await compare.getByTestId('compare-counts').locator('td').allTextContents();
  expect(counts.map(Number).reduce((a, b) => a + b, 0)).toBeGreaterThan(50);
  await expect(compare.getByTestId('compare-curves')).toBeVisible();
  await expect(compare.getByTestId('compare-roc')).toBeVisible();
  await expect(compare.getByTestId('compare-training-curves')).toBeVisible();
  await expect(compare.getByTestId('cell-error')).toHaveCount(0);
  await compare.scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/compare-journey.png', fullPage: false });
  const verdictText = await verdict.textContent();
  await waitForSaved(page);

  await page.reload();
  await waitForImport(firstCellOfKind(page, 'data'));
  const reloaded = firstCellOfKind(page, 'compare');
  await expect(reloaded.getByTestId('compare-verdict')).toHaveText(verdictText ?? '', { timeout: 30_000 });
  await expect(reloaded.getByTestId('compare-leaderboard')).toHaveAttribute('data-sort-by', 'log-loss', { timeout: 30_000 });
  await expect(reloaded.getByTestId('compare-outdated')).toHaveCount(0);
  // Swapping A and B makes the saved comparison outdated and the cell stale ("Run stale" compares again).
  const [a, b] = [await reloaded.getByTestId('compare-run-a').inputValue(), await reloaded.getByTestId('compare-run-b').inputValue()];
  await reloaded.getByTestId('compare-run-a').selectOption(b);
  await reloaded.getByTestId('compare-run-b').selectOption(a);
  await expect(reloaded.getByTestId('compare-outdated')).toBeVisible();
  await expect(page.getByTestId('run-stale')).toHaveText('Run stale (1)');
  await page.getByTestId('run-stale').click();
  await expect(reloaded.getByTestId('compare-outdated')).toHaveCount(0, { timeout: 60_000 });
  expect(consoleErrors).toEqual([]);
});

test('cars (regression): a boosted model against the mean baseline, tested on the validation rows\' absolute errors', async ({ page }) => {
  test.setTimeout(120_000);
  const consoleErrors: string[] = [];
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await openSample(page, 'cars');
  const problem = await addCellOfKind(page, 'Problem');
  await problem.getByRole('combobox', { name: 'Target column' }).selectOption('Miles_per_Gallon');
  await expect(problem.getByRole('combobox', { name: 'Task' })).toHaveValue('regression');
  // Eight cars have no Miles_per_Gallon: the split leaves them out, so training needs no Prepare cell with a filter step.
  const split = await addCellOfKind(page, 'Split');
  await runSplit(split);
  await expect(split.getByTestId('split-left-out')).toHaveText('8 rows without a target left out of every part and fold.');
  await trainFamilies(page, ['gradient_boosting', 'mean']);

  const compare = await addCellOfKind(page, 'Compare');
  await expect(compare.getByTestId('compare-leaderboard').getByTestId('compare-row')).toHaveCount(2);
  await compare.getByTestId('compare-run').click();
  const verdict = compare.getByTestId('compare-verdict');
  await expect(verdict).toBeVisible({ timeout: 60_000 });
  // Boosting against predicting the mean: the difference is real.
  await expect(verdict).toHaveText(/^A \(Gradient boosting \(histogram\)\) is better on absolute error: p = [0-9.e-]+ < 0\.05 \(paired t-test of absolute errors on \d+ validation rows\)\.$/);
  await expect(compare.getByTestId('compare-counts')).toHaveCount(0);
  await expect(compare.getByTestId('cell-error')).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});
