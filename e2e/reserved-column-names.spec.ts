// Journey: columns named like Object.prototype members (__proto__, constructor, toString), with class labels of such
// names, import with their own types, and a profile large enough for the part workers (60,000 rows × 4 columns)
// runs against the target with no error: a plain {} keyed by such a name once broke the merge of the parts.
import { expect, test } from '@playwright/test';
import { addCellOfKind, cellAt, createNotebook, runProfile, schemaTypeSelect, uploadCsv, waitForImport } from './support/studio';

/** 60,000 rows: __proto__ numeric with gaps, constructor a category, toString numeric, x a label following toString. */
function makeCsv(): Buffer {
  const lines = ['__proto__,constructor,toString,x'];
  for (let i = 0; i < 60_000; i++) {
    const proto = i % 50 === 0 ? '' : String((i * 13) % 97);
    lines.push(`${proto},${['hasOwnProperty', 'valueOf', '__proto__'][i % 3]},${i % 10},${i % 10 < 5 ? 'toString' : '__proto__'}`);
  }
  return Buffer.from(lines.join('\n'));
}

test('columns named __proto__, constructor and toString import, and profile in parts against a target, without error', async ({ page }) => {
  test.setTimeout(120_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await createNotebook(page, 'Reserved names');
  const data = cellAt(page, 0, 'data');
  await uploadCsv(data, { name: 'reserved.csv', buffer: makeCsv() });
  await waitForImport(data);
  for (const [column, kind] of [['__proto__', 'numeric'], ['constructor', 'categorical'], ['toString', 'numeric'], ['x', 'categorical']]) {
    await expect(schemaTypeSelect(data, column)).toHaveValue(kind);
  }

  const problem = await addCellOfKind(page, 'Problem');
  await problem.getByRole('combobox', { name: 'Target column' }).selectOption('x');
  const profile = await addCellOfKind(page, 'Profile');
  await runProfile(profile);
  await expect(profile.getByTestId('profile-summary')).toContainText('60,000');
  await expect(profile.getByTestId('column-summary')).toHaveCount(4);
  await expect(profile.getByTestId('profile-target')).toContainText('__proto__');
  await expect(profile.getByTestId('cell-error')).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});
