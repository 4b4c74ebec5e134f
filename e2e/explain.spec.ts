// Journey: breast-cancer sample → Problem → Split → Prepare → Train (gradient boosting, CV off) → Explain:
// permutation importance bars, the SHAP bar, beeswarm and one row's waterfall with its additivity check, partial
// dependence plots; a reload shows the saved explanation again without explaining anew.
import { expect, test } from '@playwright/test';
import { addCellOfKind, firstCellOfKind, waitForImport, waitForSaved, prepareBreastCancer, trainFamilies } from './support/studio';

test('breast cancer: explain a trained gradient-boosting model, and a reload keeps the explanation', async ({ page }) => {
  test.setTimeout(240_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await prepareBreastCancer(page);
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
  await expect(explain.getByTestId('explain-importance-table').locator('tbody tr')).toHaveCount(30);
  await explain.getByTestId('explain-row-select').selectOption({ index: 3 });
  const additivity = await explain.getByTestId('explain-additivity').textContent();
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
