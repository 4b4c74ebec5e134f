// Journey: the header's theme toggle switches the page to dark (the body's background changes), the choice survives
// a reload, and on "System" the page follows the system's colour scheme as it changes.
import { expect, test, type Page } from '@playwright/test';
import { openHome } from './support/studio';

// --page of global.css, as getComputedStyle writes it.
const LIGHT_PAGE = 'rgb(246, 247, 251)';
const DARK_PAGE = 'rgb(20, 23, 29)';

/** The computed background colour of <body>. */
function readBodyBackground(page: Page): Promise<string> {
  return page.evaluate(() => getComputedStyle(document.body).backgroundColor);
}

test('theme: the toggle switches to dark, a reload keeps it, and System follows the system colour scheme', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await openHome(page);
  const toggle = page.getByRole('combobox', { name: 'Theme' });
  await expect(toggle).toHaveValue('system');
  expect(await readBodyBackground(page)).toBe(LIGHT_PAGE);

  await toggle.selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect.poll(() => readBodyBackground(page)).toBe(DARK_PAGE);

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Notebooks' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('dark');
  expect(await readBodyBackground(page)).toBe(DARK_PAGE);
  expect(await page.evaluate(() => localStorage.getItem('ml-studio-theme'))).toBe('dark');

  // Light wins over a dark system; System then follows it both ways.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('light');
  await expect.poll(() => readBodyBackground(page)).toBe(LIGHT_PAGE);
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('system');
  await expect(page.locator('html')).not.toHaveAttribute('data-theme');
  await expect.poll(() => readBodyBackground(page)).toBe(DARK_PAGE);
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(() => readBodyBackground(page)).toBe(LIGHT_PAGE);
});
