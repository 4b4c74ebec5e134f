// Journey: breast-cancer sample → Problem → Split → Prepare → Train (gradient boosting) → Evaluate: validation
// metrics with an interval, the threshold slider moves the confusion matrix and precision live, the counted final
// evaluation on the test set increments "Test set used N times", and a reload keeps the evaluation and the count.
import { expect, test, type Locator } from '@playwright/test';
import { addCellOfKind, firstCellOfKind, waitForImport, waitForSaved, prepareBreastCancer, trainFamilies } from './support/studio';

async function readMatrix(cell: Locator): Promise<string[]> {
  return cell.getByTestId('confusion-matrix').locator('td').allTextContents();
}

test('breast cancer: evaluate a trained model, move the threshold, final evaluation counted, reload keeps it', async ({ page }) => {
  test.setTimeout(240_000);
  const consoleErrors: string[] = [];
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await prepareBreastCancer(page);
  await trainFamilies(page, ['gradient_boosting']);

  const evaluate = await addCellOfKind(page, 'Evaluate');
  await expect(evaluate.getByTestId('evaluate-run-select')).toContainText('(best)');
  await evaluate.getByTestId('evaluate-run').click();
  await expect(evaluate.getByTestId('metric-table')).toBeVisible({ timeout: 60_000 });
  await expect(evaluate.getByTestId('metric-table-primary')).toContainText(/ROC-AUC\s*0\.\d{4}\s*95 % interval 0\.\d{4} – [01]\.\d{4}/);
  await expect(evaluate.getByTestId('metric-brier')).toContainText(/0\.\d{4}/);
  await expect(evaluate.getByTestId('roc-plot')).toBeVisible();
  await expect(evaluate.getByTestId('test-use-count')).toHaveText('Test set used 0 times');
  await expect(evaluate.getByTestId('test-metric-table')).toHaveCount(0);

  const slider = evaluate.getByTestId('threshold-slider');
  const matrixBefore = await readMatrix(evaluate);
  const precisionBefore = await evaluate.getByTestId('op-precision').textContent();
  await slider.focus();
  await slider.press('Home'); // lowest threshold: every row predicted positive
  await expect.poll(() => readMatrix(evaluate)).not.toEqual(matrixBefore);
  await expect(evaluate.getByTestId('op-precision')).not.toHaveText(precisionBefore ?? '');
  const lowMatrix = await readMatrix(evaluate);
  // every row is predicted positive: the negative class's "predicted" column is empty
  expect([Number(lowMatrix[0]) + Number(lowMatrix[2]), Number(lowMatrix[1]) + Number(lowMatrix[3])]).toContain(0);
  const movedThreshold = await evaluate.getByTestId('threshold-value').textContent();
  await slider.press('ArrowRight');
  await slider.press('ArrowRight');
  await slider.dispatchEvent('change');
  await expect(evaluate.getByTestId('threshold-value')).not.toHaveText(movedThreshold ?? '');
  const keptThreshold = await evaluate.getByTestId('threshold-value').textContent();
  const keptMatrix = await readMatrix(evaluate);
  await evaluate.getByTestId('confusion-normalize').check();
  await expect(evaluate.getByTestId('confusion-0-0')).toContainText('.');
  await evaluate.getByTestId('confusion-normalize').uncheck();
  await page.screenshot({ path: '/tmp/h19-evaluate.png', fullPage: false });

  page.once('dialog', (dialog) => {
    expect(dialog.message()).toContain('This is counted');
    void dialog.accept();
  });
  await evaluate.getByTestId('final-evaluation').click();
  await expect(evaluate.getByTestId('test-use-count')).toHaveText('Test set used 1 time', { timeout: 30_000 });
  await expect(evaluate.getByTestId('test-metric-table')).toBeVisible();
  await evaluate.getByTestId('final-evaluation').scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/h19-evaluate-final.png', fullPage: false });
  await waitForSaved(page);

  await page.reload();
  await waitForImport(firstCellOfKind(page, 'data'));
  const reloaded = firstCellOfKind(page, 'evaluate');
  await expect(reloaded.getByTestId('metric-table')).toBeVisible({ timeout: 30_000 });
  await expect(reloaded.getByTestId('threshold-value')).toHaveText(keptThreshold ?? '');
  await expect.poll(() => readMatrix(reloaded)).toEqual(keptMatrix);
  await expect(reloaded.getByTestId('test-use-count')).toHaveText('Test set used 1 time', { timeout: 30_000 });
  await expect(reloaded.getByTestId('test-metric-table')).toBeVisible();
  expect(consoleErrors).toEqual([]);
});
