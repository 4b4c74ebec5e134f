// The prediction log's writer: lines appended in order, a new numbered file once one would pass maxBytes, a failed
// write reported and counted (never thrown), nothing written after close.

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatLogFileName, openPredictionLog, type LogHooks } from './prediction-log';

const START_MS = Date.UTC(2026, 11, 7, 10, 15, 30, 123);
let dir = '';

function createHooks(): LogHooks & { events: string[] } {
  const events: string[] = [];
  return { events, onWritten: (type, count) => events.push(`${type} ${count}`), onError: (kind, message, count) => events.push(`${kind} ${count} ${message ?? ''}`) };
}

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('openPredictionLog', () => {
  it('names files by start time and number, and starts the next file before one would pass maxBytes', async () => {
    dir = join(mkdtempSync(join(tmpdir(), 'serve-log-')), 'log');
    const hooks = createHooks();
    const log = await openPredictionLog(dir, 120, hooks, START_MS);
    for (let i = 0; i < 6; i++) log.append('prediction', { type: 'prediction', n: i, pad: 'x'.repeat(20) }); // 57 bytes a line: two to a file
    log.append('feedback', { type: 'feedback', requestId: 'r', labels: ['a'] });
    await log.close();
    log.append('prediction', { after: 'close' });
    await log.flush();
    expect(formatLogFileName(START_MS, 2)).toBe('predictions-20261207T101530123Z-00002.jsonl');
    const names = readdirSync(dir).sort();
    expect(names).toEqual([1, 2, 3, 4].map((n) => formatLogFileName(START_MS, n)));
    const lines = names.map((name) => readFileSync(join(dir, name), 'utf8'));
    expect(lines.map((text) => Buffer.byteLength(text))).toEqual([114, 114, 114, 51]);
    expect(lines.join('').trimEnd().split('\n').map((line) => JSON.parse(line) as { n?: number; type: string }).map((r) => r.n ?? r.type)).toEqual([0, 1, 2, 3, 4, 5, 'feedback']);
    expect(hooks.events.filter((e) => e.startsWith('feedback'))).toEqual(['feedback 1']);
    expect(hooks.events.filter((e) => e.startsWith('prediction')).reduce((sum, e) => sum + Number(e.split(' ')[1]), 0)).toBe(6);
    expect(hooks.events.filter((e) => e.startsWith('dropped'))).toEqual(['dropped 1 ']); // the line after close
  });

  it('reports a write that fails, keeps going, and refuses a folder it cannot create', async () => {
    dir = mkdtempSync(join(tmpdir(), 'serve-log-'));
    const hooks = createHooks();
    const log = await openPredictionLog(join(dir, 'log'), 1000, hooks, START_MS);
    rmSync(join(dir, 'log'), { recursive: true });
    log.append('prediction', { n: 1 });
    await log.flush();
    expect(hooks.events).toEqual([expect.stringMatching(/^write 1 prediction log: writing .*log failed \(ENOENT: .*\); 1 line\(s\) lost, the next write starts a new file\.$/)]);
    writeFileSync(join(dir, 'file'), '');
    await expect(openPredictionLog(join(dir, 'file', 'log'), 1000, hooks).then(() => 'opened', (error: Error) => error.message)).resolves.toBe(`--log-predictions "${join(dir, 'file', 'log')}" cannot be written (ENOTDIR): give a folder this user can write.`);
  });
});
