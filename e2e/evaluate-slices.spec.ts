// Journey: breast-cancer sample → Problem → Split → Train (logistic regression, no CV) → Evaluate, then the
// panels below the metrics: slices by a numeric column (quartile table), fairness notes, the worst predictions
// (filtered by true class), isotonic calibration with Brier before → after, and the learning curve in a worker;
// a reload keeps the learning curve and the chosen slice column. Penguins checks the multiclass path.
import { expect, test, type Locator } from '@playwright/test';
import { addCellOfKind, firstCellOfKind, openSample, runSplit, startTraining, waitForImport, waitForLeaderboard, waitForSaved, setCrossValidate } from './support/studio';

async function openSection(cell: Locator, testid: string): Promise<Locator> {
  const section = cell.getByTestId(testid);
  await section.locator('summary').click();
  return section;
}

test('breast cancer: slices, fairness, worst predictions, calibration and learning curve of an evaluated model', async ({ page }) => {
  test.setTimeout(120_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await openSample(page, 'breast-cancer');
  const problem = await addCellOfKind(page, 'Problem');
  await problem.getByRole('combobox', { name: 'Target column' }).selectOption('diagnosis');
  await runSplit(await addCellOfKind(page, 'Split'));
  const train = await addCellOfKind(page, 'Train');
  await train.getByTestId('family-gradient_boosting').uncheck();
  await train.getByTestId('family-logistic_regression').check();
  await setCrossValidate(train, false);
  await startTraining(train);
  await waitForLeaderboard(train, 1, 60_000);

  const evaluate = await addCellOfKind(page, 'Evaluate');
  await evaluate.getByTestId('evaluate-run').click();
  await expect(evaluate.getByTestId('metric-table')).toBeVisible({ timeout: 30_000 });

  const slices = await openSection(evaluate, 'section-slices');
  await expect(slices.getByTestId('slice-reason')).toHaveText('Pick a column to group the validation rows by.');
  await slices.getByTestId('slice-column').selectOption('mean radius');
  await expect(slices.getByTestId('slice-row')).toHaveCount(4); // quartile bins
  await expect(slices.getByTestId('slice-row').first().locator('th')).toHaveText(/^\[[\d.]+, [\d.]+\]$/);
  await expect(slices.getByTestId('slice-note')).toHaveText('mean radius is cut into 4 quantile bins.');
  await expect(slices.getByTestId('slice-plot')).toBeVisible();
  await slices.getByTestId('slice-metric').selectOption('accuracy');
  await expect(slices.locator('thead')).toContainText('Accuracy');

  const fairness = await openSection(evaluate, 'section-fairness');
  await fairness.getByTestId('fairness-column').selectOption('mean texture');
  await expect(fairness.getByTestId('fairness-notes')).toContainText(/Demographic parity difference \d\.\d\d/);

  const worst = await openSection(evaluate, 'section-worst');
  const rows = worst.getByTestId('worst-row');
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeLessThanOrEqual(20);
  await expect(worst.locator('thead')).toContainText('mean radius');
  await worst.getByTestId('worst-class').selectOption({ label: 'malignant' });
  await expect(rows.first().locator('td').nth(1)).toHaveText('malignant');
  const trueClasses = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll('td')[1]?.textContent));
  expect(new Set(trueClasses)).toEqual(new Set(['malignant']));

  const calibration = await openSection(evaluate, 'section-calibration');
  await calibration.getByTestId('calibration-method').selectOption('isotonic');
  await expect(calibration.getByTestId('calibration-brier')).toContainText(/Brier score\s*0\.\d{4}\s*0\.\d{4}/);
  await expect(calibration.getByTestId('calibration-compare-plot')).toBeVisible();

  const learning = await openSection(evaluate, 'section-learning-curve');
  await learning.getByTestId('learning-curve-run').click();
  await expect(learning.getByTestId('learning-curve-table').locator('tbody tr')).toHaveCount(5, { timeout: 60_000 });
  await expect(learning.getByTestId('learning-curve-table')).toContainText(/100 %\)\s*[01]\.\d{4}\s*[01]\.\d{4}/);
  await expect(learning.getByTestId('learning-curve-plot')).toBeVisible();
  await evaluate.screenshot({ path: '/tmp/evaluate-panels.png' });
  await waitForSaved(page);

  await page.reload();
  await waitForImport(firstCellOfKind(page, 'data'));
  const reloaded = firstCellOfKind(page, 'evaluate');
  await expect(reloaded.getByTestId('metric-table')).toBeVisible({ timeout: 30_000 });
  const keptCurve = await openSection(reloaded, 'section-learning-curve');
  await expect(keptCurve.getByTestId('learning-curve-table').locator('tbody tr')).toHaveCount(5);
  const keptSlices = await openSection(reloaded, 'section-slices');
  await expect(keptSlices.getByTestId('slice-row')).toHaveCount(4);
  expect(pageErrors).toEqual([]);
});

test('penguins (multiclass): slices by a category, fairness for a chosen class, worst rows; no binary-only panels', async ({ page }) => {
  test.setTimeout(90_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await openSample(page, 'penguins');
  const problem = await addCellOfKind(page, 'Problem');
  await problem.getByRole('combobox', { name: 'Target column' }).selectOption('Species');
  await runSplit(await addCellOfKind(page, 'Split'));
  const train = await addCellOfKind(page, 'Train');
  await expect(train.getByTestId('family-gradient_boosting')).toBeChecked(); // takes the missing values as they are
  await setCrossValidate(train, false);
  await startTraining(train);
  await waitForLeaderboard(train, 1, 60_000);

  const evaluate = await addCellOfKind(page, 'Evaluate');
  await evaluate.getByTestId('evaluate-run').click();
  await expect(evaluate.getByTestId('metric-table')).toBeVisible({ timeout: 30_000 });
  await expect(evaluate.getByTestId('section-gain')).toHaveCount(0);
  await expect(evaluate.getByTestId('section-calibration')).toHaveCount(0);

  const slices = await openSection(evaluate, 'section-slices');
  await slices.getByTestId('slice-column').selectOption('Island');
  await expect(slices.getByTestId('slice-table').locator('tbody th')).toContainText(['Biscoe', 'Dream', 'Torgersen'], { useInnerText: true });

  const fairness = await openSection(evaluate, 'section-fairness');
  await fairness.getByTestId('fairness-column').selectOption('Sex');
  await fairness.getByTestId('fairness-class').selectOption({ label: 'Gentoo' });
  await expect(fairness.getByText(/Decisions: “Gentoo” against every other class/)).toBeVisible();
  await expect(fairness.getByTestId('fairness-notes')).toContainText('Equal opportunity difference');

  const worst = await openSection(evaluate, 'section-worst');
  await expect(worst.getByTestId('worst-row').or(worst.getByTestId('worst-empty')).first()).toBeVisible();
  expect(pageErrors).toEqual([]);
});
