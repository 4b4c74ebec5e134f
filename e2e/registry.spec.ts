// Journey: penguins sample → Problem (Species) → Split → Train logistic regression and gradient boosting → the
// Runs page lists both → Compare shows the parameter diff and both metrics → register each as "penguins-species"
// (v1, v2) → Models → the model: v1 to production, v2 to production (v1 archived), roll back to v1 (v1 production,
// v2 archived); the log holds every change → v1's model card shows its family and a typed intended use → reload
// keeps it all → v1's lineage (dataset → pipeline → run → version) → on the Runs page a tag and a note, a tag:
// search, Reproduce (every metric equal), an archived run hidden until "Show archived", all kept after a reload.
import { expect, test, type Page } from '@playwright/test';
import { addCellOfKind, changeStage, openSample, runSplit, trainFamilies, versionRow } from './support/studio';

const MODEL = 'penguins-species';

async function registerRow(page: Page, family: string): Promise<void> {
  const row = page.getByTestId('runs-row').and(page.locator(`[data-family="${family}"]`));
  await row.getByTestId('register-open').click();
  await row.getByTestId('register-name').fill(MODEL);
  await row.getByTestId('register-reason').fill(`${family} candidate`);
  await row.getByTestId('register-submit').click();
  await expect(row.getByTestId('runs-versions')).toContainText(MODEL);
}

async function expectStages(page: Page, stages: Record<number, string>): Promise<void> {
  for (const [version, stage] of Object.entries(stages)) await expect(versionRow(page, Number(version))).toHaveAttribute('data-stage', stage);
}

