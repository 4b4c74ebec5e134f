// Journey: a notebook leaves the browser as a `.notebook.json` file (datasets embedded) and comes back by being
// dropped on Home after the notebook and its dataset were deleted: the same cells, the same data. Bad files say
// what is wrong in a toast.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { addCellOfKind, cellAt, listDatasetNames, openHome, openSample, runSplit, trainFamilies, waitForImport, waitForSaved } from './support/studio';

/** Drops a file with this text on Home, as dragging it from the desktop would. */
async function dropOnHome(page: Page, name: string, text: string): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ([fileName, contents]) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([contents], fileName, { type: 'application/json' }));
      return transfer;
    },
    [name, text] as const,
  );
  await page.getByTestId('home').dispatchEvent('drop', { dataTransfer });
}

/** The kinds of the open notebook's cells, in order. */
function listCellKinds(page: Page): Promise<(string | null)[]> {
  return page.getByTestId('cell').evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-kind')));
}

test('a notebook exported with its data and dropped back on Home has the same cells and data', async ({ page }) => {
  test.setTimeout(180_000);
  await openSample(page, 'penguins');
  const problem = await addCellOfKind(page, 'Problem');
  await problem.getByRole('combobox', { name: 'Target column' }).selectOption('Species');
  const split = await addCellOfKind(page, 'Split');
  await runSplit(split);
  await trainFamilies(page, ['decision_tree']);
  await waitForSaved(page);
  const kinds = await listCellKinds(page);

  await page.getByTestId('export-notebook').click();
  const dialog = page.getByTestId('export-dialog');
  await dialog.getByTestId('export-embed').check();
  await expect(dialog).toContainText('Embed the dataset (Palmer penguins)');
  const downloading = page.waitForEvent('download');
  await dialog.getByTestId('export-download').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Palmer penguins.notebook.json');
  const text = readFileSync((await download.path())!, 'utf8');
  const file = JSON.parse(text);
  expect([file.format, file.formatVersion, file.datasets.map((d: { name: string }) => d.name)]).toEqual(['ml-studio-notebook', 1, ['Palmer penguins']]);

  await openHome(page);
  await page.getByRole('button', { name: 'Delete notebook Palmer penguins' }).click();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByRole('button', { name: 'Delete dataset Palmer penguins' }).click();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByText('No stored datasets.')).toBeVisible();
  await expect(page.getByText('No notebooks yet.')).toBeVisible();

  await dropOnHome(page, download.suggestedFilename(), text);
  await expect(page.getByRole('textbox', { name: 'Notebook title' })).toHaveValue('Palmer penguins', { timeout: 30_000 });
  await expect.poll(() => listCellKinds(page)).toEqual(kinds);
  const data = cellAt(page, 0, 'data');
  await waitForImport(data);
  await expect(data.getByTestId('dataset-summary')).toContainText('344');
  await expect(page.locator('[data-testid="cell"][data-kind="problem"]').getByRole('combobox', { name: 'Target column' })).toHaveValue('Species');
  expect(await listDatasetNames(page)).toEqual(['Palmer penguins']);
});

test('a file that is not a notebook, or names an unknown cell kind, is refused with a readable message', async ({ page }) => {
  await openHome(page);
  await dropOnHome(page, 'broken.notebook.json', '{"format": "ml-studio-notebook",');
  const toasts = page.getByTestId('toasts');
  await expect(toasts.getByRole('alert')).toContainText('Could not import “broken.notebook.json”: Cannot read this notebook file: it is not JSON (');
  await toasts.getByRole('alert').getByRole('button', { name: 'Dismiss' }).click();

  const unknownKind = { format: 'ml-studio-notebook', formatVersion: 1, notebook: { name: 'Odd', cells: [{ id: 'a', kind: 'note', spec: {} }, { id: 'b', kind: 'chart', spec: {} }] } };
  await dropOnHome(page, 'odd.notebook.json', JSON.stringify(unknownKind));
  await expect(toasts.getByRole('alert').locator('span')).toHaveText(
    'Could not import “odd.notebook.json”: Cannot read this notebook file: cells[1].kind must be one of "data", "problem", "profile", "split", "prepare", "train", "tune", "evaluate", "explain", "compare", "predict", "export", "monitor", "retrain", "code", "note" (got "chart").',
  );
  await expect(page.getByText('No notebooks yet.')).toBeVisible();
});
