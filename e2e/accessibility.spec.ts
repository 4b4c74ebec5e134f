// Journey: axe (WCAG 2.0/2.1 A and AA rules) on Home and on a breast-cancer notebook with every main cell run —
// Problem, Split, Prepare, Profile, Train, Evaluate, Explain, Tune — finds no serious or critical violation, and each page
// has one h1. A failure lists each violation's rule, impact, target selectors and summary, so it says what to fix;
// moderate and minor findings (axe's best-practice rules included) are printed and attached, not failed on. Tabbing
// through the first cells' controls shows a focus outline at every stop.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { addCellOfKind, firstCellOfKind, fitPipeline, openHome, prepareBreastCancer, runProfile, trainFamilies } from './support/studio';

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

/** The blocking findings as lines; the others are printed and attached to the report. */
function collectBlocking(where: string, violations: Violation[]): string[] {
  const others = describeViolations(where, violations.filter((violation) => !isBlocking(violation)));
  if (others.length > 0) {
    test.info().annotations.push({ type: `axe, not blocking (${where})`, description: others.join('\n') });
    console.log(`axe, not blocking (${where}):\n${others.join('\n')}`);
  }
  return describeViolations(where, violations.filter(isBlocking));
}

test('axe finds no serious or critical violation on Home or on a notebook with every main cell run', async ({ page }) => {
  test.setTimeout(300_000);
  await openHome(page);
  await expect(page.getByTestId('sample-breast-cancer')).toBeVisible();
  await expect.soft(page.getByRole('heading', { level: 1 })).toHaveText('ML Studio');
  const found = collectBlocking('home', await scanPage(page));
  await page.screenshot({ path: test.info().outputPath('home.png'), fullPage: true });

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
  found.push(...collectBlocking('notebook', await scanPage(page)));
  await page.screenshot({ path: test.info().outputPath('notebook.png'), fullPage: true });
  // Keyboard: from the title through the Data, Problem, Split and Prepare cells' controls, focus is always drawn.
  await page.getByRole('textbox', { name: 'Notebook title' }).focus();
  expect.soft(await listUnmarkedTabStops(page, 150)).toEqual([]);

  expect(found, `axe: ${found.length} serious/critical nodes\n${found.join('\n')}`).toHaveLength(0);
});
