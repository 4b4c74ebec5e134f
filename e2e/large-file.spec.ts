// Journey: a CSV imported streamed (forced with the Data cell's checkbox, so a small file does): every row stored in
// chunks, the notice with the approximation bounds, the Profile cell's figures over every row from the sketches
// (approximate ones marked ≈) beside the sample's report, and the same after a reload.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { addCellOfKind, cellAt, createNotebook, runProfile, runSplit, startTraining, uploadCsv, waitForImport, waitForLeaderboard, waitForSaved } from './support/studio';

/** 5,000 rows: a number with gaps, a 4-level category, a yes/no flag. */
function makeCsv(): Buffer {
  const lines = ['amount,group,flag'];
  for (let i = 0; i < 5_000; i++) lines.push(`${i % 10 === 0 ? '' : ((i * 37) % 1000) / 10},g${i % 4},${i % 3 === 0 ? 'yes' : 'no'}`);
  return Buffer.from(lines.join('\n'));
}

/** A new notebook whose Data cell imports makeCsv() with streaming forced; returns the Data cell. */
async function importStreamed(page: Page): Promise<Locator> {
  await createNotebook(page);
  const data = cellAt(page, 0);
  await data.getByTestId('import-streamed').check();
  await uploadCsv(data, { name: 'big.csv', buffer: makeCsv() });
  await waitForImport(data);
  return data;
}

function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

test('a CSV imported streamed shows the notice and the profile figures from its sketches, after a reload too', async ({ page }) => {
  test.setTimeout(120_000);
  const pageErrors = watchPageErrors(page);
  const data = await importStreamed(page);
  const notice = data.getByTestId('streamed-notice');
  await expect(notice).toContainText('Large file: 5,000 rows stored in chunks');
  await expect(notice).toContainText('distinct counts approximate (±0.81 %)');
  await expect(notice).toContainText('a sample of 5,000 rows');

  const profile = await addCellOfKind(page, 'Profile');
  const stats = profile.getByTestId('streamed-stats');
  await expect(stats).toContainText('Every row (5,000), from one-pass sketches');
  await expect(stats.getByRole('row', { name: /amount/ })).toContainText('500 (10.0 %)'); // missing: every 10th row
  await expect(stats.getByRole('row', { name: /amount/ })).toContainText('≈');
  await expect(stats.getByRole('row', { name: /group/ })).toContainText('g0 (1,250)');
  await expect(profile.getByTestId('streamed-legend')).toContainText('uniform sample of 5,000 rows');
  await runProfile(profile);
  await expect(profile.getByTestId('profile-sampled')).toContainText('A uniform sample of 5,000 of 5,000 rows');

  await waitForSaved(page);
  await page.reload();
  await expect(cellAt(page, 0).getByTestId('streamed-notice')).toContainText('Large file: 5,000 rows');
  await expect(page.getByTestId('streamed-stats')).toContainText('Every row (5,000)');
  expect(pageErrors).toEqual([]);
});

test('a model trains on every row of a streamed dataset, and the leaderboard says so', async ({ page }) => {
  test.setTimeout(180_000);
  const pageErrors = watchPageErrors(page);
  await importStreamed(page);
  const problem = await addCellOfKind(page, 'Problem');
  await problem.getByRole('combobox', { name: 'Target column' }).selectOption('flag');
  await runSplit(await addCellOfKind(page, 'Split'));
  const train = await addCellOfKind(page, 'Train');
  await train.getByTestId('family-gradient_boosting').uncheck();
  await train.getByTestId('family-logistic_regression').check();
  await expect(train.getByTestId('train-rows-sample')).toBeChecked();
  await train.getByTestId('train-rows-streamed').check();
  await startTraining(train);
  await waitForLeaderboard(train, 1);
  await expect(train.getByTestId('run-rows-used')).toContainText('every row, streamed: trained on');
  expect(pageErrors).toEqual([]);
});
