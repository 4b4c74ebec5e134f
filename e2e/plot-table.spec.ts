// Journey: a plot's "Data table" toggle (Evaluate's ROC curve on the binary-classification example) shows the
// figure's data as a table with one row per point of the curve and the axes as headers, 200 rows at most until
// "Show all"; the toggle says whether it is pressed. The plot itself redraws in the dark theme's colours.
import { expect, test, type Locator } from '@playwright/test';
import { firstCellOfKind, openHome } from './support/studio';

/** The number of points plotly holds for trace `index` of the plot in `box` (the graph div keeps its data). */
function countPoints(box: Locator, index: number): Promise<number> {
  return box.evaluate((div, i) => ((div as unknown as { data: { x: ArrayLike<number> }[] }).data[i].x.length), index);
}

test('ROC curve: the data table toggle shows the curve’s points with its axes as headers; the plot follows the theme', async ({ page }) => {
  test.setTimeout(240_000);
  await page.emulateMedia({ colorScheme: 'light' });
  await openHome(page);
  await page.getByTestId('new-from-template').selectOption('breast-cancer');
  await expect(firstCellOfKind(page, 'data').getByTestId('dataset-summary')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('run-all').click();
  const evaluate = firstCellOfKind(page, 'evaluate');
  await expect(evaluate.getByTestId('metric-table')).toBeVisible({ timeout: 180_000 });

  const plot = evaluate.getByTestId('roc-plot');
  await expect(plot.locator('.main-svg').first()).toBeVisible();
  const toggle = evaluate.getByRole('button', { name: 'Data table of ROC curve' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(evaluate.getByTestId('roc-plot-table')).toHaveCount(0);
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');

  // Traces: the chance diagonal (a guide, left out), the ROC curve, the operating point.
  const points = await countPoints(plot, 1);
  const table = evaluate.getByTestId('roc-plot-table');
  await expect(table.locator('caption')).toHaveText(`ROC curve — ${points.toLocaleString('en-US')} rows`);
  await expect(table.locator('thead th')).toHaveText(['ROC · False-positive rate', 'ROC · True-positive rate (recall)', 'threshold · False-positive rate', 'threshold · True-positive rate (recall)']);
  await expect(table.locator('tbody tr')).toHaveCount(Math.min(points, 200));
  await expect(table.locator('tbody tr').first().locator('td')).toHaveText(['0', '0', /^0(\.\d+)?$/, /^0?\.?\d+$/]);
  if (points > 200) {
    await evaluate.getByTestId('roc-plot-table-more').click();
    await expect(table.locator('tbody tr')).toHaveCount(points);
  }

  // The plot redraws in the dark theme: its tick labels take the dark theme's muted text colour.
  const tickFill = () => plot.locator('.xtick text').first().evaluate((text) => getComputedStyle(text).fill);
  const lightFill = await tickFill();
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  await expect.poll(tickFill).toBe('rgb(166, 174, 192)'); // --muted in dark
  expect(lightFill).toBe('rgb(91, 100, 117)'); // --muted in light

  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(evaluate.getByTestId('roc-plot-table')).toHaveCount(0);
});
