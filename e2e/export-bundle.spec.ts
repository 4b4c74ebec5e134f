// Journey (issue "Export deployable bundles"): penguins → Problem → Split → Train (gradient boosting) → Predict on
// the validation rows (the in-browser predictions, downloaded) → Export → the test unzips the downloaded bundle in
// Node, runs ONNX Runtime on model.onnx (onnxruntime-node, and onnxruntime-web in the page), starts serve.mjs on a free port and posts the rows over HTTP, runs score.mjs
// on the CSV, and gets the in-browser predictions from all three (labels equal, probabilities within 1e-5). Then the
// bundle is imported back into the Train cell, where it is scored on the validation rows and joins the board.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { download, unzipTo } from './support/files';
import { expect, test } from '@playwright/test';
import * as ort from 'onnxruntime-node';
import { addCellOfKind, trainPenguinsSpecies } from './support/studio';

const NUMBERS = ['Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)', 'Body Mass (g)'];

/** The in-browser predictions CSV split into its input table (as CSV text) and its label and probability columns. */
function readStudioCsv(path: string) {
  const [header, ...lines] = readFileSync(path, 'utf8').trim().split('\n');
  const names = header.split(',');
  const firstOutput = names.indexOf('prediction');
  const rows = lines.map((line) => line.split(','));
  return {
    inputCsv: [names.slice(0, firstOutput).join(','), ...rows.map((r) => r.slice(0, firstOutput).join(','))].join('\n') + '\n',
    columns: names.slice(0, firstOutput),
    inputs: rows.map((r) => r.slice(0, firstOutput)),
    labels: rows.map((r) => r[firstOutput]),
    probabilities: rows.map((r) => r.slice(firstOutput + 1).map(Number)),
  };
}

function expectClose(actual: number[][], expected: number[][]): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, r) => row.forEach((value, c) => expect(Math.abs(value - expected[r][c])).toBeLessThan(1e-5)));
}

async function startServer(dir: string): Promise<{ port: number; stop: () => Promise<number | null> }> {
  const child = spawn(process.execPath, ['serve.mjs'], { cwd: dir, env: { ...process.env, PORT: '0', ALLOW_UNSEEN: '1' } });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = out.match(/"event":"listening","port":(\d+)/);
      if (match) resolve(Number(match[1]));
    });
    child.on('exit', (code) => reject(new Error(`serve.mjs exited with ${code}: ${out}`)));
  });
  return { port, stop: () => new Promise((resolve) => { child.on('exit', resolve); child.kill('SIGTERM'); }) };
}

