// Journeys: axe (WCAG 2.0/2.1 A and AA rules) finds no serious or critical violation, in the light and the dark theme,
// on Home, on a breast-cancer notebook with every main cell run (Problem, Split, Prepare, Profile, Train, Evaluate,
// Explain, Tune), on a penguins notebook with the other cell kinds (Compare, Predict, Export, Note, Monitor, Retrain),
// and on the Runs and Models pages; each page has one h1. A failure lists each violation's rule, impact, target
// selectors and summary, so it says what to fix; moderate and minor findings (axe's best-practice rules included)
// are printed and attached, not failed on. Tabbing through the first cells' controls shows a focus outline at every
// stop. Full-page screenshots of each scan are attached (light and dark) to look at.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { buildDriftedPenguins } from './support/files';
import { addCell, addCellOfKind, firstCellOfKind, fitPipeline, openHome, prepareBreastCancer, registerInProduction, runProfile, trainFamilies, trainPenguinsSpecies, uploadCsv, waitForImport } from './support/studio';

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;
type Violation = AxeResults['violations'][number];

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe on the whole page with the WCAG A/AA rules and the best-practice ones (reported only). */
async function scanPage(page: Page): Promise<Violation[]> {
  const results = await new AxeBuilder({ page }).withTags([...WCAG_TAGS, 'best-practice']).analyze();
  return results.violations;
}

/** A serious or critical violation of a WCAG A/AA rule: what the journey fails on. */
function isBlocking(violation: Violation): boolean {
  return (violation.impact === 'serious' || violation.impact === 'critical') && violation.tags.some((tag) => WCAG_TAGS.includes(tag));
}

/** One line per offending node: "[page] rule (impact) target — summary". */
function describeViolations(where: string, violations: Violation[]): string[] {
  return violations.flatMap((violation) =>
    violation.nodes.map((node) => `[${where}] ${violation.id} (${violation.impact}) ${node.target.join(' ')} — ${node.failureSummary?.replace(/\s+/g, ' ') ?? violation.help}`),
  );
}

/** Presses Tab `stops` times from the focused element; returns the stops that show no outline ("tag name"). */
async function listUnmarkedTabStops(page: Page, stops: number): Promise<string[]> {
  const unmarked: string[] = [];
  for (let i = 0; i < stops; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body) return null;
      const style = getComputedStyle(element);
      const marked = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
      return marked ? null : `${element.tagName.toLowerCase()} "${element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 30)}"`;
    });
    if (stop) unmarked.push(stop);
  }
  return unmarked;
}

/** Picks a theme in the header's toggle and waits until the page shows it. */
async function chooseTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.getByRole('combobox', { name: 'Theme' }).selectOption(theme);
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

/** Scans the page as it is now under `where`, saves a full-page screenshot beside the report, returns the blocking lines. */
async function scanAndShoot(page: Page, where: string): Promise<string[]> {
  const found = collectBlocking(where, await scanPage(page));
  await page.screenshot({ path: test.info().outputPath(`${where}.png`), fullPage: true });
  return found;
}

/** The blocking findings as lines; the others are printed and attached to the report. */
function collectBlocking(where: string, violations: Violation[]): string[] {
  const others = describeViolations(where, violations.filter((violation) => !isBlocking(violation)));
  if (others.length > 0) {
    test.info().annotations.push({ type: `axe, not blocking (${where})`, description: others.join('\n') });
    console.log(`axe, not blocking (${where}):\n${others.join('\n')}`);
  }
  return describeViolations(where, violations.filter(isBlocking));
}

test('axe finds no serious or critical violation on Home or on a notebook with every main cell run, light and dark', async ({ page }) => {
  test.setTimeout(360_000);
  await page.emulateMedia({ colorScheme: 'light' });
  await openHome(page);
  await expect(page.getByTestId('sample-breast-cancer')).toBeVisible();
  await expect.soft(page.getByRole('heading', { level: 1 })).toHaveText('ML Studio');
  const found = await scanAndShoot(page, 'home');

  const { prepare } = await prepareBreastCancer(page);
  // Impute every numeric column: the step's fitted state (30 lines) then scrolls in its own box.
  await prepare.getByRole('combobox', { name: 'Column rule of impute-1' }).selectOption({ label: 'All numeric' });
  await fitPipeline(prepare);
  await expect(prepare.getByTestId('fitted-state').locator('li')).toHaveCount(30);
  await runProfile(await addCellOfKind(page, 'Profile'));
  await trainFamilies(page, ['gradient_boosting']);
  const evaluate = await addCellOfKind(page, 'Evaluate');
  await evaluate.getByTestId('evaluate-run').click();
  await expect(evaluate.getByTestId('metric-table')).toBeVisible({ timeout: 60_000 });
  // The worst predictions (20 rows, every column) scroll in a box of their own.
  await evaluate.getByTestId('section-worst').locator('summary').click();
  await expect(evaluate.getByTestId('worst-row').first()).toBeVisible();
  const explain = await addCellOfKind(page, 'Explain');
  await explain.getByTestId('explain-run').click();
  await expect(explain.getByTestId('explain-importance')).toBeVisible({ timeout: 90_000 });
  await expect(explain.getByTestId('explain-waterfall')).toBeVisible();
  await expect(firstCellOfKind(page, 'evaluate').getByTestId('roc-plot')).toBeVisible();
  // A Tune cell with its space editor, trials table and plots.
  const tune = await addCellOfKind(page, 'Tune');
  await tune.getByTestId('tune-family').selectOption('decision_tree');
  await tune.getByTestId('tune-strategy').selectOption('random');
  await tune.getByTestId('tune-trials').fill('3');
  await tune.getByTestId('tune-trials').press('Tab');
  await tune.getByTestId('tune-run').click();
  await expect(tune.getByTestId('tune-trial-row')).toHaveCount(3, { timeout: 90_000 });
  const title = await page.getByRole('textbox', { name: 'Notebook title' }).inputValue();
  await expect.soft(page.getByRole('heading', { level: 1 })).toHaveText(title);
  found.push(...(await scanAndShoot(page, 'notebook')));
  // Keyboard: from the title through the Data, Problem, Split and Prepare cells' controls, focus is always drawn.
  await page.getByRole('textbox', { name: 'Notebook title' }).focus();
  expect.soft(await listUnmarkedTabStops(page, 150)).toEqual([]);

  // The same notebook and Home in the dark theme (plots redraw in its colours).
  await chooseTheme(page, 'dark');
  await expect(firstCellOfKind(page, 'evaluate').getByTestId('roc-plot')).toBeVisible();
  found.push(...(await scanAndShoot(page, 'notebook-dark')));
  await openHome(page);
  found.push(...(await scanAndShoot(page, 'home-dark')));

  expect(found, `axe: ${found.length} serious/critical nodes\n${found.join('\n')}`).toHaveLength(0);
});

