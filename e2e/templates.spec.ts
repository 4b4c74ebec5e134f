// Journeys: Home → "From a template…" → Clustering → Run all → k-means on the leaderboard with a silhouette, PCA's
// projection; Home → Monitoring → the file's model is registered on import → Run all → the Monitor cell's drift table,
// every feature ok and no alert (the batch is the sample the model learned from), so Retrain keeps the champion;
// Home → Blank → an empty notebook.
import { expect, test, type Page } from '@playwright/test';
import { firstCellOfKind, openHome, waitForImport } from './support/studio';

const FEATURES = ['Island', 'Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)', 'Body Mass (g)', 'Sex'];

/** From Home, starts a notebook from the template with this id and waits for its Data cell's sample. */
async function openTemplate(page: Page, id: string, name: string, toast?: string): Promise<void> {
  await openHome(page);
  await page.getByTestId('new-from-template').selectOption(id);
  if (toast) await expect(page.getByTestId('toasts')).toContainText(toast); // info toasts leave after 6 s
  await expect(page.getByRole('textbox', { name: 'Notebook title' })).toHaveValue(name);
  await waitForImport(firstCellOfKind(page, 'data'));
}

test('the clustering template: Run all ranks k-means by silhouette and draws the PCA projection', async ({ page }) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await openTemplate(page, 'penguins-clustering', 'Palmer penguins: clustering');
  await expect(page.getByTestId('cell')).toHaveCount(7);
  await expect(firstCellOfKind(page, 'note')).toContainText('Pick k (elbow)');
  await page.getByTestId('run-all').click();
  const train = firstCellOfKind(page, 'train');
  await expect(train.locator('[data-testid="leaderboard-row"][data-family="pca"]')).toBeVisible({ timeout: 120_000 });
  await expect(train.getByTestId('leaderboard')).toContainText('Silhouette');
  await expect(train.locator('[data-testid="leaderboard-row"][data-family="kmeans"]')).toContainText(/0\.\d{4}/);
  await expect(train.getByTestId('pca-projection')).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('[data-testid="cell"][data-status="error"]')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('the monitoring template: importing registers penguins-species v1; Run all shows the drift table with no alert', async ({ page }) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await openTemplate(page, 'penguins-monitoring', 'Palmer penguins: monitoring', 'Registered "penguins-species" from the file: v1 production.');
  await expect(page.getByTestId('cell')).toHaveCount(4);
  await page.getByTestId('run-all').click();
  const monitor = firstCellOfKind(page, 'monitor');
  await expect(monitor.getByTestId('monitor-drift-table')).toBeVisible({ timeout: 60_000 });
  await expect(monitor.getByTestId('monitor-status')).not.toHaveAttribute('data-status', 'alert');
  await expect(monitor.getByTestId('monitor-status')).toContainText('batch (344 rows) against penguins-species v1 (production, Logistic regression)');
  await expect(monitor.getByTestId('monitor-alerts')).toHaveCount(0);
  for (const column of FEATURES) await expect(monitor.locator(`[data-testid="monitor-feature"][data-column="${column}"] .badge`)).toHaveText('ok');
  await expect(monitor.getByTestId('monitor-performance')).toBeVisible(); // the sample has Species: the batch is scored
  await expect(firstCellOfKind(page, 'retrain').getByTestId('retrain-skipped')).toContainText('raised no alert on this batch, so the champion stays');
  await expect(page.locator('[data-testid="cell"][data-status="error"]')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('the blank template: an empty notebook with one Data cell, as "New notebook" makes', async ({ page }) => {
  await openHome(page);
  await page.getByTestId('new-from-template').selectOption('blank');
  await expect(page.getByRole('textbox', { name: 'Notebook title' })).toHaveValue('Untitled notebook');
  await expect(page.getByTestId('cell')).toHaveCount(1);
  await expect(firstCellOfKind(page, 'data').getByTestId('file-input')).toBeAttached();
});
