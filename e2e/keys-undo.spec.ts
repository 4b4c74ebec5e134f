// Journey: penguins → Problem → Split and a Note below it → Shift+Enter in the Split cell runs it and moves focus to
// the Note → Ctrl+Enter runs in place → delete the run Split cell → Ctrl+Z brings it back with its summary (no
// rerun) → Redo deletes it again, Undo restores it → "?" lists the keys, Escape hides them → Duplicate, and undo it.
import { expect, test } from '@playwright/test';
import { addCellOfKind, firstCellOfKind, openSample } from './support/studio';

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

// Journey: command mode as in Jupyter — Escape from a field selects its cell, J/K move the selection, B opens "Add
// cell" below and Enter picks a kind, D D deletes (undoable), Alt+↑ moves a cell; the ⠿ handle drags one onto
// another; a cell gets a name that survives a reload.
test('command mode keys, drag to move and naming a cell', async ({ page }) => {
  test.setTimeout(120_000);
  await openSample(page, 'penguins');
  await addCellOfKind(page, 'Problem');
  // By kind, not place: the cells move below.
  const problem = firstCellOfKind(page, 'problem');
  await problem.getByRole('combobox', { name: 'Target column' }).selectOption('Species');
  const kinds = () => page.locator('[data-testid="cell"]').evaluateAll((cells) => cells.map((cell) => (cell as HTMLElement).dataset.kind));
  await expect.poll(kinds).toEqual(['data', 'problem']);

  // Escape from the target select → the Problem cell is selected; K selects the Data cell above, J back down.
  await problem.getByRole('combobox', { name: 'Target column' }).focus();
  await page.keyboard.press('Escape');
  await expect(problem).toBeFocused();
  await page.keyboard.press('k');
  await expect(page.locator('[data-testid="cell"][data-kind="data"]')).toBeFocused();
  await page.keyboard.press('j');
  await expect(problem).toBeFocused();

  // B → the menu below opens on its first kind; ↓ to "Problem"… pick "Note" by its name, Enter adds it, selected.
  await page.keyboard.press('b');
  const menu = page.getByRole('list', { name: 'Cell kinds' });
  await expect(menu).toBeVisible();
  await menu.getByRole('button', { name: /^Note/ }).focus();
  await page.keyboard.press('Enter');
  const note = page.locator('[data-testid="cell"][data-kind="note"]');
  await expect(note).toBeFocused();
  await expect.poll(kinds).toEqual(['data', 'problem', 'note']);

  // Alt+↑ moves the Note above the Problem cell; D D deletes it; Ctrl+Z brings it back.
  await page.keyboard.press('Alt+ArrowUp');
  await expect.poll(kinds).toEqual(['data', 'note', 'problem']);
  await expect(note).toBeFocused();
  await page.keyboard.press('d');
  await page.keyboard.press('d');
  await expect.poll(kinds).toEqual(['data', 'problem']);
  await page.keyboard.press('Control+z');
  await expect.poll(kinds).toEqual(['data', 'note', 'problem']);

  // Drag the Problem cell's ⠿ handle onto the upper half of the Note: it lands above it. (Pointer steps, as a hand
  // moves — Playwright's dragTo jumps straight to the target — on a page tall enough to show both.)
  await page.setViewportSize({ width: 1280, height: 1400 });
  await note.scrollIntoViewIfNeeded();
  const handle = await problem.getByTestId('cell-drag').boundingBox();
  const target = await note.boundingBox();
  if (!handle || !target) throw new Error('The drag handle or the Note cell is not on screen.');
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await page.mouse.down();
  await page.mouse.move(target.x + 40, target.y + 10, { steps: 8 });
  await page.mouse.up();
  await expect.poll(kinds).toEqual(['data', 'problem', 'note']);

  // Name the Problem cell; the name is kept across a reload and shown in the cell's accessible name.
  await problem.getByRole('button', { name: 'Name this Problem cell' }).click();
  await problem.getByTestId('cell-title-field').fill('What we predict');
  await problem.getByTestId('cell-title-field').press('Enter');
  await expect(problem.getByTestId('cell-title')).toHaveText('What we predict');
  await expect(page.getByTestId('save-status')).toContainText(/saved/i, { timeout: 10_000 });
  await page.reload();
  await expect(page.getByRole('article', { name: 'Problem cell: What we predict' })).toBeVisible();
  await expect.poll(kinds).toEqual(['data', 'problem', 'note']);
});
