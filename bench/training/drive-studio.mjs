// Drives the built app the way a person does for the training bench: a new notebook, a CSV into its Data
// cell, Problem (target), Split, Profile, a Train cell's "Try all", Tune, Predict, then a reload of the notebook.
// Each verb waits until the page shows its result.

// How long one step may take before the suite fails naming it (TRAINING_BENCH_STEP_TIMEOUT_MS, default 30 min).
const LONG_MS = Number(process.env.TRAINING_BENCH_STEP_TIMEOUT_MS ?? 30 * 60_000);

async function addCell(page, kindTitle) {
  const cells = page.getByTestId('cell');
  const before = await cells.count();
  await page.getByRole('button', { name: '+ Add cell' }).last().click();
  await page.getByRole('list', { name: 'Cell kinds' }).getByRole('button', { name: new RegExp(`^${kindTitle}\\b`) }).click();
  await cells.nth(before).waitFor();
  return cells.nth(before);
}

/** Opens the app's Home and creates a notebook (it opens with one Data cell); returns that cell. */
export async function createNotebook(page, baseUrl) {
  await page.goto(`${baseUrl}/#/`);
  await page.getByRole('button', { name: 'New notebook' }).click();
  const data = page.locator('[data-testid="cell"][data-kind="data"]').first();
  await data.getByTestId('file-input').waitFor({ state: 'attached' });
  return data;
}

/** Gives the Data cell the CSV at `path` and waits until its summary shows. */
export async function importCsv(data, path) {
  await data.getByTestId('file-input').setInputFiles(path);
  await data.getByTestId('dataset-summary').waitFor({ timeout: LONG_MS });
}

/** Adds a Problem cell with `target` and a Split cell (defaults), runs the split and waits for its summary. */
export async function addProblemAndSplit(page, target) {
  const problem = await addCell(page, 'Problem');
  await problem.getByRole('combobox', { name: 'Target column' }).selectOption(target);
  const split = await addCell(page, 'Split');
  await split.getByTestId('split-run').click();
  await split.getByTestId('split-summary').waitFor({ timeout: LONG_MS });
}

/**
 * Adds a Prepare cell that makes every family applicable (mean-imputes age and income, fills region with its
 * most frequent level, one-hot encodes the three categoricals) and fits it.
 */
export async function addPrepare(page) {
  const prepare = await addCell(page, 'Prepare');
  const addStep = async (kind, columns) => {
    const cards = prepare.getByTestId('step-card');
    const before = await cards.count();
    await prepare.getByRole('combobox', { name: 'Add step' }).selectOption(kind);
    const card = cards.nth(before);
    for (const column of columns) await card.getByRole('checkbox', { name: new RegExp(`^${column}\\b`) }).check();
    return card;
  };
  await addStep('impute', ['age', 'income']);
  const fill = await addStep('impute', ['region']);
  await fill.getByRole('combobox', { name: /^Strategy of / }).selectOption('most_frequent');
  await addStep('one_hot', ['region', 'plan', 'device']);
  await prepare.getByTestId('prepare-run').click();
  await prepare.getByTestId('pipeline-preview').waitFor({ timeout: LONG_MS });
}

/** Adds a Train cell (its defaults: cross-validation on, seed 42) without training. */
export function addTrainCell(page) {
  return addCell(page, 'Train');
}

/** Presses "Try all" and waits until the press ends; returns each candidate's family, status and error. */
export async function tryAll(train) {
  await train.getByTestId('train-try-all').click();
  await train.getByTestId('live-candidates').waitFor();
  await train.getByTestId('train-run').filter({ hasText: /^Train$/ }).waitFor({ timeout: LONG_MS });
  return train.getByTestId('live-candidate').evaluateAll((rows) => rows.map((row) => ({
    family: row.dataset.family, status: row.dataset.status, error: row.querySelector('[data-testid="candidate-error"]')?.textContent ?? null,
  })));
}

/** Reloads the page and waits until the Train cell's leaderboard shows `rows` rows again. */
export async function reloadNotebook(page, rows) {
  await page.reload();
  const train = page.locator('[data-testid="cell"][data-kind="train"]').first();
  const leaderboardRows = train.getByTestId('leaderboard-row');
  if (rows > 0) await leaderboardRows.nth(rows - 1).waitFor({ timeout: LONG_MS });
  await train.getByTestId('train-try-all').waitFor();
  return leaderboardRows.count();
}

/** Adds a Profile cell, presses its Run and waits until the report shows. */
export async function runProfileCell(page) {
  const profile = await addCell(page, 'Profile');
  await profile.getByTestId('profile-run').click();
  await profile.getByTestId('profile-report').waitFor({ timeout: LONG_MS });
}

/**
 * Adds a Tune cell: random search of gradient boosting (the Tune cell's default family) with `trials` trials of
 * 50 rounds and 31 leaves, validation objective; presses Run and waits for the summary. Returns the trial rows.
 */
export async function runTuneCell(page, trials) {
  const tune = await addCell(page, 'Tune');
  await tune.getByTestId('tune-strategy').selectOption('random');
  for (const [name, value] of [['maxIter', '50'], ['maxLeafNodes', '31']]) {
    await tune.getByRole('combobox', { name: `How to search ${name}` }).selectOption('fixed');
    const box = tune.getByRole('textbox', { name: `${name} value` });
    await box.fill(value);
    await box.press('Tab');
  }
  await tune.getByTestId('tune-objective').selectOption('validation');
  await tune.getByTestId('tune-trials').fill(String(trials));
  await tune.getByTestId('tune-trials').press('Tab');
  await tune.getByTestId('tune-run').click();
  await tune.getByTestId('tune-summary').waitFor({ timeout: LONG_MS });
  return tune.getByTestId('tune-trial-row').count();
}

/** Adds a Predict cell (its defaults: the best run, the validation rows), presses Predict; returns the summary. */
export async function runPredictCell(page) {
  const predict = await addCell(page, 'Predict');
  await predict.getByTestId('predict-run').click();
  const summary = predict.getByTestId('predict-summary');
  await summary.waitFor({ timeout: LONG_MS });
  return summary.textContent();
}
