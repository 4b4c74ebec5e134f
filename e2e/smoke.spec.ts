// Smoke journey: the built app loads, is titled "ML Studio" and logs no console errors.
// Proves the build → preview → Chromium chain before the real journeys land.
import { expect, test } from '@playwright/test';

test('the app loads without console errors', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));

  await page.goto('/');
  await expect(page).toHaveTitle('ML Studio');
  await expect(page.locator('#app')).not.toBeEmpty();
  await page.waitForLoadState('networkidle');

  expect(errors).toEqual([]);
});
