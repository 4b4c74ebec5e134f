// Journey: penguins sample → Problem → Split → Train (gradient boosting) → register the run as "penguins-species"
// on the Runs page → Home → Export workspace → a new, empty browser context → Import workspace → the notebook is
// listed and opens with its run on the leaderboard, and the model page shows v1 in production with the same log.
import { expect, test } from '@playwright/test';
import { openHome, trainPenguinsSpecies } from './support/studio';

const MODEL = 'penguins-species';

test('workspace: export everything, import it into an empty browser, notebook, runs and model intact', async ({ page, browser }) => {
  test.setTimeout(240_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await trainPenguinsSpecies(page, ['gradient_boosting']);

  await page.getByRole('link', { name: 'Runs', exact: true }).click();
  const row = page.getByTestId('runs-row').and(page.locator('[data-family="gradient_boosting"]'));
  await row.getByTestId('register-open').click();
  await row.getByTestId('register-name').fill(MODEL);
  await row.getByTestId('register-submit').click();
  await expect(row.getByTestId('runs-versions')).toContainText(MODEL);
  // v1 to production, so the registry carries a stage and two logged changes across.
  await page.goto(`/#/models/${MODEL}`);
  const v1 = page.locator('[data-testid="model-version-row"][data-version="1"]');
  await v1.locator('[data-testid="stage-action"][data-stage="production"]').click();
  await v1.getByTestId('reason-input').fill('first approved model');
  await v1.getByTestId('confirm-action').click();
  await expect(v1).toHaveAttribute('data-stage', 'production');
  await expect(page.getByTestId('change-log-row')).toHaveCount(2);

  await openHome(page);
  await expect(page.getByTestId('workspace-summary')).toContainText('Datasets');
  const download = page.waitForEvent('download');
  await page.getByTestId('workspace-export').click();
  const saved = await download;
  expect(saved.suggestedFilename()).toMatch(/^ml-studio-workspace-\d{4}-\d{2}-\d{2}\.zip$/);
  const zipPath = await saved.path();

  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const fresh = await context.newPage();
  fresh.on('pageerror', (error) => pageErrors.push(error.message));
  await openHome(fresh);
  await expect(fresh.getByTestId('notebook-item')).toHaveCount(0);
  await fresh.getByTestId('workspace-import-input').setInputFiles(zipPath);
  await expect(fresh.getByTestId('workspace-import-result')).toContainText(/added 1 dataset, 1 notebook, \d+ cell outputs, 1 run, 1 fitted model, 1 model, 1 model version, 2 registry changes\./);
  await expect(fresh.getByTestId('notebook-item')).toHaveCount(1);

  await fresh.getByTestId('notebook-item').getByRole('link').click();
  const train = fresh.locator('[data-testid="cell"][data-kind="train"]');
  await expect(train.getByTestId('leaderboard-row')).toHaveCount(1);
  await expect(train.getByTestId('leaderboard-row')).toHaveAttribute('data-family', 'gradient_boosting');

  await fresh.goto(`/#/models/${MODEL}`);
  await expect(fresh.getByRole('heading', { level: 1, name: MODEL })).toBeVisible();
  await expect(fresh.locator('[data-testid="model-version-row"][data-version="1"]')).toHaveAttribute('data-stage', 'production');
  await expect(fresh.getByTestId('change-log-row')).toHaveCount(2);
  await expect(fresh.getByTestId('change-log-row').first()).toContainText('first approved model');

  // Importing the same file again adds nothing: every record is already there, identical.
  await openHome(fresh);
  await fresh.getByTestId('workspace-import-input').setInputFiles(zipPath);
  await expect(fresh.getByTestId('workspace-import-result')).toContainText('added nothing; already here: 1 dataset, 1 notebook');
  await expect(fresh.getByTestId('notebook-item')).toHaveCount(1);
  await context.close();
  expect(pageErrors).toEqual([]);
});
