// Journey: a first visit offers the welcome notebook → one "Run all" ends with a trained, evaluated and explained
// model, each step with a note; "New notebook" from a template opens the same example the headless runner ships.
import { expect, test } from '@playwright/test';
import { firstCellOfKind, openHome } from './support/studio';

test('first visit: the welcome notebook runs end to end with one Run all; a template opens its example', async ({ page }) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await openHome(page);
  await page.getByTestId('welcome-open').click();
  await expect(page.getByRole('textbox', { name: 'Notebook title' })).toHaveValue('Welcome to ML Studio');
  await expect(page.locator('[data-testid="cell"][data-kind="note"]').first()).toContainText('Welcome to ML Studio');
  await expect(firstCellOfKind(page, 'data').getByTestId('dataset-summary')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('run-all').click();
  await expect(firstCellOfKind(page, 'evaluate').getByTestId('metric-table')).toBeVisible({ timeout: 180_000 });
  await expect(firstCellOfKind(page, 'explain').getByTestId('explain-importance')).toBeVisible({ timeout: 120_000 });
  await expect(firstCellOfKind(page, 'profile')).toHaveAttribute('data-status', 'done');
  await expect(page.locator('[data-testid="cell"][data-status="error"]')).toHaveCount(0);

  await openHome(page);
  await expect(page.getByTestId('welcome')).toHaveCount(0); // offered only while there is no notebook
  await page.getByTestId('new-from-template').selectOption('cars');
  await expect(page.getByRole('textbox', { name: 'Notebook title' })).toHaveValue('Cars (Auto MPG)');
  await expect(page.getByTestId('cell')).toHaveCount(6);
  await expect(firstCellOfKind(page, 'problem').getByRole('combobox', { name: 'Target column' })).toHaveValue('Miles_per_Gallon');
  expect(errors).toEqual([]);
});
