// Journeys: a dropped file imports like a chosen one; the same content again is offered for reuse, not stored twice.
import { expect, test } from '@playwright/test';
import { addCell, cellAt, createNotebook, dropFile, listDatasetNames, readFixture, uploadCsv, waitForImport } from './support/studio';

test('dropping a file on the Data cell imports it', async ({ page }) => {
  await createNotebook(page, 'Dropped');
  const cell = cellAt(page, 0, 'data');
  await dropFile(cell, 'tiny.csv', 'x,y\n1,a\n2,b\n3,c\n');
  await waitForImport(cell);
  await expect(cell.getByTestId('dataset-summary')).toHaveText('3 rows × 2 columns · 16 B · csv, comma, UTF-8');
});

test('importing the same content again offers the stored dataset instead of a copy', async ({ page }) => {
  await createNotebook(page, 'Twice');
  const first = cellAt(page, 0, 'data');
  await uploadCsv(first, 'people.csv');
  await waitForImport(first);

  const second = await addCell(page, 'Data');
  await uploadCsv(second, { name: 'people-again.csv', buffer: readFixture('people.csv') });
  const offer = second.getByTestId('duplicate-offer');
  await expect(offer).toContainText('people-again.csv is already stored as “people”');
  await offer.getByRole('button', { name: 'Use the stored dataset' }).click();
  await waitForImport(second);
  await expect(second.getByTestId('dataset-summary')).toHaveText('6 rows × 6 columns · 237 B · csv, comma, UTF-8');

  expect(await listDatasetNames(page)).toEqual(['people']);
});
