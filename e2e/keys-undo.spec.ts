// Journey: penguins → Problem → Split and a Note below it → Shift+Enter in the Split cell runs it and moves focus to
// the Note → Ctrl+Enter runs in place → delete the run Split cell → Ctrl+Z brings it back with its summary (no
// rerun) → Redo deletes it again, Undo restores it → "?" lists the keys, Escape hides them → Duplicate, and undo it.
import { expect, test } from '@playwright/test';
import { addCellOfKind, openSample } from './support/studio';

test('keys: Shift+Enter runs and moves on, Ctrl+Enter runs in place; undo restores a deleted cell with its output', async ({ page }) => {
  test.setTimeout(120_000);
  await openSample(page, 'penguins');
  const problem = await addCellOfKind(page, 'Problem');
  await problem.getByRole('combobox', { name: 'Target column' }).selectOption('Species');
  const split = await addCellOfKind(page, 'Split');
  const note = await addCellOfKind(page, 'Note');

  await split.getByRole('heading', { level: 2 }).click();
  await page.keyboard.press('Shift+Enter');
  await expect(split.getByTestId('split-summary')).toBeVisible({ timeout: 30_000 });
  await expect(note).toBeFocused();

  // Ctrl+Enter from a field inside a cell runs that cell and leaves the focus where it was.
  const seed = split.getByRole('spinbutton', { name: /seed/i });
  await seed.fill('7');
  await seed.press('Tab');
  await expect(split).toHaveAttribute('data-status', 'stale');
  await seed.focus();
  await page.keyboard.press('Control+Enter');
  await expect(split).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  await expect(seed).toBeFocused();
  const summary = await split.getByTestId('split-summary').textContent();

  await page.getByRole('button', { name: 'Delete Split cell' }).click();
  await page.getByRole('group', { name: 'Delete this cell?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(page.locator('[data-testid="cell"][data-kind="split"]')).toHaveCount(0);
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('Control+z');
  const restored = page.locator('[data-testid="cell"][data-kind="split"]');
  await expect(restored).toHaveCount(1);
  await expect(restored).toHaveAttribute('data-status', 'done');
  await expect(restored.getByTestId('split-summary')).toHaveText(summary ?? '');
  await expect(restored.getByRole('spinbutton', { name: /seed/i })).toHaveValue('7');

  await page.getByTestId('redo').click();
  await expect(restored).toHaveCount(0);
  await page.getByTestId('undo').click();
  await expect(restored).toHaveCount(1);
  await expect(restored).toHaveAttribute('data-status', 'done');

  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('?');
  await expect(page.getByTestId('keys-help')).toContainText('Shift + Enter');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('keys-help')).toHaveCount(0);

  // Duplicate puts a copy with the same settings right below; undo takes it back.
  await restored.getByRole('button', { name: 'Duplicate Split cell' }).click();
  const splits = page.locator('[data-testid="cell"][data-kind="split"]');
  await expect(splits).toHaveCount(2);
  await expect(splits.nth(1).getByRole('spinbutton', { name: /seed/i })).toHaveValue('7');
  await page.getByTestId('undo').click();
  await expect(splits).toHaveCount(1);
});