const MODEL = 'penguins-species';

test('axe finds no serious or critical violation on the other cell kinds (Code included) and on the Runs and Models pages, light and dark', async ({ page }) => {
  test.setTimeout(480_000);
  await page.emulateMedia({ colorScheme: 'light' });
  const train = await trainPenguinsSpecies(page, ['gradient_boosting', 'logistic_regression']);
  const notebookUrl = page.url();
  // Register the best run and put it in production, so Monitor and Retrain have a model to read.
  await registerInProduction(page, train, MODEL);

  const compare = await addCellOfKind(page, 'Compare');
  await compare.getByTestId('compare-run').click();
  await expect(compare.getByTestId('compare-verdict')).toBeVisible({ timeout: 60_000 });
  const predict = await addCellOfKind(page, 'Predict');
  await predict.getByTestId('predict-run').click();
  await expect(predict.getByTestId('predict-summary')).toBeVisible({ timeout: 60_000 });
  const exportCell = await addCellOfKind(page, 'Export');
  await exportCell.getByTestId('export-name').fill(MODEL);
  await exportCell.getByTestId('export-name').blur();
  await exportCell.getByTestId('export-run').click();
  await expect(exportCell.getByTestId('export-summary')).toBeVisible({ timeout: 120_000 });
  const note = await addCell(page, 'Note');
  await note.getByRole('textbox', { name: 'Note text (markdown)' }).fill('# Findings\n\nThe **batch** drifted: `Flipper Length (mm)` is *30 mm* shorter.\n\n- one\n- [a link](https://example.org)');
  await note.getByRole('button', { name: 'Preview' }).click();
  const batch = await addCell(page, 'Data');
  await uploadCsv(batch, { name: 'penguins-next-season.csv', buffer: Buffer.from(buildDriftedPenguins()) });
  await waitForImport(batch);
  const monitor = await addCellOfKind(page, 'Monitor');
  await monitor.getByTestId('monitor-model').selectOption(MODEL);
  await monitor.getByTestId('monitor-run').click();
  await expect(monitor.getByTestId('monitor-status')).toHaveAttribute('data-status', 'alert', { timeout: 60_000 });
  const retrain = await addCellOfKind(page, 'Retrain');
  await retrain.getByTestId('retrain-run').click();
  await expect(retrain.getByTestId('retrain-gate')).toBeVisible({ timeout: 120_000 });
  // A Code cell with its editor, console and a returned table (the default source: the rows without missing values).
  const code = await addCellOfKind(page, 'Code');
  await code.getByTestId('code-source').fill('console.log(input.rowCount);\nreturn input.rows().filter((row) => Object.values(row).every((value) => value !== null));');
  await code.getByTestId('code-run').click();
  await expect(code.getByTestId('code-table-summary')).toBeVisible({ timeout: 60_000 });
  await expect(code.getByTestId('code-console')).toContainText(/\d+/);
  await expect(page.getByTestId('cell-error')).toHaveCount(0);

  const found = await scanAndShoot(page, 'notebook-more');
  await chooseTheme(page, 'dark');
  found.push(...(await scanAndShoot(page, 'notebook-more-dark')));
  for (const [route, where] of [['#/runs', 'runs'], ['#/models', 'models'], [`#/models/${MODEL}`, 'model']] as const) {
    await page.goto(`${new URL(notebookUrl).origin}/${route}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByTestId(where === 'runs' ? 'runs-table' : where === 'models' ? 'models-table' : 'model-version-row').first()).toBeVisible();
    await chooseTheme(page, 'light');
    found.push(...(await scanAndShoot(page, where)));
    await chooseTheme(page, 'dark');
    found.push(...(await scanAndShoot(page, `${where}-dark`)));
  }
  expect(found, `axe: ${found.length} serious/critical nodes\n${found.join('\n')}`).toHaveLength(0);
});
