// Journey: sample → Problem → Split (stratified) → Prepare (impute, encode, scale, derived column) → preview;
// a reload keeps every step and its fitted state. Bad input: an expression error points at its position, a
// column dropped upstream names the step, and a temporal split that leaves a class out of training is an error.
import { expect, test } from '@playwright/test';
import { addCellOfKind, addPipelineStep, cellAt, createNotebook, fitPipeline, firstCellOfKind, openSample, runProfile, runSplit, uploadCsv, waitForImport, waitForSaved } from './support/studio';

test('penguins: stratified split, a four-step pipeline fitted on training rows, kept across a reload', async ({ page }) => {
  test.setTimeout(120_000);
  const consoleErrors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await openSample(page, 'penguins');
  const problem = await addCellOfKind(page, 'Problem');
  await problem.getByRole('combobox', { name: 'Target column' }).selectOption('Species');

  const split = await addCellOfKind(page, 'Split');
  await expect(split.getByRole('combobox', { name: 'Split strategy' }).locator('option:checked')).toHaveText('Auto (stratified)');
  await expect(split.getByTestId('test-lock')).toHaveText('Test set: locked · used for final evaluation 0 times');
  await split.getByRole('spinbutton', { name: 'Train percent' }).fill('80');
  await expect(split.getByTestId('split-fraction-error')).toContainText('add up to 100 (now 110)');
  await split.getByRole('spinbutton', { name: 'Train percent' }).fill('70');
  await expect(split.getByTestId('split-fraction-error')).toHaveCount(0);
  await split.getByRole('combobox', { name: 'Cross-validation' }).selectOption('stratified');
  await runSplit(split);
  // Stratified: 70 % of each class, rounded per class (106 + 48 + 87 = 241 of 344).
  await expect(split.getByTestId('split-part-train')).toContainText('train24170.1 %Adelie 106Chinstrap 48Gentoo 87');
  await expect(split.getByTestId('split-part-test')).toContainText('Gentoo');
  await expect(split.getByTestId('split-folds')).toContainText('5 folds over the training part');
  await expect(split.getByTestId('split-error')).toHaveCount(0);

  const prepare = await addCellOfKind(page, 'Prepare');
  const impute = await addPipelineStep(prepare, 'impute');
  await impute.getByRole('checkbox', { name: /^Beak Length \(mm\)/ }).check();
  await impute.getByRole('checkbox', { name: /^Sex/ }).check();
  await impute.getByRole('combobox', { name: 'Strategy of impute-1' }).selectOption('most_frequent');
  const encode = await addPipelineStep(prepare, 'one_hot');
  await encode.getByRole('checkbox', { name: /^Island/ }).check();
  await encode.getByRole('checkbox', { name: /^Sex/ }).check();
  const scale = await addPipelineStep(prepare, 'scale');
  await scale.getByRole('checkbox', { name: /^Flipper Length \(mm\)/ }).check();
  // Columns offered after one-hot are the encoded ones: Island itself is gone there.
  await expect(scale.getByRole('checkbox', { name: 'Island=Biscoe numeric' })).toBeVisible();
  await expect(scale.getByRole('checkbox', { name: 'Island categorical' })).toHaveCount(0);
  const derive = await addPipelineStep(prepare, 'derive');
  await derive.getByRole('textbox', { name: 'New column of derive-1' }).fill('beak_ratio');
  await derive.getByRole('textbox', { name: 'Expression of derive-1' }).fill('[Beak Length (mm)] / [Beak Depth (mm)]');
  await expect(prepare.getByTestId('step-error')).toHaveCount(0);

  await fitPipeline(prepare);
  await expect(impute.getByTestId('fitted-state')).toContainText('Beak Length (mm) — fill: ');
  await expect(encode.getByTestId('fitted-state')).toContainText('frequent: [Biscoe, Dream, Torgersen]');
  await expect(scale.getByTestId('fitted-state')).toContainText('Flipper Length (mm) — offset: ');
  await expect(prepare.getByTestId('training-facts')).toContainText('Fitted on 241 training rows');
  // 7 columns − Island − Sex + 3 islands + 2 sexes + beak_ratio
  await expect(prepare.getByTestId('training-facts')).toContainText('241 rows × 11 columns for training');
  await expect(prepare.getByTestId('preview-after').getByRole('columnheader', { name: /Island=Biscoe/ })).toBeVisible();
  await page.screenshot({ path: '/tmp/split-prepare.png', fullPage: true });
  await waitForSaved(page);

  await page.reload();
  await waitForImport(firstCellOfKind(page, 'data'));
  const reloaded = firstCellOfKind(page, 'prepare');
  await expect(reloaded.getByTestId('step-card')).toHaveCount(4);
  await expect(reloaded.getByTestId('fitted-state')).toHaveCount(3);
  await expect(reloaded.getByTestId('fitted-state').first()).toContainText('Beak Length (mm) — fill: ');
  await expect(reloaded.getByTestId('pipeline-preview')).toBeVisible();
  await expect(firstCellOfKind(page, 'split').getByTestId('split-summary')).toBeVisible();
  await expect(reloaded.getByTestId('prepare-stale')).toHaveCount(0);
  await page.screenshot({ path: '/tmp/split-prepare-reloaded.png', fullPage: true });

  // Editing a step afterwards makes the saved fit stale.
  await reloaded.getByRole('combobox', { name: 'Method of scale-1' }).selectOption('robust');
  await expect(reloaded.getByTestId('prepare-stale')).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('bad input: an expression error shows its position, a column dropped upstream names the step', async ({ page }) => {
  test.setTimeout(90_000);
  await openSample(page, 'penguins');
  const split = await addCellOfKind(page, 'Split');
  await runSplit(split);
  const prepare = await addCellOfKind(page, 'Prepare');
  const filter = await addPipelineStep(prepare, 'filter');
  await filter.getByRole('textbox', { name: 'Keep rows where of filter-1' }).fill('[Body Mass (g)] > > 3000');
  const error = filter.getByTestId('step-error');
  await expect(error).toContainText("Step 'filter-1' (filter):");
  await expect(error).toContainText('at position 19');
  await expect(error).toContainText('^');
  await expect(prepare.getByTestId('prepare-run')).toBeDisabled();
  await filter.getByRole('textbox', { name: 'Keep rows where of filter-1' }).fill('[Body Mass (g)] > 3000');
  await expect(error).toHaveCount(0);

  const encode = await addPipelineStep(prepare, 'ordinal');
  await encode.getByRole('checkbox', { name: /^Island/ }).check();
  const drop = await addPipelineStep(prepare, 'drop');
  await drop.getByRole('checkbox', { name: /^Island/ }).check();
  await drop.getByRole('button', { name: 'Move drop-1 up' }).click();
  const ordinal = prepare.locator('[data-step-kind="ordinal"]');
  // The drop step now sees Island as it is before the ordinal encoding: categorical.
  await expect(prepare.locator('[data-step-kind="drop"]').getByRole('checkbox', { name: 'Island categorical' })).toBeChecked();
  await expect(ordinal.getByTestId('step-error')).toContainText("Step 'ordinal-1' (ordinal): column 'Island' is not in the table at this point");
  await page.screenshot({ path: '/tmp/split-prepare-errors.png', fullPage: true });
});

test('a temporal split that leaves a class out of training is an error in the cell', async ({ page }) => {
  await createNotebook(page);
  const data = cellAt(page, 0, 'data');
  await uploadCsv(data, 'late-class.csv');
  await waitForImport(data);
  const problem = await addCellOfKind(page, 'Problem');
  await problem.getByRole('combobox', { name: 'Target column' }).selectOption('label');
  const split = await addCellOfKind(page, 'Split');
  await split.getByRole('combobox', { name: 'Split strategy' }).selectOption('temporal');
  await split.getByRole('combobox', { name: 'Time column' }).selectOption('day');
  await runSplit(split);
  await expect(split.getByTestId('split-error')).toHaveText("Class 'late' appears in validation/test but not in training: a model cannot learn it. Use a stratified split or merge the class.");
  await expect(split.getByTestId('split-part-train')).toContainText('2024-01-01');
  await page.screenshot({ path: '/tmp/split-temporal-error.png', fullPage: true });
});

test('a Profile alert adds its suggested step to a new Prepare cell right below the Profile', async ({ page }) => {
  test.setTimeout(90_000);
  await openSample(page, 'seattle-weather');
  const profile = await addCellOfKind(page, 'Profile');
  await runProfile(profile);
  const alert = profile.getByTestId('alert').filter({ has: page.getByTestId('add-suggested-step') }).first();
  const columns = (await alert.locator('strong').first().textContent()) ?? '';
  await alert.getByTestId('add-suggested-step').click();
  await expect(alert.getByTestId('add-suggested-step')).toHaveText('Step added to Prepare');
  const cells = page.getByTestId('cell');
  await expect(cells.nth(2)).toHaveAttribute('data-kind', 'prepare');
  await expect(cells.nth(2).getByTestId('step-card')).toHaveCount(1);
  await expect(cells.nth(2).getByTestId('step-summary')).toContainText(columns);
  await expect(cells.nth(2).getByTestId('prepare-no-split')).toBeVisible();
  await page.screenshot({ path: '/tmp/split-prepare-suggested.png', fullPage: true });
});