test('penguins: a bundle exported in the browser predicts as the studio does in ONNX Runtime, serve.mjs and score.mjs, and imports back', async ({ page }) => {
  test.setTimeout(300_000);
  const consoleErrors: string[] = [];
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  const train = await trainPenguinsSpecies(page);

  const predict = await addCellOfKind(page, 'Predict');
  await predict.getByTestId('predict-run').click();
  await expect(predict.getByTestId('predict-summary')).toBeVisible({ timeout: 60_000 });
  const studio = readStudioCsv(await download(predict, 'predict-download'));

  const exportCell = await addCellOfKind(page, 'Export');
  await exportCell.getByTestId('export-name').fill('penguins-species');
  await exportCell.getByTestId('export-name').blur();
  await exportCell.getByTestId('export-run').click();
  await expect(exportCell.getByTestId('export-summary')).toContainText('packaged as penguins-species.zip', { timeout: 120_000 });
  await expect(exportCell.getByTestId('export-notes')).toHaveCount(0);
  const zipPath = await download(exportCell, 'export-download');
  const dir = unzipTo(zipPath);
  for (const file of ['model.onnx', 'predict.mjs', 'serve.mjs', 'score.mjs', 'schema.json', 'metrics.json', 'model-card.md', 'README.md', 'Dockerfile', 'kserve.yaml', 'triton/penguins-species/config.pbtxt', 'triton/penguins-species/1/model.onnx']) {
    expect(readFileSync(join(dir, file)).length, file).toBeGreaterThan(0);
  }

  // ONNX Runtime: one input per raw column (numbers as double, categories as strings, "" = missing).
  const session = await ort.InferenceSession.create(join(dir, 'model.onnx'));
  const n = studio.inputs.length;
  const feeds: Record<string, ort.Tensor> = {};
  for (const name of session.inputNames) {
    const at = studio.columns.indexOf(name);
    const values = studio.inputs.map((row) => row[at]);
    feeds[name] = NUMBERS.includes(name)
      ? new ort.Tensor('float64', Float64Array.from(values, (v) => (v === '' ? NaN : Number(v))), [n, 1])
      : new ort.Tensor('string', values, [n, 1]);
  }
  const onnx = await session.run(feeds);
  const classes = 3;
  const onnxProbabilities = Array.from({ length: n }, (_, r) => Array.from((onnx.probabilities.data as Float64Array).subarray(r * classes, (r + 1) * classes)));
  expect(Array.from(onnx.label.data as string[])).toEqual(studio.labels);
  expectClose(onnxProbabilities, studio.probabilities);

  // onnxruntime-web in the page (WebAssembly, one thread): the same graph gives the same predictions in a browser.
  const ortDist = fileURLToPath(new URL('../node_modules/onnxruntime-web/dist/', import.meta.url));
  await page.route('**/__ort/**', (route) => {
    const file = basename(new URL(route.request().url()).pathname);
    return route.fulfill({ path: join(ortDist, file), contentType: file.endsWith('.wasm') ? 'application/wasm' : 'text/javascript' });
  });
  await page.addScriptTag({ url: '/__ort/ort.wasm.min.js' }); // a script element of the page's origin: the CSP allows no inline script
  const webFeeds = session.inputNames.map((name) => {
    const at = studio.columns.indexOf(name);
    const values = studio.inputs.map((row) => row[at]);
    return NUMBERS.includes(name) ? { name, type: 'float64', values: values.map((v) => (v === '' ? NaN : Number(v))) } : { name, type: 'string', values };
  });
  const web = await page.evaluate(async ({ model, feeds }) => {
    const ortWeb = (window as unknown as { ort: typeof ort & { env: { wasm: { numThreads: number; wasmPaths: string } } } }).ort;
    ortWeb.env.wasm.numThreads = 1;
    ortWeb.env.wasm.wasmPaths = `${location.origin}/__ort/`;
    const webSession = await ortWeb.InferenceSession.create(new Uint8Array(model));
    const tensors = Object.fromEntries(feeds.map((f) => [f.name, new ortWeb.Tensor(f.type as 'string', f.type === 'string' ? f.values : Float64Array.from(f.values as number[]) as never, [f.values.length, 1])]));
    const result = await webSession.run(tensors);
    return { labels: Array.from(result.label.data as string[]), probabilities: Array.from(result.probabilities.data as Float64Array) };
  }, { model: Array.from(readFileSync(join(dir, 'model.onnx'))), feeds: webFeeds });
  expect(web.labels).toEqual(studio.labels);
  expectClose(Array.from({ length: n }, (_, r) => web.probabilities.slice(r * classes, (r + 1) * classes)), studio.probabilities);

  // serve.mjs over HTTP, CSV in, JSON out.
  const server = await startServer(dir);
  try {
    const health = await fetch(`http://127.0.0.1:${server.port}/health`);
    expect(health.status).toBe(200);
    const response = await fetch(`http://127.0.0.1:${server.port}/predict`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: studio.inputCsv });
    const served = (await response.json()) as { predictions: string[]; probabilities: number[][] };
    expect([response.status, served.predictions]).toEqual([200, studio.labels]);
    expectClose(served.probabilities, studio.probabilities);
  } finally {
    expect(await server.stop()).toBe(0);
  }

  // score.mjs: CSV in, CSV out — the same file the Predict cell downloads.
  writeFileSync(join(dir, 'in.csv'), studio.inputCsv);
  const scored = spawnSync(process.execPath, ['score.mjs', 'in.csv', 'out.csv'], { cwd: dir, encoding: 'utf8' });
  expect(scored.status, scored.stderr).toBe(0);
  const batch = readStudioCsv(join(dir, 'out.csv'));
  expect(batch.labels).toEqual(studio.labels);
  expectClose(batch.probabilities, studio.probabilities);

  // Back into the studio: a foreign zip is refused saying why; the bundle's run joins the board, scored on this
  // notebook's validation rows.
  await train.getByTestId('train-bundle-input').setInputFiles({ name: 'photos.zip', mimeType: 'application/zip', buffer: Buffer.from('PK\x03\x04 not really') });
  await expect(train.getByTestId('train-import-error')).toContainText('This file is not a readable zip');
  await train.getByTestId('train-bundle-input').setInputFiles(zipPath);
  await expect(train.getByTestId('run-imported')).toHaveCount(1, { timeout: 60_000 });
  await expect(train.getByTestId('leaderboard-row')).toHaveCount(2);
  expect(consoleErrors).toEqual([]);
});
