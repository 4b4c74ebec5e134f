// Journey (issue "Hardening"): a CSV whose column names and values carry HTML and script goes through the whole
// studio — import, profile, split, train, explain, export, register, monitor — and (1) nothing it carries runs or
// renders as markup: no script runs, no <img>/<a> from the data appears, plotly draws "<b>B</b>" as text, not bold;
// (2) no request leaves the page's origin at any point (the studio is offline by design: data never leaves), and the
// page's Content-Security-Policy (no eval, no inline script) is never violated.
import { expect, test, type Page } from '@playwright/test';
import { addCell, addCellOfKind, cellAt, createNotebook, runProfile, runSplit, trainFamilies, uploadCsv, waitForImport } from './support/studio';

const SIZE = '<b>size</b>';
const IMG = '<img src=x onerror="window.__xss=1">';

/** 240 rows: a number column named with markup, a category column named with an <img>, values with markup and script. */
function buildHostileCsv(): string {
  const quote = (text: string) => `"${text.replaceAll('"', '""')}"`;
  const lines = [[quote(SIZE), quote(IMG), 'label'].join(',')];
  const levels = ['<b>B</b>', '<script>window.__xss=2</script>', '<a href="https://example.com/">link</a>'];
  for (let i = 0; i < 240; i++) {
    const level = levels[i % 3];
    const size = (i % 3) * 10 + (i % 7);
    lines.push([String(size), quote(level), i % 3 === 0 ? 'yes' : 'no'].join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** What the page holds that the data should not have made: script effects, <img>/<a> from values, bold tspans. */
async function findInjected(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    if ((window as { __xss?: unknown }).__xss !== undefined) found.push(`a script from the data ran (__xss = ${String((window as { __xss?: unknown }).__xss)})`);
    if (document.querySelector('img[src="x"]')) found.push('an <img src=x> from the data is in the page');
    if (document.querySelector('a[href^="https://example.com"]')) found.push('a link from the data is in the page');
    for (const tspan of document.querySelectorAll('.main-svg tspan')) {
      if ((tspan as SVGElement).style.fontWeight === 'bold' && tspan.textContent === 'B') found.push(`plotly drew "<b>B</b>" as bold markup in "${tspan.closest('figure')?.getAttribute('aria-label') ?? tspan.closest('[data-testid]')?.getAttribute('data-testid')}"`);
    }
    return found;
  });
}

test('hostile names and values render as text everywhere, and no request leaves the origin', async ({ page, baseURL }) => {
  test.setTimeout(300_000);
  const origin = new URL(baseURL!).origin;
  const outside: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin) outside.push(url);
  });
  page.on('dialog', (dialog) => void dialog.dismiss());
  // Every Content-Security-Policy violation of the journey (index.html's policy: no eval, no inline script, connect-src 'self').
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const store = window as unknown as { __cspViolations?: string[] };
      (store.__cspViolations ??= []).push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });

  await createNotebook(page, 'Hostile');
  const data = cellAt(page, 0, 'data');
  await uploadCsv(data, { name: 'hostile.csv', buffer: Buffer.from(buildHostileCsv()) });
  await waitForImport(data);
  await expect(data).toContainText(SIZE);
  const problem = await addCellOfKind(page, 'Problem');
  await problem.getByRole('combobox', { name: 'Target column' }).selectOption('label');
  await runProfile(await addCellOfKind(page, 'Profile'));
  await runSplit(await addCellOfKind(page, 'Split'));
  const train = await trainFamilies(page, ['decision_tree']);
  const explain = await addCellOfKind(page, 'Explain');
  await explain.getByTestId('explain-run').click();
  await expect(explain.getByTestId('explain-importance')).toBeVisible({ timeout: 90_000 });
  await expect(explain.getByTestId('explain-importance')).toContainText(IMG);
  const exportCell = await addCellOfKind(page, 'Export');
  await exportCell.getByTestId('export-run').click();
  await expect(exportCell.getByTestId('export-summary')).toContainText('packaged as', { timeout: 120_000 });

  const row = train.getByTestId('leaderboard-row').first();
  await row.getByTestId('register-open').click();
  await row.getByTestId('register-name').fill('hostile');
  await row.getByTestId('register-submit').click();
  const batch = await addCell(page, 'Data');
  await uploadCsv(batch, { name: 'hostile-batch.csv', buffer: Buffer.from(buildHostileCsv()) });
  await batch.getByRole('button', { name: 'Use the stored dataset' }).click(); // the same bytes are stored already
  await waitForImport(batch);
  const monitor = await addCellOfKind(page, 'Monitor');
  await monitor.getByTestId('monitor-model').selectOption('hostile');
  await monitor.getByTestId('monitor-version').selectOption('1');
  await monitor.getByTestId('monitor-run').click();
  await expect(monitor.getByTestId('monitor-status')).toBeVisible({ timeout: 60_000 });
  await expect(monitor.getByTestId('monitor-drift-table')).toContainText(IMG);

  expect(await findInjected(page), 'in the notebook').toEqual([]);

  await page.goto(`${origin}/#/runs`);
  await expect(page.getByTestId('runs-search')).toBeVisible();
  await expect(page.locator('table').first()).toContainText('Decision tree');
  await page.goto(`${origin}/#/models/hostile`);
  await expect(page.getByRole('heading', { level: 1, name: 'hostile' })).toBeVisible();

  expect(await findInjected(page), 'on the Models page').toEqual([]);
  expect(outside, 'requests that left the origin').toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []), 'CSP violations').toEqual([]);
});
