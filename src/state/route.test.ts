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

  it('reads the runs, models and one model routes, decoding the model name', () => {
    expect([parseRoute('#/runs'), parseRoute('#/models/'), parseRoute('#/models/penguins%20species')]).toEqual([
      { kind: 'runs' },
      { kind: 'models' },
      { kind: 'model', name: 'penguins species' },
    ]);
  });

  it('marks anything else as not found', () => {
    expect([parseRoute('#/models/a/3'), parseRoute('#/runs/x')]).toEqual([
      { kind: 'not-found', hash: '#/models/a/3' },
      { kind: 'not-found', hash: '#/runs/x' },
    ]);
  });
});

describe('formatRoute', () => {
  it('round-trips notebook ids that need encoding', () => {
    const href = formatRoute({ kind: 'notebook', id: 'a/b c' as NotebookId });
    expect({ href, back: parseRoute(href) }).toEqual({ href: '#/notebook/a%2Fb%20c', back: { kind: 'notebook', id: 'a/b c' } });
  });

  it('round-trips model names that need encoding', () => {
    const href = formatRoute({ kind: 'model', name: 'churn/v2 #1' });
    expect({ href, back: parseRoute(href) }).toEqual({ href: '#/models/churn%2Fv2%20%231', back: { kind: 'model', name: 'churn/v2 #1' } });
  });

  it('formats home, runs and models', () => {
    expect([formatRoute({ kind: 'home' }), formatRoute({ kind: 'runs' }), formatRoute({ kind: 'models' })]).toEqual(['#/', '#/runs', '#/models']);
  });
});
