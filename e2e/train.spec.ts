// Journey: breast-cancer sample → Problem → Split (with CV folds) → Prepare (impute + scale) → Train gradient
// boosting with a live curve → Stop keeps the model → reload: the leaderboard is back and the stored model
// predicts the validation rows again with the stored metric → "Try all" fills the leaderboard with baselines.
// A second journey cancels one candidate (×) while the other finishes and is stored; a third trains a neural
// network (TensorFlow.js in the training worker), stops it from its live curve and predicts again after a reload.
import { expect, test, type Page } from '@playwright/test';
import { addCellOfKind, addPipelineStep, firstCellOfKind, fitPipeline, openSample, runSplit, startTraining, waitForImport, waitForLeaderboard, waitForSaved, prepareBreastCancer, setCrossValidate } from './support/studio';

test('breast cancer: train, watch the curve, stop, reload, predict again, try all', async ({ page }) => {
  test.setTimeout(240_000);
  const consoleErrors: string[] = [];
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await openSample(page, 'breast-cancer');
  const problem = await addCellOfKind(page, 'Problem');
  await problem.getByRole('combobox', { name: 'Target column' }).selectOption('diagnosis');
  const split = await addCellOfKind(page, 'Split');
  await split.getByRole('combobox', { name: 'Cross-validation' }).selectOption('stratified');
  await runSplit(split);
  const prepare = await addCellOfKind(page, 'Prepare');
  const impute = await addPipelineStep(prepare, 'impute');
  await impute.getByRole('checkbox', { name: /^mean radius/ }).check();
  const scale = await addPipelineStep(prepare, 'scale');
  await scale.getByRole('checkbox', { name: /^mean texture/ }).check();
  await fitPipeline(prepare);

  const train = await addCellOfKind(page, 'Train');
  await expect(train.getByTestId('family-gradient_boosting')).toBeChecked();
  // A 2,000-tree forest on every feature runs long enough to be stopped; boosting finishes first.
  await train.getByTestId('family-random_forest').check();
  const forestForm = train.locator('.family', { has: page.getByTestId('family-random_forest') });
  await forestForm.getByText('Hyperparameters').click();
  await forestForm.getByRole('spinbutton', { name: 'Trees' }).fill('2000');
  await forestForm.getByRole('spinbutton', { name: 'Trees' }).blur();
  await forestForm.getByRole('combobox', { name: 'Features per split' }).selectOption('all');
  await setCrossValidate(train, false);

  await startTraining(train);
  await expect(train.getByTestId('train-curve')).toBeVisible({ timeout: 30_000 });
  const forest = train.locator('[data-testid="live-candidate"][data-family="random_forest"]');
  await expect(forest).toContainText(/\d+ \/ 2000 trees/, { timeout: 30_000 });
  await page.screenshot({ path: '/tmp/h15-train-live.png' });
  await train.getByTestId('train-stop').click();
  await waitForLeaderboard(train, 2, 60_000);
  await expect(forest).toHaveAttribute('data-status', 'stopped');
  await expect(train.locator('[data-testid="live-candidate"][data-family="gradient_boosting"]')).toHaveAttribute('data-status', 'done');
  await expect(train.locator('[data-testid="leaderboard-row"][data-family="random_forest"]')).toContainText('stopped');
  await page.screenshot({ path: '/tmp/h15-train-stopped.png', fullPage: false });
  await waitForSaved(page);

  await page.reload();
  await waitForImport(firstCellOfKind(page, 'data'));
  const reloaded = firstCellOfKind(page, 'train');
  const row = reloaded.locator('[data-testid="leaderboard-row"][data-family="gradient_boosting"]');
  await expect(row).toBeVisible({ timeout: 30_000 });
  // The reload keeps the cell's status and the finished runs' rows with what each built.
  await expect(reloaded).toHaveAttribute('data-status', 'done');
  await expect(reloaded.locator('[data-testid="live-candidate"][data-family="random_forest"]')).toHaveAttribute('data-status', 'stopped');
  await expect(reloaded.locator('[data-testid="live-candidate"][data-family="gradient_boosting"] [data-testid="live-progress"]')).toHaveText(/^\d+ trees/);
  await expect(reloaded.getByTestId('train-run')).toBeEnabled({ timeout: 30_000 });
  await row.getByTestId('predict-validation').click();
  await expect(row.getByTestId('predict-check')).toContainText('equals the stored value', { timeout: 30_000 });

  await setCrossValidate(reloaded, true);
  await startTraining(reloaded, true);
  await waitForLeaderboard(reloaded, 4, 180_000);
  const baselines = reloaded.locator('[data-testid="leaderboard-row"].baseline');
  await expect(baselines).toHaveCount(2);
  await expect(reloaded.locator('[data-testid="leaderboard-row"][data-family="most_frequent"]')).toContainText('baseline');
  await expect(reloaded.getByTestId('leaderboard-cv-header')).toHaveText('CV ROC-AUC');
  await expect(reloaded.getByTestId('leaderboard-basis')).toContainText('Ranked by validation ROC-AUC (not every run was cross-validated)');
  await page.screenshot({ path: '/tmp/h15-train-try-all.png', fullPage: false });
  expect(consoleErrors).toEqual([]);
});

