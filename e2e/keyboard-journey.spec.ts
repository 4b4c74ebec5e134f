// Journey: the main path by keyboard alone (page.keyboard only: Tab, Enter, Space, arrow keys, letters) — open the
// binary-classification example from Home, "?" shows the keys help and Escape hides it, Run all, then open
// Evaluate's sections — ends with a trained, evaluated model. Locators only read the page, they never act on it.
import { expect, test, type Page } from '@playwright/test';
import { firstCellOfKind, openHome } from './support/studio';

/** Presses Tab (at most `maxPresses` times) until the focused element matches `selector`; fails naming where focus went. */
async function tabTo(page: Page, selector: string, maxPresses = 400): Promise<void> {
  const visited: string[] = [];
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press('Tab');
    const { matches, name } = await page.evaluate((wanted) => {
      const element = document.activeElement;
      const label = element ? `${element.tagName.toLowerCase()} ${element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 24) ?? ''}` : 'nothing';
      return { matches: element?.matches(wanted) ?? false, name: label };
    }, selector);
    if (matches) return;
    visited.push(name);
  }
  throw new Error(`Tab never reached ${selector} in ${maxPresses} presses; the last stops: ${visited.slice(-8).join(' | ')}`);
}

test('keyboard only: open an example, run all, open Evaluate’s sections; the model is trained and evaluated', async ({ page }) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await openHome(page);

  // The template picker: a closed select takes typed letters; "b" picks "Binary classification" and opens it.
  await tabTo(page, '[data-testid="new-from-template"]');
  await page.keyboard.press('b');
  await expect(page.getByRole('textbox', { name: 'Notebook title' })).toBeVisible();
  await expect(firstCellOfKind(page, 'data').getByTestId('dataset-summary')).toBeVisible({ timeout: 30_000 });

  // "?" outside a text field shows the keys help; Escape hides it.
  await page.keyboard.press('?');
  await expect(page.getByTestId('keys-help')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('keys-help')).toHaveCount(0);

  await tabTo(page, '[data-testid="run-all"]');
  await page.keyboard.press('Enter');
  const evaluate = firstCellOfKind(page, 'evaluate');
  await expect(evaluate.getByTestId('metric-table')).toBeVisible({ timeout: 180_000 });
  await expect(firstCellOfKind(page, 'train').getByTestId('leaderboard-row').first()).toBeVisible();

  // A plot's data table by keyboard: its toggle reports its state.
  await tabTo(page, '[data-testid="roc-plot-table-toggle"]');
  await page.keyboard.press('Enter');
  await expect(evaluate.getByTestId('roc-plot-table-toggle')).toHaveAttribute('aria-pressed', 'true');
  await expect(evaluate.getByTestId('roc-plot-table')).toBeVisible();

  // Evaluate's collapsible sections open with Enter or Space on their summary.
  for (const [section, key] of [['section-worst', 'Enter'], ['section-gain', 'Space'], ['section-calibration', 'Enter']] as const) {
    await tabTo(page, `[data-kind="evaluate"] [data-testid="${section}"] > summary`);
    await page.keyboard.press(key);
    await expect(evaluate.getByTestId(section)).toHaveAttribute('open', '');
  }
  await expect(evaluate.getByTestId('worst-row').first()).toBeVisible();

  await expect(page.locator('[data-testid="cell"][data-status="error"]')).toHaveCount(0);
  expect(errors).toEqual([]);
});
