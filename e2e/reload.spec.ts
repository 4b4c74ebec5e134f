// Journey (c): after a reload the notebook, its cells, the dataset and the note text are all back.
import { expect, test } from '@playwright/test';
import { addCell, cellAt, createNotebook, readGridCell, uploadCsv, waitForImport, waitForSaved } from './support/studio';

test('a reload restores notebook, cells, dataset and note', async ({ page }) => {
  await createNotebook(page, 'Survives reload');
  const data = cellAt(page, 0, 'data');
  await uploadCsv(data, 'people.csv');
  await waitForImport(data);
  const note = await addCell(page, 'Note');
  await note.getByRole('textbox', { name: 'Note text (markdown)' }).fill('# Findings\n\nHeights are **mostly** present.');
  await note.getByRole('button', { name: 'Preview' }).click();
  await waitForSaved(page);

  await page.reload();

  await expect(page.getByRole('textbox', { name: 'Notebook title' })).toHaveValue('Survives reload');
  await expect(page.getByTestId('cell')).toHaveCount(2);
  const dataAfter = cellAt(page, 0, 'data');
  await waitForImport(dataAfter);
  await expect(dataAfter.getByTestId('dataset-summary')).toHaveText('6 rows × 6 columns · 237 B · csv, comma, UTF-8');
  expect(await readGridCell(dataAfter, 4, 'name')).toBe('Alan');
  const preview = cellAt(page, 0, 'note').getByTestId('note-preview');
  await expect(preview.getByRole('heading', { name: 'Findings' })).toBeVisible();
  await expect(preview).toContainText('Heights are mostly present.');
});
