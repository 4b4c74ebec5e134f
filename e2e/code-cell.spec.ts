// The Code cell: JavaScript run in its own worker against the table above. A filtered table feeds the cells below;
// a loop that never ends is stopped by its time limit while the page stays responsive; fetch is refused; a syntax
// error names its line; Stop ends a run; after a reload the cells below still read the code's table.

import { expect, test, type Locator } from '@playwright/test';
import { addCellOfKind, openSample, runSplit } from './support/studio';

/** Replaces a Code cell's source and runs it; returns at once (the run goes on). */
async function runCode(cell: Locator, source: string): Promise<void> {
  await cell.getByTestId('code-source').fill(source);
  await cell.getByTestId('code-run').click();
}

test('a Code cell returns a filtered table the cells below use; limits, fetch, syntax errors and Stop', async ({ page }) => {
  await openSample(page, 'penguins');
  const code = await addCellOfKind(page, 'Code');
  await expect(code.getByTestId('code-input')).toHaveText('input: “Palmer penguins”, 344 rows');
  await runCode(code, "console.log('islands', [...new Set(input.column('Island'))].join(', '));\nreturn input.rows().filter((row) => row.Island === 'Biscoe');");
  await expect(code.getByTestId('code-table-summary')).toContainText('Returned a table of 168 rows × 7 columns, stored as “Palmer penguins (Code output)”');
  await expect(code.getByTestId('code-console')).toHaveText('islands Torgersen, Biscoe, Dream');
  await expect(code.getByTestId('data-grid')).toBeVisible();

  // The cells below read the code's table: Biscoe has no Chinstrap penguins.
  const problem = await addCellOfKind(page, 'Problem');
  await problem.getByRole('combobox', { name: 'Target column' }).selectOption('Species');
  const split = await addCellOfKind(page, 'Split');
  await runSplit(split);
  await expect(split.getByTestId('split-part-train')).toContainText('Gentoo');
  await expect(split.getByTestId('split-summary')).not.toContainText('Chinstrap');

  // A loop that never ends: stopped by its 2 s limit; meanwhile the page answers clicks and keeps its clock going.
  const loop = await addCellOfKind(page, 'Code');
  await expect(loop.getByTestId('code-input')).toHaveText('input: “Palmer penguins (Code output)”, 168 rows');
  await loop.getByTestId('code-time-limit').fill('2');
  await loop.getByTestId('code-time-limit').blur();
  await runCode(loop, 'let n = 0;\nwhile (true) { n++; }');
  await expect(loop.getByTestId('code-running')).toHaveText(/Running… [1-9] s/);
  await page.getByTestId('keys-open').click();
  await expect(page.getByTestId('keys-open')).toHaveAttribute('aria-expanded', 'true');
  await page.getByTestId('keys-open').click();
  await expect(loop.getByTestId('cell-error')).toContainText('Stopped by the time limit: the code ran longer than 2 s.', { timeout: 20_000 });

  await runCode(loop, "const a = 1;\nawait fetch('/');");
  await expect(loop.getByTestId('cell-error')).toHaveText('Line 2: fetch is not available in a Code cell: the notebook runs offline and your data never leaves the tab.');

  await runCode(loop, 'const a = 1;\nconst b = ;\nreturn a;');
  await expect(loop.getByTestId('cell-error')).toHaveText("Line 2: SyntaxError: Unexpected token ';'");
  await expect(loop.locator('.gutter .error')).toHaveText('2');

  await loop.getByTestId('code-time-limit').fill('600');
  await loop.getByTestId('code-time-limit').blur();
  await runCode(loop, 'while (true) {}');
  await expect(loop.getByTestId('code-running')).toBeVisible();
  await loop.getByTestId('code-stop').click();
  await expect(loop.getByTestId('cell-error')).toContainText('you pressed Stop.');

  await runCode(loop, 'return { plot: { data: [{ type: "histogram", x: input.column("Body Mass (g)") }] } };');
  await expect(loop.getByTestId('code-plot')).toBeVisible();

  // After a reload the code's stored table is read again: the Split below is still done and can run again.
  await page.reload();
  const reloadedSplit = page.locator('[data-testid="cell"][data-kind="split"]');
  await expect(page.locator('[data-testid="cell"][data-kind="code"]').first().getByTestId('code-table-summary')).toContainText('168 rows');
  await expect(reloadedSplit).toHaveAttribute('data-status', 'done');
  await runSplit(reloadedSplit);
  await expect(reloadedSplit.getByTestId('split-summary')).not.toContainText('Chinstrap');
});
