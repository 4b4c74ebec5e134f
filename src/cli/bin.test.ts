// The shipped command, as `npx ml-studio` starts it: bin/ml-studio.mjs (package.json "bin") loads the TypeScript
// CLI through tsx in a fresh Node process, runs an example notebook and sets the exit code.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

describe('bin/ml-studio.mjs', () => {
  it('is the package\'s "ml-studio" command; it runs examples/penguins.notebook.json to the end and exits 0, and 2 for a file that is not there', async () => {
    expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).bin).toEqual({ 'ml-studio': 'bin/ml-studio.mjs' });
    const out = join(mkdtempSync(join(tmpdir(), 'ml-studio-bin-')), 'out');
    const { stderr } = await run(process.execPath, ['bin/ml-studio.mjs', 'run', 'examples/penguins.notebook.json', '--out', out], { cwd: ROOT, timeout: 120_000 });
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
    expect({
      status: results.status,
      cells: results.cells.map((cell: { kind: string; status: string }) => `${cell.kind}:${cell.status}`),
      runs: readdirSync(join(out, 'runs')).length > 0,
      progress: stderr.includes('ml-studio: running'),
    }).toEqual({
      status: 'succeeded',
      cells: ['data:done', 'problem:done', 'split:done', 'prepare:done', 'train:done', 'evaluate:done'],
      runs: true,
      progress: true,
    });
    const missing = await run(process.execPath, ['bin/ml-studio.mjs', 'run', 'no-such.notebook.json'], { cwd: ROOT }).catch((error: { code: number; stderr: string }) => error);
    expect([(missing as { code: number }).code, (missing as { stderr: string }).stderr]).toEqual([2, expect.stringContaining('no-such.notebook.json')]);
  }, 150_000);
});
