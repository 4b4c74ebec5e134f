// Journeys of the Tune cell on the penguins sample: a Bayesian search of gradient boosting for a few trials → the
// trials table and the history plot → "Use best" records a final run that Evaluate picks first → a reload keeps it
// all; and the automatic mode ("Find the best model") for 20 s.
import { expect, test } from '@playwright/test';
import { addCellOfKind, openSample, runSplit, waitForSaved } from './support/studio';

async function penguinsSpecies(page: import('@playwright/test').Page): Promise<void> {
  await openSample(page, 'penguins');
  const problem = await addCellOfKind(page, 'Problem');
  await problem.getByRole('combobox', { name: 'Target column' }).selectOption('Species');
  await runSplit(await addCellOfKind(page, 'Split'));
}

test('penguins: Bayesian search of gradient boosting → trials and history → use best → Evaluate picks the final run → reload keeps it', async ({ page }) => {
  test.setTimeout(300_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await penguinsSpecies(page);
  const tune = await addCellOfKind(page, 'Tune');
  await expect(tune.getByTestId('tune-family')).toHaveValue('gradient_boosting');
  await expect(tune.getByTestId('tune-space-row').filter({ hasText: 'learningRate' })).toBeVisible();
  // A contradictory range is refused before anything runs, naming the parameter.
  await tune.getByRole('spinbutton', { name: 'learningRate from' }).fill('0.5');
  await tune.getByRole('spinbutton', { name: 'learningRate from' }).press('Tab');
  await expect(tune.getByTestId('tune-space-error')).toContainText('learningRate');
  await expect(tune.getByTestId('tune-run')).toBeDisabled();
  await tune.getByTestId('tune-space-reset').click();
  await expect(tune.getByTestId('tune-space-error')).toHaveCount(0);

  await tune.getByTestId('tune-strategy').selectOption('bayes');
  await tune.getByTestId('tune-trials').fill('4');
  await tune.getByTestId('tune-trials').press('Tab');
  await tune.getByTestId('tune-run').click();
  await expect(tune.getByTestId('tune-progress')).toBeVisible();
  await expect(tune.getByTestId('tune-trial-row')).toHaveCount(4, { timeout: 180_000 });
  await expect(tune.getByTestId('tune-summary')).toContainText('4 trials');
  await expect(tune.getByTestId('tune-best')).toContainText(/ROC-AUC|Accuracy|Log loss|F1/);
  await expect(tune.getByTestId('tune-history')).toBeVisible();
  await expect(tune.getByTestId('tune-history').locator('.main-svg').first()).toBeVisible({ timeout: 30_000 });

  await tune.getByTestId('tune-use-best').click();
  await expect(tune.getByTestId('tune-final')).toContainText('Final model', { timeout: 120_000 });
  await expect(tune.getByTestId('tune-trial-row')).toHaveCount(4); // the search was not run again

  const evaluate = await addCellOfKind(page, 'Evaluate');
  const picked = evaluate.getByTestId('evaluate-run-select');
  await expect(picked.locator('option:checked')).toContainText('Gradient boosting');
  await waitForSaved(page);

  await page.reload();
  const reloaded = page.locator('[data-testid="cell"][data-kind="tune"]');
  await expect(reloaded.getByTestId('tune-trial-row')).toHaveCount(4, { timeout: 30_000 });
  await expect(reloaded.getByTestId('tune-final')).toBeVisible();
  expect(errors).toEqual([]);
});

test('penguins: the automatic mode finds a model within 20 s and records every trial as a run', async ({ page }) => {
  test.setTimeout(240_000);
  await penguinsSpecies(page);
  const tune = await addCellOfKind(page, 'Tune');
  await tune.getByTestId('tune-mode-auto').check();
  await tune.getByTestId('tune-budget').fill('20');
  await tune.getByTestId('tune-budget').press('Tab');
  await tune.getByTestId('tune-run').click();
  await expect(tune.getByTestId('tune-progress')).toContainText(/left/);
  await expect(tune.getByTestId('tune-summary')).toBeVisible({ timeout: 120_000 });
  const rows = tune.getByTestId('tune-trial-row');
  expect(await rows.count()).toBeGreaterThanOrEqual(4);
  const families = new Set(await rows.locator('td:nth-child(2)').allTextContents());
  expect(families.size).toBeGreaterThanOrEqual(3);
  await expect(tune.getByTestId('tune-best')).toBeVisible();
});
