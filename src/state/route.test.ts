import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute } from './route';
import type { NotebookId } from '../core/notebook/types';

describe('parseRoute', () => {
  it('reads the home route from an empty or root hash', () => {
    expect([parseRoute(''), parseRoute('#'), parseRoute('#/')]).toEqual([{ kind: 'home' }, { kind: 'home' }, { kind: 'home' }]);
  });

  it('reads a notebook id, decoding it and ignoring a trailing slash', () => {
    expect(parseRoute('#/notebook/nb%201/')).toEqual({ kind: 'notebook', id: 'nb 1' });
  });

  it('marks anything else as not found', () => {
    expect(parseRoute('#/models/3')).toEqual({ kind: 'not-found', hash: '#/models/3' });
  });
});

describe('formatRoute', () => {
  it('round-trips notebook ids that need encoding', () => {
    const href = formatRoute({ kind: 'notebook', id: 'a/b c' as NotebookId });
    expect({ href, back: parseRoute(href) }).toEqual({ href: '#/notebook/a%2Fb%20c', back: { kind: 'notebook', id: 'a/b c' } });
  });

  it('formats home as #/', () => {
    expect(formatRoute({ kind: 'home' })).toBe('#/');
  });
});
