// serve.mjs's flags and environment: defaults, flags over variables, and every refusal naming the flag and the fix.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeServeFlags } from './serve-flags';
import { readServeOptions } from './read-serve-options';

const read = (argv: string[], env: Record<string, string> = {}) => readServeOptions(argv, env, '/srv/bundle');

describe('readServeOptions', () => {
  it("keeps today's defaults and environment variables", () => {
    expect(read([])).toEqual({
      port: 8080, maxBodyBytes: 10_485_760, requestTimeoutMs: 30_000, allowUnseen: false, model: '/srv/bundle', canary: null,
      token: null, metricsToken: null, log: null, valueBuckets: [-1e6, -1e5, -1e4, -1e3, -100, -10, -1, -0.1, 0, 0.1, 1, 10, 100, 1e3, 1e4, 1e5, 1e6],
    });
    expect(read([], { PORT: '9000', MAX_BODY_BYTES: '100', REQUEST_TIMEOUT_MS: '5', ALLOW_UNSEEN: 'true', BUNDLE_DIR: '/b' })).toMatchObject({ port: 9000, maxBodyBytes: 100, requestTimeoutMs: 5, allowUnseen: true, model: '/b' });
  });

  it('reads every flag, a flag winning over its variable', () => {
    expect(read(['--port=0', '--model', 'a.zip', '--canary', 'b.zip', '--canary-share', '0.25', '--canary-key', 'X-User', '--token', 't', '--log-predictions', 'logs', '--log-max-bytes', '1000', '--log-sample', '0.5', '--log-fields', 'x, flag', '--value-buckets', '0,10,100'], { PORT: '1', SERVE_CANARY_SHARE: '0.9', SERVE_METRICS_TOKEN: 'm' })).toEqual({
      port: 0, maxBodyBytes: 10_485_760, requestTimeoutMs: 30_000, allowUnseen: false, model: 'a.zip',
      canary: { source: 'b.zip', share: 0.25, keyHeader: 'x-user', shadow: false }, token: 't', metricsToken: 'm',
      log: { dir: 'logs', maxBytes: 1000, sample: 0.5, fields: ['x', 'flag'] }, valueBuckets: [0, 10, 100],
    });
    expect(read([], { SERVE_CANARY: 'b', SERVE_SHADOW: '1' })).toMatchObject({ canary: { source: 'b', share: 0, shadow: true } });
    expect(read(['--help'])).toBe('help');
    expect(describeServeFlags()).toContain('  --canary-share <0..1>          share of requests the canary answers (default 0.1) [SERVE_CANARY_SHARE]');
  });

  it('reads the token from --token-file, and refuses one it cannot read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'serve-token-'));
    writeFileSync(join(dir, 'token'), 's3cret\n');
    writeFileSync(join(dir, 'empty'), '\n');
    expect(read(['--token-file', join(dir, 'token')]).valueOf()).toMatchObject({ token: 's3cret' });
    expect(() => read(['--token-file', join(dir, 'absent')])).toThrow(`--token-file "${join(dir, 'absent')}" cannot be read (ENOENT): give a readable file that holds the token.`);
    expect(() => read([], { SERVE_TOKEN_FILE: join(dir, 'empty') })).toThrow('is empty: write the token into it.');
  });

  it.each([
    [['--canary', 'b', '--canary-share', '1.5'], '--canary-share must be a share between 0 and 1 (0.1 = 10 %), got "1.5".'],
    [['--canary', 'b', '--canary-share=-0.1'], '--canary-share must be a share between 0 and 1 (0.1 = 10 %), got "-0.1".'],
    [['--canary-share', '0.2'], '--canary-share needs --canary <dir|zip>: give the second bundle, or leave --canary-share out.'],
    [['--shadow'], '--shadow needs --canary <dir|zip>: give the second bundle, or leave --shadow out.'],
    [['--canary', 'b', '--shadow', '--canary-share', '0.2'], '--canary-share has no effect with --shadow (the shadow scores every request): leave one of them out.'],
    [['--canary', 'b', '--canary-key', 'bad header'], '--canary-key "bad header" is not an HTTP header name; give one such as x-request-key or x-user-id.'],
    [['--tokn', 'x'], 'Unknown flag --tokn: run "node serve.mjs --help" for the list.'],
    [['bundle.zip'], 'Unexpected argument bundle.zip: every setting is a flag (e.g. --model bundle.zip); run "node serve.mjs --help".'],
    [['--canary', 'b', '--canary-share', '-0.1'], '--canary-share needs a value: --canary-share <value>, or --canary-share=<value> when the value starts with "-".'],
    [['--model'], '--model needs a value: --model <value>, or --model=<value> when the value starts with "-".'],
    [['--shadow=1'], '--shadow is a switch and takes no value: write --shadow alone.'],
    [['--port', 'eighty'], '--port must be a whole number ≥ 0, got "eighty".'],
    [['--token', ''], '--token is empty: give the secret, or leave --token out to run without it.'],
    [['--token', 'a', '--token-file', 'f'], 'Both --token and --token-file are set: keep one (a file keeps the secret out of the process list).'],
    [['--log-sample', '0.5'], '--log-sample needs --log-predictions <dir>: give the log\'s folder, or leave --log-sample out.'],
    [['--log-predictions', 'l', '--log-sample', '2'], '--log-sample must be a share between 0 and 1 (0.1 = 10 %), got "2".'],
    [['--value-buckets', '10,1'], '--value-buckets must be ascending numbers separated by commas (e.g. 0,10,100,1000), got "10,1".'],
  ])('refuses %j', (argv, message) => {
    expect(() => read(argv)).toThrow(message);
  });

  it('refuses a yes/no variable it cannot read', () => {
    expect(() => read([], { ALLOW_UNSEEN: 'maybe' })).toThrow('ALLOW_UNSEEN="maybe" is not a yes/no value; set it to 1 or 0.');
  });
});
