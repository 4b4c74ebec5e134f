// Journey: a generated 50,000-row table (10 mixed columns, missing values, seeded) → Problem → Split → Prepare
// (impute, one-hot, so every family trains) → "Try all" → reload. Every main-thread long task is recorded and
// attached to the test's output; the page must finish, keep every run after a reload, and never freeze for a
// second (a generous bound: `npm run bench -- training` holds the real target, ≤ 200 ms).
import { expect, test } from '@playwright/test';
import { formatTrainingCsv } from '../bench/lib/generate-training-csv.mjs';
import { readPageClock, summarizeLongTasks, watchLongTasks } from './support/long-tasks';
import { addCellOfKind, addPipelineStep, cellAt, createNotebook, firstCellOfKind, fitPipeline, runSplit, startTraining, uploadCsv, waitForImport, waitForLeaderboard, waitForSaved } from './support/studio';

const ROWS = 50_000;
const FREEZE_BOUND_MS = 1000;

test('Try all on 50,000 rows and the reload after it never hold the main thread for a second', async ({ page }, testInfo) => {
  test.setTimeout(15 * 60_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await watchLongTasks(page);
  await createNotebook(page, 'Long tasks');
  const data = cellAt(page, 0, 'data');
  await uploadCsv(data, { name: 'churn-50000.csv', buffer: Buffer.from(formatTrainingCsv({ rows: ROWS, seed: 11 })) });
  await waitForImport(data);
  await expect(data.getByTestId('dataset-summary')).toContainText('50,000 rows × 10 columns');

  const problem = await addCellOfKind(page, 'Problem');
  await problem.getByRole('combobox', { name: 'Target column' }).selectOption('churned');
  await runSplit(await addCellOfKind(page, 'Split'));
  const prepare = await addCellOfKind(page, 'Prepare');
  const impute = await addPipelineStep(prepare, 'impute');
  for (const column of [/^age\b/, /^income\b/]) await impute.getByRole('checkbox', { name: column }).check();
  const fill = await addPipelineStep(prepare, 'impute');
  await fill.getByRole('checkbox', { name: /^region\b/ }).check();
  await fill.getByRole('combobox', { name: /^Strategy of / }).selectOption('most_frequent');
  const encode = await addPipelineStep(prepare, 'one_hot');
  for (const column of [/^region\b/, /^plan\b/, /^device\b/]) await encode.getByRole('checkbox', { name: column }).check();
  await fitPipeline(prepare);

  const train = await addCellOfKind(page, 'Train');
  const startMs = await readPageClock(page);
  await startTraining(train, true);
  await waitForLeaderboard(train, 9, 12 * 60_000);
  const training = await summarizeLongTasks(page, startMs, await readPageClock(page));
  const statuses = await train.getByTestId('live-candidate').evaluateAll((rows) => rows.map((row) => `${row.getAttribute('data-family')}:${row.getAttribute('data-status')}`));
  expect(statuses.filter((s) => !s.endsWith(':done'))).toEqual([]);
  await waitForSaved(page);

  await page.reload();
  await waitForImport(firstCellOfKind(page, 'data'));
  const reloaded = firstCellOfKind(page, 'train');
  await expect(reloaded.getByTestId('leaderboard-row')).toHaveCount(9, { timeout: 60_000 });
  const reload = await summarizeLongTasks(page, 0, await readPageClock(page));

  const numbers = { rows: ROWS, candidates: statuses, training, reload };
  await testInfo.attach('long-tasks.json', { body: JSON.stringify(numbers, null, 2), contentType: 'application/json' });
  console.log(`long tasks — Try all: longest ${training.longestMs} ms, ${training.over50} over 50 ms, ${training.over200} over 200 ms; reload: longest ${reload.longestMs} ms`);
  expect({ training: training.longestMs < FREEZE_BOUND_MS, reload: reload.longestMs < FREEZE_BOUND_MS, pageErrors }).toEqual({ training: true, reload: true, pageErrors: [] });
});
