// Journey: cars sample → Problem (Weight_in_lbs) → Split → Prepare (impute Miles_per_Gallon and Horsepower, one-hot
// Origin with every dummy) → Train linear regression, the mean baseline and a network given 2 epochs at a learning rate far too large:
// the linear run trains (minimum-norm solution) with a "collinear features" warning naming the dummies, the network
// is flagged as worse than the baseline, both in the leaderboard and in Evaluate; one-hot "Drop" = first then gives
// a linear run without a warning.
import { expect, test } from '@playwright/test';
import { addCellOfKind, addPipelineStep, fitPipeline, openSample, runSplit, startTraining, waitForLeaderboard, setCrossValidate } from './support/studio';

test('cars: collinear one-hot and a worse-than-baseline network are flagged in the leaderboard and Evaluate; drop = first clears it', async ({ page }) => {
  test.setTimeout(180_000);
  const consoleErrors: string[] = [];
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await openSample(page, 'cars');
  const problem = await addCellOfKind(page, 'Problem');
  await problem.getByRole('combobox', { name: 'Target column' }).selectOption('Weight_in_lbs');
  await runSplit(await addCellOfKind(page, 'Split'));
  const prepare = await addCellOfKind(page, 'Prepare');
  const impute = await addPipelineStep(prepare, 'impute');
  await impute.getByRole('checkbox', { name: /^Miles_per_Gallon/ }).check();
  await impute.getByRole('checkbox', { name: /^Horsepower/ }).check();
  const oneHot = await addPipelineStep(prepare, 'one_hot');
  await oneHot.getByRole('checkbox', { name: /^Origin/ }).check();
  await expect(oneHot.getByRole('combobox', { name: /^Drop of/ })).toHaveValue('none');
  await fitPipeline(prepare);

  const train = await addCellOfKind(page, 'Train');
  await train.getByTestId('family-gradient_boosting').uncheck();
  for (const family of ['linear_regression', 'mean', 'neural_network']) await train.getByTestId(`family-${family}`).check();
  const network = train.locator('.family', { has: page.getByTestId('family-neural_network') });
  await network.getByText('Hyperparameters').click();
  await expect(network.getByRole('spinbutton', { name: 'Batch size' })).toHaveAttribute('placeholder', 'auto');
  await expect(network.getByRole('spinbutton', { name: 'Batch size' })).toHaveValue('');
  await network.getByRole('spinbutton', { name: 'Epochs', exact: true }).fill('2');
  await network.getByRole('spinbutton', { name: 'Epochs', exact: true }).blur();
  await network.getByRole('spinbutton', { name: 'Learning rate' }).fill('1');
  await network.getByRole('spinbutton', { name: 'Learning rate' }).blur();
  await setCrossValidate(train, false);
  await startTraining(train);
  await waitForLeaderboard(train, 3, 120_000);

  const row = (family: string) => train.locator(`[data-testid="leaderboard-row"][data-family="${family}"]`);
  const linearWarning = row('linear_regression').getByTestId('run-warning');
  await expect(linearWarning).toHaveAttribute('data-codes', 'collinear');
  await linearWarning.locator('summary').click();
  await expect(linearWarning).toContainText('Features "Origin=Europe", "Origin=Japan", "Origin=USA" are collinear');
  await expect(row('neural_network').getByTestId('run-warning')).toHaveAttribute('data-codes', /worse-than-baseline/);
  await expect(row('mean').getByTestId('run-warning')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('leaderboard-warnings.png') });

  const evaluate = await addCellOfKind(page, 'Evaluate');
  const linearOption = evaluate.getByTestId('evaluate-run-select').locator('option', { hasText: 'Linear regression' });
  await evaluate.getByTestId('evaluate-run-select').selectOption((await linearOption.getAttribute('value')) ?? '');
  await evaluate.getByTestId('evaluate-run').click();
  await expect(evaluate.getByTestId('metric-table')).toBeVisible({ timeout: 60_000 });
  await expect(evaluate.getByTestId('run-warning')).toContainText('the minimum-norm least-squares solution was used');

  await oneHot.getByRole('combobox', { name: /^Drop of/ }).selectOption('first');
  await fitPipeline(prepare);
  await row('linear_regression').getByRole('button', { name: /^Delete run/ }).click();
  await expect(row('linear_regression')).toHaveCount(0);
  await train.getByTestId('family-mean').uncheck();
  await train.getByTestId('family-neural_network').uncheck();
  await startTraining(train);
  await waitForLeaderboard(train, 3, 60_000);
  await expect(row('linear_regression')).toHaveCount(1);
  await expect(row('linear_regression').getByTestId('run-warning')).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});
