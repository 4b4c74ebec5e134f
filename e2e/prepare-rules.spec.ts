// Journey: Prepare steps that pick columns by rule. Breast cancer: "All numeric" on a scale step picks the 30
// measurements at that step, never the target, and one can be left out. Penguins: imputing every column with
// missing values highlights the filled cells in the preview, with a legend.
import { expect, test } from '@playwright/test';
import { addCellOfKind, addPipelineStep, fitPipeline, openSample, runSplit } from './support/studio';

test('breast cancer: a scale step on "All numeric" picks the 30 measurements, never the target', async ({ page }) => {
  test.setTimeout(120_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await openSample(page, 'breast-cancer');
  const problem = await addCellOfKind(page, 'Problem');
  await problem.getByRole('combobox', { name: 'Target column' }).selectOption('diagnosis');
  await runSplit(await addCellOfKind(page, 'Split'));
  const prepare = await addCellOfKind(page, 'Prepare');

  // Ticking: a step that reads any kind still does not offer the target.
  const drop = await addPipelineStep(prepare, 'drop');
  await expect(drop.getByRole('checkbox', { name: /^mean radius/ })).toBeVisible();
  await expect(drop.getByRole('checkbox', { name: /^diagnosis/ })).toHaveCount(0);
  await drop.getByRole('button', { name: 'Remove drop-1' }).click();

  const scale = await addPipelineStep(prepare, 'scale');
  await scale.getByRole('combobox', { name: 'Column rule of scale-1' }).selectOption({ label: 'All numeric' });
  await expect(scale.getByTestId('rule-resolved')).toHaveText('Picks 30 columns here — never the target, diagnosis.');
  await expect(scale.getByTestId('rule-column')).toHaveCount(30);
  await expect(scale.getByTestId('rule-column').filter({ hasText: 'diagnosis' })).toHaveCount(0);
  await expect(scale.getByTestId('step-summary')).toHaveText('Scale all numeric columns (standard)');
  // Leave one out: it moves to the struck-through chips and the step says so.
  await scale.getByRole('checkbox', { name: 'worst fractal dimension' }).uncheck();
  await expect(scale.getByTestId('rule-resolved')).toContainText('Picks 29 columns');
  await expect(scale.getByTestId('step-summary')).toHaveText('Scale all numeric columns except worst fractal dimension (standard)');

  await fitPipeline(prepare);
  await expect(scale.getByTestId('rule-column')).toHaveCount(29);
  await expect(scale.getByTestId('fitted-state')).toContainText('mean radius — offset: ');
  await expect(scale.getByTestId('fitted-state')).not.toContainText('worst fractal dimension');
  await expect(prepare.getByTestId('training-facts')).toContainText('× 31 columns for training');
  await page.screenshot({ path: test.info().outputPath('prepare-rule-scale.png'), fullPage: true });
  expect(pageErrors).toEqual([]);
});

test('penguins: impute every column with missing values, and the preview highlights the filled cells', async ({ page }) => {
  test.setTimeout(120_000);
  await openSample(page, 'penguins');
  const problem = await addCellOfKind(page, 'Problem');
  await problem.getByRole('combobox', { name: 'Target column' }).selectOption('Species');
  await runSplit(await addCellOfKind(page, 'Split'));
  const prepare = await addCellOfKind(page, 'Prepare');
  const impute = await addPipelineStep(prepare, 'impute');
  await impute.getByRole('combobox', { name: 'Strategy of impute-1' }).selectOption('most_frequent');
  await impute.getByRole('combobox', { name: 'Column rule of impute-1' }).selectOption({ label: 'With missing values' });
  await expect(impute.getByTestId('rule-column')).toHaveText(['Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)', 'Body Mass (g)', 'Sex']);

  await fitPipeline(prepare);
  const after = prepare.getByTestId('preview-after');
  await expect.poll(() => after.locator('[data-mark="imputed"]').count()).toBeGreaterThan(0);
  await expect(after.locator('[data-mark="imputed"]').first()).toHaveAttribute('title', 'filled in (was missing) by step impute-1');
  await expect(prepare.getByTestId('preview-legend')).toContainText('filled in (was missing):');
  await page.screenshot({ path: test.info().outputPath('prepare-rule-impute.png'), fullPage: true });
});
