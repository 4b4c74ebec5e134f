// The page's Content-Security-Policy (index.html's <meta>, copied into the build as it is): no eval, no inline
// script, nothing fetched from another origin. The journeys run under it (e2e/no-egress.spec.ts also fails on any
// violation), so a library that needs more shows up there, not in production.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const html = readFileSync(new URL('../index.html', import.meta.url), 'utf8');

/** The policy's directives: name → sources. */
function readPolicy(): Map<string, string[]> {
  const content = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
  if (!content) throw new Error('index.html has no Content-Security-Policy meta tag.');
  return new Map(content.split(';').map((part) => part.trim().split(/\s+/)).filter((words) => words[0]).map(([name, ...sources]) => [name, sources]));
}

describe('index.html Content-Security-Policy', () => {
  it('allows scripts from the origin only, WebAssembly but no eval, and no inline script', () => {
    const policy = readPolicy();
    expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // every script element loads a file
  });

  it('connects, loads workers and submits forms nowhere but the origin', () => {
    const policy = readPolicy();
    expect([policy.get('connect-src'), policy.get('worker-src'), policy.get('object-src'), policy.get('form-action'), policy.get('base-uri')])
      .toEqual([["'self'"], ["'self'"], ["'none'"], ["'none'"], ["'self'"]]);
  });
});