/** Breast cancer → Problem → Split → Prepare (impute) → a Train cell with boosting and a 2,000-tree forest, CV off. */
async function openTrainWithLongForest(page: Page) {
  await openSample(page, 'breast-cancer');
  const problem = await addCellOfKind(page, 'Problem');
  await problem.getByRole('combobox', { name: 'Target column' }).selectOption('diagnosis');
  await runSplit(await addCellOfKind(page, 'Split'));
  const prepare = await addCellOfKind(page, 'Prepare');
  const impute = await addPipelineStep(prepare, 'impute');
  await impute.getByRole('checkbox', { name: /^mean radius/ }).check();
  await fitPipeline(prepare);
  const train = await addCellOfKind(page, 'Train');
  await train.getByTestId('family-random_forest').check();
  const forestForm = train.locator('.family', { has: page.getByTestId('family-random_forest') });
  await forestForm.getByText('Hyperparameters').click();
  await forestForm.getByRole('spinbutton', { name: 'Trees' }).fill('2000');
  await forestForm.getByRole('spinbutton', { name: 'Trees' }).blur();
  await setCrossValidate(train, false);
  return train;
}

test('cancel one candidate: the forest ends at once, boosting finishes and is the only stored run', async ({ page }) => {
  test.setTimeout(90_000);
  const consoleErrors: string[] = [];
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  const train = await openTrainWithLongForest(page);
  await startTraining(train);
  const forest = train.locator('[data-testid="live-candidate"][data-family="random_forest"]');
  await expect(forest).toContainText(/\d+ \/ 2000 trees/, { timeout: 30_000 });
  await forest.getByTestId('candidate-cancel').click();
  await expect(forest).toHaveAttribute('data-status', 'cancelled');
  await waitForLeaderboard(train, 1, 60_000);
  await expect(train.locator('[data-testid="live-candidate"][data-family="gradient_boosting"]')).toHaveAttribute('data-status', 'done');
  await expect(train.getByTestId('leaderboard-row')).toHaveCount(1);
  await expect(train.locator('[data-testid="leaderboard-row"][data-family="gradient_boosting"]')).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('a neural network trains in the worker with a live loss curve, stops on request, and predicts again after a reload', async ({ page }) => {
  test.setTimeout(150_000);
  const consoleErrors: string[] = [];
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await prepareBreastCancer(page);
  const train = await addCellOfKind(page, 'Train');
  await train.getByTestId('family-gradient_boosting').uncheck();
  await train.getByTestId('family-neural_network').check();
  const form = train.locator('.family', { has: page.getByTestId('family-neural_network') });
  await form.getByText('Hyperparameters').click();
  await form.getByRole('spinbutton', { name: 'Epochs', exact: true }).fill('1000');
  await form.getByRole('spinbutton', { name: 'Epochs', exact: true }).blur();
  await form.getByRole('spinbutton', { name: /^Early-stopping patience/ }).fill('0');
  await form.getByRole('spinbutton', { name: /^Early-stopping patience/ }).blur();
  await setCrossValidate(train, false);

  await startTraining(train);
  const network = train.locator('[data-testid="live-candidate"][data-family="neural_network"]');
  await expect(network).toContainText(/\d+ \/ 1000 epochs/, { timeout: 60_000 });
  await expect(train.getByTestId('train-curve')).toBeVisible();
  await train.getByTestId('train-stop').click();
  await waitForLeaderboard(train, 1, 60_000);
  await expect(network).toHaveAttribute('data-status', 'stopped');
  const row = train.locator('[data-testid="leaderboard-row"][data-family="neural_network"]');
  await expect(row).toContainText('stopped');
  await expect(row).toContainText(/wasm|webgl|webgpu|cpu/);
  await waitForSaved(page);

  await page.reload();
  await waitForImport(firstCellOfKind(page, 'data'));
  const reloaded = firstCellOfKind(page, 'train').locator('[data-testid="leaderboard-row"][data-family="neural_network"]');
  await expect(reloaded).toBeVisible({ timeout: 30_000 });
  await reloaded.getByTestId('predict-validation').click();
  await expect(reloaded.getByTestId('predict-check')).toContainText('equals the stored value', { timeout: 60_000 });
  expect(consoleErrors).toEqual([]);
});
