// Journey: a table above the parallel threshold (40,000 rows × 8 columns = 320,000 cells) is profiled on the
// compute worker's part workers (started while the Profile cell shows the table) and merged: the report shows
// every row, the correlation matrix and the per-column statistics, with no page error.
import { expect, test } from '@playwright/test';
import { addCellOfKind, cellAt, createNotebook, runProfile, uploadCsv, waitForImport } from './support/studio';

/** 40,000 rows: an id, five numbers (one with gaps), a 12-level category and a yes/no column. */
function makeWideCsv(): Buffer {
  const lines = ['id,a,b,c,d,e,group,flag'];
  for (let i = 0; i < 40_000; i++) {
    const e = i % 50 === 0 ? '' : String((i * 13) % 97);
    lines.push(`${i},${(i * 0.37) % 1000},${(i * 7919) % 104729},${Math.sin(i)},${i % 7},${e},g${i % 12},${i % 3 === 0 ? 'yes' : 'no'}`);
  }
  return Buffer.from(lines.join('\n'));
}

test('a large table is profiled on part workers and merged: every row counted', async ({ page }) => {
  test.setTimeout(120_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await createNotebook(page);
  const data = cellAt(page, 0);
  await uploadCsv(data, { name: 'wide.csv', buffer: makeWideCsv() });
  await waitForImport(data);
  const profile = await addCellOfKind(page, 'Profile');
  await runProfile(profile);
  await expect(profile.getByTestId('profile-summary')).toContainText('40,000');
  await expect(profile.getByTestId('column-summary')).toHaveCount(8);
  await expect(profile.getByTestId('cell-error')).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});
