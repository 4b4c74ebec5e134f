// Journey: sample → Problem (target chosen, task proposed) → Profile (alerts and plots) → reload keeps both;
// changing the data afterwards marks the profile stale.
import { expect, test, type Page } from '@playwright/test';
import { addCellOfKind, firstCellOfKind, openSample, runProfile, schemaTypeSelect, waitForImport, waitForSaved } from './support/studio';

async function expectProfileShown(page: Page): Promise<void> {
  const profile = firstCellOfKind(page, 'profile');
  await expect(profile.getByTestId('profile-report')).toBeVisible({ timeout: 30_000 });
  await expect(profile.getByTestId('profile-summary')).toContainText('344');
  // Penguins is clean by the alert thresholds (at most 3 % missing, no skew): the alerts section says so.
  await expect(profile.getByTestId('profile-alerts')).toHaveText('No alerts: nothing in this table needs attention before modelling.');
  await expect(profile.getByTestId('profile-target')).toContainText('multiclass');
  await expect(profile.locator('.js-plotly-plot').first()).toBeVisible({ timeout: 30_000 });
}

test('penguins: Problem proposes multiclass for Species, Profile shows alerts and plots, both survive a reload', async ({ page }) => {
  test.setTimeout(120_000);
  await openSample(page, 'penguins');

  const problem = await addCellOfKind(page, 'Problem');
  await problem.getByRole('combobox', { name: 'Target column' }).selectOption('Species');
  await expect(problem.getByRole('combobox', { name: 'Task' })).toHaveValue('multiclass');
  await expect(problem.getByTestId('task-reason')).toContainText('"Species" has 3 classes.');
  await expect(problem.getByRole('combobox', { name: 'Primary metric' })).toHaveValue('macro-f1');

  const profile = await addCellOfKind(page, 'Profile');
  await expect(profile).toContainText('Target: Species');
  await runProfile(profile);
  await expectProfileShown(page);
  await expect(profile.getByTestId('class-balance-plot')).toBeVisible();
  await expect(profile.getByTestId('scatter-plot')).toBeVisible();
  await profile.getByTestId('column-summary').first().click();
  await expect(profile.getByTestId('column-plot')).toBeVisible();
  await page.screenshot({ path: '/tmp/problem-profile.png', fullPage: true });
  await waitForSaved(page);

  await page.reload();
  await waitForImport(firstCellOfKind(page, 'data'));
  await expect(firstCellOfKind(page, 'problem').getByRole('combobox', { name: 'Target column' })).toHaveValue('Species');
  await expect(firstCellOfKind(page, 'problem').getByRole('combobox', { name: 'Task' })).toHaveValue('multiclass');
  await expectProfileShown(page);
  await expect(firstCellOfKind(page, 'profile').getByTestId('profile-stale')).toHaveCount(0);
  await page.screenshot({ path: '/tmp/problem-profile-reloaded.png', fullPage: true });

  await schemaTypeSelect(firstCellOfKind(page, 'data'), 'Body Mass (g)').selectOption('categorical');
  await expect(firstCellOfKind(page, 'profile').getByTestId('profile-stale')).toBeVisible();
  // "Run stale" re-runs what the change made stale, top to bottom.
  await expect(page.getByTestId('run-stale')).toHaveText('Run stale (1)');
  await page.getByTestId('run-stale').click();
  await expect(firstCellOfKind(page, 'profile').getByTestId('profile-stale')).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByTestId('run-stale')).toHaveCount(0);
});

test('seattle weather: an imbalanced target raises alerts with severity, evidence and a fix; HTML report downloads', async ({ page }) => {
  test.setTimeout(120_000);
  await openSample(page, 'seattle-weather');
  const problem = await addCellOfKind(page, 'Problem');
  await problem.getByRole('combobox', { name: 'Target column' }).selectOption('weather');
  const profile = await addCellOfKind(page, 'Profile');
  await runProfile(profile);
  const alerts = profile.getByTestId('alert');
  await expect(alerts.first()).toBeVisible();
  await expect(alerts.first()).toContainText('Evidence:');
  await expect(profile.getByTestId('profile-target')).toContainText('minority');
  await expect(profile.locator('.js-plotly-plot').first()).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: '/tmp/problem-profile-weather.png', fullPage: true });
  const [download] = await Promise.all([page.waitForEvent('download'), profile.getByTestId('download-profile-html').click()]);
  expect(download.suggestedFilename()).toBe('Seattle_weather-profile.html');
});

test('breast cancer: no wolf cries — skewed columns are one alert entry, expandable per column, whose fix adds one step over all of them', async ({ page }) => {
  test.setTimeout(120_000);
  await openSample(page, 'breast-cancer');
  const problem = await addCellOfKind(page, 'Problem');
  await problem.getByRole('combobox', { name: 'Target column' }).selectOption('diagnosis');
  const profile = await addCellOfKind(page, 'Profile');
  await runProfile(profile);
  // 569 clean rows: no leakage (the best single feature reaches AUC 0.976), 7 strongly skewed columns, one with many outliers.
  const alerts = profile.getByTestId('alert');
  await expect(alerts).toHaveCount(2);
  await expect(profile.locator('[data-testid="alert"][data-severity="critical"]')).toHaveCount(0);
  const skewed = alerts.filter({ hasText: 'Skewed: 7 columns' });
  await expect(skewed.locator('strong')).toHaveText('Skewed: 7 columns (radius error, perimeter error, area error, … and 4 more).');
  await skewed.getByText('Evidence for each of the 7').click();
  await expect(skewed.getByTestId('alert-group-evidence').locator('li')).toHaveCount(7);
  await expect(skewed.getByTestId('alert-group-evidence')).toContainText('"area error" is right-skewed (skewness 5.45).');
  await expect(alerts.filter({ hasText: 'worst area' })).toContainText('35 values of "worst area" (6.2 %) lie above 1937.05 (Q3 + 1.5 × IQR).');
  await profile.getByTestId('profile-alerts').screenshot({ path: `${test.info().outputDir}/profile-grouped-alerts.png` });
  await skewed.getByTestId('add-suggested-step').click();
  const prepare = firstCellOfKind(page, 'prepare');
  await expect(prepare.getByTestId('step-card')).toHaveCount(1);
  await expect(prepare.getByTestId('step-summary')).toHaveText('log(1 + x) of 7 columns');
});

test('a Problem cell with no Data cell above says so', async ({ page }) => {
  await openSample(page, 'penguins');
  const problem = await addCellOfKind(page, 'Problem');
  await problem.getByRole('button', { name: 'Move Problem cell up' }).click();
  await expect(firstCellOfKind(page, 'problem').getByTestId('problem-no-data')).toHaveText('Add a Data cell above this one: the target is chosen from its columns.');
});
