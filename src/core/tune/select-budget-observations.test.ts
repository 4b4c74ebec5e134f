import { describe, expect, it } from 'vitest';
import { selectBudgetObservations } from './select-budget-observations';
import type { Observation } from './types';

const at = (budget: number, count: number, loss: number | null = 1): Observation[] => Array.from({ length: count }, (_, i) => ({ params: { i }, loss, budget }));

describe('selectBudgetObservations', () => {
  it('keeps the largest budget with enough successful points (its failed ones too), else every observation', () => {
    const history = [...at(1 / 9, 9), ...at(1 / 3, 3), ...at(1 / 3, 2, null), ...at(1, 1)];
    expect(selectBudgetObservations(history, 3)).toEqual([...at(1 / 3, 3), ...at(1 / 3, 2, null)]);
    expect(selectBudgetObservations(history, 5)).toEqual(at(1 / 9, 9));
    expect(selectBudgetObservations(history, 10)).toBe(history);
  });
});
