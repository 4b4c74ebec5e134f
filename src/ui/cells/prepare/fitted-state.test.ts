import { describe, expect, it } from 'vitest';
import { describeFittedState } from './fitted-state';

describe('describeFittedState', () => {
  it('shows per-column state one line per column, shared state first, long lists cut', () => {
    expect(describeFittedState({ columns: [{ name: 'Age', fill: 28.123456789, indicator: true }, { name: 'Sex', fill: 'male', indicator: false }] })).toEqual([
      { column: 'Age', values: ['fill: 28.1235', 'indicator: yes'] },
      { column: 'Sex', values: ['fill: male', 'indicator: no'] },
    ]);
    expect(describeFittedState({ classes: null, targetMeans: [0.25], columns: [{ name: 'c', categories: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'], encodings: [[0.1]] }] })).toEqual([
      { column: null, values: ['classes: —', 'targetMeans: [0.25]'] },
      { column: 'c', values: ['categories: [a, b, c, d, e, f, g, h, … 2 more]', 'encodings: [[0.1]]'] },
    ]);
  });

  it('shows nothing for stateless steps and a line for anything else', () => {
    expect([describeFittedState(null), describeFittedState(3)]).toEqual([[], [{ column: null, values: ['3'] }]]);
  });
});
