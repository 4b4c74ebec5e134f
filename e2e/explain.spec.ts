// Journey: breast-cancer sample → Problem → Split → Prepare (every numeric column standardised) → Train (gradient
// boosting, CV off) → Explain: permutation importance bars, the SHAP bar, beeswarm and one row's waterfall with its
// additivity check — labelled with the row's raw values from the CSV, not the standardised ones — partial
// dependence plots in original units; a reload shows the saved explanation again without explaining anew.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { addCellOfKind, addPipelineStep, firstCellOfKind, fitPipeline, waitForImport, waitForSaved, prepareBreastCancer, trainFamilies } from './support/studio';

/** The sample's cell at 1-based data row `row` (the app's "row N of the dataset") and column `name`, as a number. */
function readSampleNumber(row: number, name: string): number {
  const lines = readFileSync(new URL('../public/samples/breast-cancer.csv', import.meta.url), 'utf8').trim().split('\n');
  return Number(lines[row].split(',')[lines[0].split(',').indexOf(name)]);
}

test('breast cancer: explain a trained gradient-boosting model, and a reload keeps the explanation', async ({ page }) => {
  test.setTimeout(240_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const { prepare } = await prepareBreastCancer(page);
  const scale = await addPipelineStep(prepare, 'scale');
  await scale.getByRole('combobox', { name: 'Column rule of scale-1' }).selectOption({ label: 'All numeric' });
  await fitPipeline(prepare);
  await trainFamilies(page, ['gradient_boosting']);

  const explain = await addCellOfKind(page, 'Explain');
  await expect(explain.getByTestId('explain-run-select')).toContainText('(best)');
  await explain.getByTestId('explain-run').click();
  await expect(explain.getByTestId('explain-importance')).toBeVisible({ timeout: 90_000 });
  await expect(explain.getByTestId('cell-error')).toHaveCount(0);
  const bars = explain.getByTestId('explain-importance-plot').locator('.bars .point');
  await expect.poll(() => bars.count()).toBeGreaterThanOrEqual(5);
  await expect(explain.getByTestId('explain-shap-method')).toContainText('exact TreeSHAP');
  await expect(explain.getByTestId('explain-shap-bar')).toBeVisible();
  await expect(explain.getByTestId('explain-beeswarm')).toBeVisible();
  await expect(explain.getByTestId('explain-waterfall')).toBeVisible();
  await expect(explain.getByTestId('explain-additivity')).toContainText('✓');
  await expect(explain.getByTestId('explain-pdp-plot')).toHaveCount(3);
  await explain.getByTestId('explain-importance-table-toggle').check();
  // A long list is capped (25 of 30 features) until "Show all" is pressed.
  await expect(explain.getByTestId('explain-importance-table').locator('tbody tr')).toHaveCount(25);
  await explain.getByTestId('explain-importance').getByRole('button', { name: 'Show all 30 features (5 more)' }).click();
  await expect(explain.getByTestId('explain-importance-table').locator('tbody tr')).toHaveCount(30);
  await explain.getByTestId('explain-row-select').selectOption({ index: 3 });
  const additivity = await explain.getByTestId('explain-additivity').textContent();
  // The waterfall's bars read the dataset row's raw cells; the standardised value is only in the hover/title.
  const datasetRow = Number(/row (\d+) of the dataset/.exec((await explain.getByTestId('explain-row-select').locator('option:checked').textContent()) ?? '')?.[1]);
  const labels = (await explain.getByTestId('explain-waterfall').locator('.ytick text').allTextContents()).filter((label) => label.includes(' = '));
  expect(labels).toHaveLength(10);
  for (const label of labels) {
    const [feature, shown] = label.split(' = ');
    expect(Number(shown), label).toBeCloseTo(readSampleNumber(datasetRow, feature), 9);
  }
  await explain.getByTestId('explain-row-values').locator('summary').click();
  const first = explain.getByTestId('explain-row-values').locator('td').first();
  const top = (await first.textContent()) ?? '';
  expect(labels).toContain(top);
  const transformed = Number(/after the pipeline: (.*)/.exec((await first.getAttribute('title')) ?? '')?.[1]);
  expect(Math.abs(transformed - Number(top.split(' = ')[1]))).toBeGreaterThan(1e-3);
  await expect(explain.getByTestId('explain-pdp-plot').first().locator('.xtitle')).toContainText('(original units)');
  await expect(explain).not.toContainText('NaN');
  await explain.screenshot({ path: test.info().outputPath('explain-cell.png') });
  await waitForSaved(page);

  await page.reload();
  await waitForImport(firstCellOfKind(page, 'data'));
  const reloaded = firstCellOfKind(page, 'explain');
  await expect(reloaded.getByTestId('explain-importance')).toBeVisible({ timeout: 30_000 });
  await expect(reloaded.getByTestId('explain-waterfall')).toBeVisible();
  await expect(reloaded.getByTestId('explain-additivity')).toHaveText(additivity ?? '');
  await expect(reloaded.getByTestId('explain-progress')).toHaveCount(0);
  // Other settings than the saved explanation's: outdated, and "Run stale" explains again.
  await reloaded.getByRole('spinbutton', { name: 'Top features' }).fill('2');
  await reloaded.getByRole('spinbutton', { name: 'Top features' }).blur();
  await expect(reloaded.getByTestId('explain-outdated')).toBeVisible();
  await page.getByTestId('run-stale').click();
  await expect(reloaded.getByTestId('explain-outdated')).toHaveCount(0, { timeout: 60_000 });
  await expect(reloaded.getByTestId('explain-pdp-plot')).toHaveCount(2);
  expect(pageErrors).toEqual([]);
});