test('penguins: runs across notebooks, compare, register two versions, promote, roll back, model card, reload', async ({ page }) => {
  test.setTimeout(240_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await openSample(page, 'penguins');
  const problem = await addCellOfKind(page, 'Problem');
  await problem.getByRole('combobox', { name: 'Target column' }).selectOption('Species');
  await runSplit(await addCellOfKind(page, 'Split'));
  await trainFamilies(page, ['logistic_regression', 'gradient_boosting']);

  await page.getByRole('link', { name: 'Runs', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Runs' })).toBeVisible();
  await expect(page.getByTestId('runs-row')).toHaveCount(2);
  await page.getByTestId('runs-select').nth(0).check();
  await page.getByTestId('runs-select').nth(1).check();
  const compare = page.getByTestId('runs-compare');
  await expect(compare).toBeVisible();
  await expect(compare.locator('[data-testid="param-row"][data-differs="true"]').first()).toContainText('family');
  await expect(compare.getByTestId('compare-params')).toContainText('logistic_regression');
  await expect(compare.getByTestId('compare-params')).toContainText('gradient_boosting');
  const primary = compare.getByTestId('metric-row').first();
  await expect(primary.locator('td')).toHaveCount(4);
  await expect(primary.locator('td').nth(0)).toHaveText(/^\d\.\d{4}$/);
  await expect(primary.locator('td').nth(2)).toHaveText(/^\d\.\d{4}$/);

  await registerRow(page, 'logistic_regression');
  await registerRow(page, 'gradient_boosting');

  await page.getByRole('link', { name: 'Models' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Models' })).toBeVisible();
  await page.getByRole('link', { name: MODEL }).click();
  await expect(page.getByRole('heading', { level: 1, name: MODEL })).toBeVisible();
  await expectStages(page, { 1: 'none', 2: 'none' });
  await expect(versionRow(page, 1)).toContainText(/logistic regression/i);

  await changeStage(page, 1, versionRow(page, 1).locator('[data-testid="stage-action"][data-stage="production"]'), 'first approved model');
  await expectStages(page, { 1: 'production', 2: 'none' });
  await changeStage(page, 2, versionRow(page, 2).locator('[data-testid="stage-action"][data-stage="production"]'), 'boosting scores higher');
  await expectStages(page, { 1: 'archived', 2: 'production' });
  await changeStage(page, 1, versionRow(page, 1).getByTestId('rollback-action'), 'v2 misclassifies Chinstrap');
  await expectStages(page, { 1: 'production', 2: 'archived' });
  // 2 registrations, 2 promotions and the rollback; newest first.
  await expect(page.getByTestId('change-log-row')).toHaveCount(5);
  await expect(page.getByTestId('change-log-row').first()).toHaveAttribute('data-action', 'rollback');
  await expect(page.getByTestId('change-log-row').first()).toContainText('v2 misclassifies Chinstrap');

  await page.getByTestId('card-version').selectOption('1');
  await expect(page.getByTestId('model-card')).toContainText(/logistic/i);
  await page.getByTestId('card-intended-use').fill('Sorting penguin photos by species in the field guide.');
  await page.getByTestId('card-save').click();
  await expect(page.getByTestId('model-card')).toContainText('Sorting penguin photos by species in the field guide.');
  await expect(page.getByTestId('change-log-row')).toHaveCount(6);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: MODEL })).toBeVisible();
  await expectStages(page, { 1: 'production', 2: 'archived' });
  await expect(page.getByTestId('change-log-row')).toHaveCount(6);
  await page.getByTestId('card-version').selectOption('1');
  await expect(page.getByTestId('card-intended-use')).toHaveValue('Sorting penguin photos by species in the field guide.');
  await expect(page.getByTestId('model-card')).toContainText('Sorting penguin photos by species in the field guide.');

  // Lineage of v1: the penguins dataset (by hash) → its pipeline → the logistic regression run → v1 in production.
  const lineage = page.getByTestId('lineage-node');
  await expect(lineage.and(page.locator('[data-kind="dataset"]'))).toContainText('penguins');
  await expect(lineage.and(page.locator('[data-kind="dataset"]')).locator('code')).toHaveText(/^[0-9a-f]{12}$/);
  await expect(lineage.and(page.locator('[data-kind="pipeline"]')).locator('code')).toHaveText(/^[0-9a-f]{12}$/);
  await expect(lineage.and(page.locator('[data-kind="run"]'))).toContainText(/logistic regression/i);
  await expect(lineage.and(page.locator('[data-kind="version"]'))).toContainText(`${MODEL} v1`);

  // The Runs page: a tag and a note, found again by tag:; Reproduce retrains from the record; archive hides a run.
  await page.getByRole('link', { name: 'Runs' }).first().click();
  const logistic = page.getByTestId('runs-row').and(page.locator('[data-family="logistic_regression"]'));
  await logistic.getByTestId('runs-edit-notes').click();
  await page.getByTestId('runs-tags-input').fill('chosen, field-guide');
  await page.getByTestId('runs-note-input').fill('Simple and good enough.');
  await page.getByTestId('runs-notes-save').click();
  await expect(logistic.getByTestId('runs-tag')).toHaveText(['chosen', 'field-guide']);
  await expect(logistic.getByTestId('runs-note')).toHaveText('Simple and good enough.');
  await page.getByTestId('runs-search').fill('tag:chosen');
  await expect(page.getByTestId('runs-row')).toHaveCount(1);
  await page.getByTestId('runs-search').fill('');
  await logistic.getByTestId('runs-reproduce').click();
  await expect(page.getByTestId('runs-reproduce-result').locator('[data-outcome]')).toHaveText('Reproduced exactly: every metric equal.', { timeout: 60_000 });
  const boosting = page.getByTestId('runs-row').and(page.locator('[data-family="gradient_boosting"]'));
  await boosting.getByTestId('runs-archive').click();
  await expect(boosting).toHaveCount(0);
  await page.getByTestId('runs-show-archived').check();
  await expect(boosting).toContainText('archived');
  await page.reload();
  await expect(logistic.getByTestId('runs-tag')).toHaveText(['chosen', 'field-guide']);
  await expect(boosting).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});
