// Faults: two tabs on one notebook. The first writes; the second opens read-only (its edits are not saved, its
// runs refused) until it takes over: then the first saves what it has, goes read-only itself and says so.
import { expect, test } from '@playwright/test';
import { addCell, createNotebook, waitForSaved } from './support/studio';
import { readNotebookHash } from './faults-support';

test('a second tab opens read-only and can take the notebook over', async ({ context, page: first }) => {
  await createNotebook(first, 'Two tabs');
  const note = await addCell(first, 'Note');
  await note.getByRole('textbox', { name: 'Note text (markdown)' }).fill('Written in the first tab');
  await waitForSaved(first);
  const hash = readNotebookHash(first);

  const second = await context.newPage();
  await second.goto(`/${hash}`);
  const banner = second.getByTestId('read-only-banner');
  await expect(banner).toContainText('This notebook is open in another tab; changes here are not saved.');
  await expect(first.getByTestId('read-only-banner')).toHaveCount(0);

  // Edits in the read-only tab stay there; its runs are refused.
  await second.getByRole('textbox', { name: 'Notebook title' }).fill('Renamed in the second tab');
  await second.getByRole('textbox', { name: 'Notebook title' }).press('Enter');
  await expect(second.getByTestId('save-status')).toHaveText('Not saved');
  await second.getByTestId('run-all').click();
  await expect(second.getByTestId('toasts')).toContainText('This notebook is open in another tab: take it over (the banner above) to run cells here.');

  // The first tab's last edit is saved when it lets go.
  await first.getByRole('textbox', { name: 'Note text (markdown)' }).fill('Last words of the first tab');
  await second.getByTestId('take-over').click();

  await expect(first.getByTestId('read-only-banner')).toContainText('Another tab took this notebook over; changes here are not saved.');
  await expect(second.getByTestId('read-only-banner')).toHaveCount(0);
  await expect(second.getByRole('textbox', { name: 'Notebook title' })).toHaveValue('Two tabs');
  await expect(second.getByTestId('note-preview')).toHaveText('Last words of the first tab');

  // Now the second tab writes, and the first can take it back.
  await second.getByRole('textbox', { name: 'Notebook title' }).fill('Kept by the second tab');
  await second.getByRole('textbox', { name: 'Notebook title' }).press('Enter');
  await waitForSaved(second);
  await first.getByTestId('take-over').click();
  await expect(first.getByTestId('read-only-banner')).toHaveCount(0);
  await expect(first.getByRole('textbox', { name: 'Notebook title' })).toHaveValue('Kept by the second tab');
  await expect(second.getByTestId('read-only-banner')).toContainText('Another tab took this notebook over');
});
