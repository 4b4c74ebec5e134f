// Journey: app-level storage problems reach the user through the toast region, and the page stays usable.
import { expect, test } from '@playwright/test';
import { openHome } from './support/studio';

test('a newer version opened in another tab is announced in a toast', async ({ page }) => {
  await openHome(page);
  await expect(page.getByText('No notebooks yet.')).toBeVisible();
  // What another tab running a newer ML Studio does: open the same database at a higher version.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('ml-studio', 99);
        request.onsuccess = () => {
          request.result.close();
          resolve();
        };
        request.onerror = () => reject(request.error);
      }),
  );
  const toast = page.getByTestId('toasts').getByRole('alert');
  await expect(toast).toHaveText(/ML Studio was updated in another tab\. Reload this page/);
  await toast.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByTestId('toasts').getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Notebooks' })).toBeVisible();
});
