// Journey (a): upload a small CSV → counts, inferred types in the schema table, values in the grid.
import { expect, test } from '@playwright/test';
import { cellAt, createNotebook, openHome, readGridCell, schemaTypeSelect, uploadCsv, waitForImport } from './support/studio';

test('uploading a CSV shows its shape, inferred types and values', async ({ page }) => {
  await createNotebook(page, 'People');
  const cell = cellAt(page, 0, 'data');
  await uploadCsv(cell, 'people.csv');
  await waitForImport(cell);

  await expect(cell.getByTestId('dataset-summary')).toHaveText('6 rows × 6 columns · 237 B · csv, comma, UTF-8');
  await expect(cell.getByTestId('schema-row')).toHaveCount(6);
  await expect(schemaTypeSelect(cell, 'age')).toHaveValue('numeric');
  await expect(schemaTypeSelect(cell, 'height_cm')).toHaveValue('numeric');
  await expect(schemaTypeSelect(cell, 'joined')).toHaveValue('datetime');

  expect(await readGridCell(cell, 0, 'name')).toBe('Ada');
  expect(await readGridCell(cell, 1, 'height_cm')).toBe('165');
  expect(await readGridCell(cell, 3, 'joined')).toBe('2019-07-21');
  // Row 3 (Linus) has no height and row 6 (Barbara) has "NA" for joined: both show the missing marker.
  expect(await readGridCell(cell, 2, 'height_cm')).toBe('—');
  expect(await readGridCell(cell, 5, 'joined')).toBe('—');
  await page.screenshot({ path: '/tmp/ml-studio-upload.png', fullPage: true });
});

test('a new notebook takes the name of the file imported into it; one left after a failed import is not kept', async ({ page }) => {
  await createNotebook(page);
  await expect(page.getByRole('textbox', { name: 'Notebook title' })).toHaveValue('Untitled notebook');
  await uploadCsv(cellAt(page, 0, 'data'), 'people.csv');
  await waitForImport(cellAt(page, 0, 'data'));
  await expect(page.getByRole('textbox', { name: 'Notebook title' })).toHaveValue('people');

  await createNotebook(page);
  await uploadCsv(cellAt(page, 0, 'data'), { name: 'empty.csv', buffer: Buffer.from('') });
  await expect(cellAt(page, 0, 'data').getByRole('alert')).toContainText('is empty');
  await openHome(page);
  await expect(page.getByTestId('notebook-item')).toHaveCount(1);
  await expect(page.getByTestId('notebook-item')).toContainText('people');
});
