import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STUDIO_VERSION } from './version';

describe('STUDIO_VERSION', () => {
  it('is the version in package.json', () => {
    expect(STUDIO_VERSION).toBe(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version);
  });
});
