// Journey: editing a notebook's cells — add, move, delete (confirm only when the cell has content), rename.
import { expect, test } from '@playwright/test';
import { addCell, createNotebook, openHome, waitForSaved } from './support/studio';

test('cells can be added, moved and deleted, and the title renamed', async ({ page }) => {
  await createNotebook(page, 'Editing');
  const note = await addCell(page, 'Note');
  await note.getByRole('textbox', { name: 'Note text (markdown)' }).fill('Goal: predict species.');
  await note.getByRole('button', { name: 'Move Note cell up' }).click();
  await expect(page.getByTestId('cell')).toHaveCount(2);
  await expect(page.getByTestId('cell').first()).toHaveAttribute('data-kind', 'note');

  // An empty Data cell goes without asking; a note with text asks first.
  await page.getByRole('button', { name: 'Delete Data cell' }).click();
  await expect(page.getByTestId('cell')).toHaveCount(1);
  await page.getByRole('button', { name: 'Delete Note cell' }).click();
  await page.getByRole('group', { name: 'Delete this cell?' }).getByRole('button', { name: 'Keep' }).click();
  await expect(page.getByTestId('cell')).toHaveCount(1);
  await page.getByRole('button', { name: 'Delete Note cell' }).click();
  await page.getByRole('group', { name: 'Delete this cell?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByTestId('cell')).toHaveCount(0);
  await waitForSaved(page);

  await openHome(page);
  const item = page.getByTestId('notebook-item').filter({ hasText: 'Editing' });
  await expect(item).toContainText('0 cells');
  await item.getByRole('button', { name: 'Rename Editing' }).click();
  await page.getByRole('textbox', { name: 'Notebook name' }).fill('Edited');
  await page.getByRole('textbox', { name: 'Notebook name' }).press('Enter');
  await expect(page.getByTestId('notebook-item')).toHaveText([/Edited/]);
  await page.getByRole('button', { name: 'Delete notebook Edited' }).click();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByText('No notebooks yet.')).toBeVisible();
});
