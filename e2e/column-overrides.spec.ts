// Journey (f): change a column's type and exclude another → schema and grid follow, and both survive a reload.
import { expect, test, type Locator } from '@playwright/test';
import { cellAt, createNotebook, schemaTypeSelect, uploadCsv, waitForImport, waitForSaved } from './support/studio';

async function expectOverridden(cell: Locator): Promise<void> {
  await expect(schemaTypeSelect(cell, 'age')).toHaveValue('categorical');
  await expect(cell.getByRole('checkbox', { name: 'Include city' })).not.toBeChecked();
  const headers = cell.getByTestId('data-grid').getByRole('columnheader');
  await expect(headers.locator('.name')).toHaveText(['id', 'name', 'age', 'height_cm', 'joined']);
  await expect(headers.filter({ hasText: 'age' }).locator('.badge')).toHaveText('cat');
}

test('type overrides and exclusions update the view and persist', async ({ page }) => {
  await createNotebook(page, 'Overrides');
  const cell = cellAt(page, 0, 'data');
  await uploadCsv(cell, 'people.csv');
  await waitForImport(cell);

  await schemaTypeSelect(cell, 'age').selectOption('categorical');
  await cell.getByRole('checkbox', { name: 'Include city' }).uncheck();
  await expectOverridden(cell);
  await waitForSaved(page);

  await page.reload();
  const after = cellAt(page, 0, 'data');
  await waitForImport(after);
  await expectOverridden(after);
});
