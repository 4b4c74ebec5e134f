// Journey: penguins → Train gradient boosting → register it as "penguins-species" v1 in production → a new Data cell
// with a deliberately drifted batch (flippers 30 mm shorter, 1.5 kg heavier, labels kept) → Monitor: alerts on those
// features, the overlaid distributions, the report downloads → Retrain on the batch: the gate decides → promote after
// confirmation → the Models page shows v2 in production → roll back to v1.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { buildDriftedPenguins } from './support/files';
import { addCell, addCellOfKind, changeStage, registerInProduction, trainPenguinsSpecies, uploadCsv, versionRow, waitForImport } from './support/studio';

const MODEL = 'penguins-species';
test('penguins: register → monitor a drifted batch → alerts → retrain → gate → promote → roll back', async ({ page }) => {
  test.setTimeout(300_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const train = await trainPenguinsSpecies(page);
  await registerInProduction(page, train, MODEL);
  const batch = await addCell(page, 'Data');
  await uploadCsv(batch, { name: 'penguins-next-season.csv', buffer: Buffer.from(buildDriftedPenguins()) });
  await waitForImport(batch);
  const monitor = await addCellOfKind(page, 'Monitor');
  await monitor.getByTestId('monitor-model').selectOption(MODEL);
  await monitor.getByTestId('monitor-run').click();
  await expect(monitor.getByTestId('monitor-status')).toHaveAttribute('data-status', 'alert', { timeout: 60_000 });
  await expect(monitor.getByTestId('monitor-alerts')).toContainText('Flipper Length (mm)');
  await expect(monitor.getByTestId('monitor-alerts')).toContainText('Body Mass (g)');
  await expect(monitor.locator('[data-testid="monitor-feature"][data-column="Island"] .badge')).toHaveText('ok');
  await expect(monitor.getByTestId('monitor-performance')).toBeVisible();
  await expect(monitor.getByTestId('monitor-binning')).toContainText('quantiles');
  await expect(monitor.getByTestId('monitor-overlay')).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), monitor.getByTestId('monitor-download-html').click()]);
  const html = readFileSync((await download.path())!, 'utf8');
  expect(html).toContain('Flipper Length (mm)');
  expect(html).not.toMatch(/<script|<link|\ssrc=|\shref=/); // self-contained: nothing loads from elsewhere

  const retrain = await addCellOfKind(page, 'Retrain');
  await retrain.getByTestId('retrain-delta').fill('0.01');
  await retrain.getByTestId('retrain-delta').press('Tab');
  await retrain.getByTestId('retrain-run').click();
  await expect(retrain.getByTestId('retrain-gate')).toBeVisible({ timeout: 120_000 });
  await expect(retrain.getByTestId('retrain-gate')).toHaveAttribute('data-passed', 'true');
  await expect(retrain.getByTestId('retrain-reasons')).toContainText('δ');
  await expect(retrain.getByTestId('retrain-registered')).toContainText(`${MODEL} v2 (none)`);
  await retrain.getByTestId('retrain-reason').fill('new season: flippers measured differently');
  await retrain.getByTestId('retrain-confirm').click();
  await expect(retrain.getByTestId('retrain-registered')).toContainText(`${MODEL} v2 (production)`);

  await retrain.getByRole('link', { name: `${MODEL} v2` }).click();
  await expect(page.getByRole('heading', { level: 1, name: MODEL })).toBeVisible();
  await expect(versionRow(page, 2)).toHaveAttribute('data-stage', 'production');
  await expect(versionRow(page, 1)).toHaveAttribute('data-stage', 'archived');
  await changeStage(page, 1, versionRow(page, 1).getByTestId('rollback-action'), 'v2 needs more checks');
  await expect(versionRow(page, 1)).toHaveAttribute('data-stage', 'production');
  await expect(versionRow(page, 2)).toHaveAttribute('data-stage', 'archived');
  expect(errors).toEqual([]);
});
