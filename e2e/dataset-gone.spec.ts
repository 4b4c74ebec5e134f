// Journey: deleting a dataset on Home that a notebook uses → the Data cell says it is gone and offers a new import.
import { expect, test } from '@playwright/test';
import { cellAt, createNotebook, listDatasetNames, uploadCsv, waitForImport, waitForSaved } from './support/studio';

test('a Data cell whose dataset was deleted says so and can import again', async ({ page }) => {
  await createNotebook(page, 'Orphan');
  const cell = cellAt(page, 0, 'data');
  await uploadCsv(cell, 'people.csv');
  await waitForImport(cell);
  await waitForSaved(page);
  const notebookUrl = page.url();

  expect(await listDatasetNames(page)).toEqual(['people']);
  await page.getByRole('button', { name: 'Delete dataset people' }).click();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByText('No stored datasets.')).toBeVisible();

  await page.goto(notebookUrl);
  const after = cellAt(page, 0, 'data');
  await expect(after.getByTestId('dataset-missing')).toContainText('is gone');
  await uploadCsv(after, 'people.csv');
  await waitForImport(after);
  expect(await listDatasetNames(page)).toEqual(['people']);
});
