// Journey (a): upload a small CSV → counts, inferred types in the schema table, values in the grid.
import { expect, test } from '@playwright/test';
import { cellAt, createNotebook, readGridCell, schemaTypeSelect, uploadCsv, waitForImport } from './support/studio';

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
