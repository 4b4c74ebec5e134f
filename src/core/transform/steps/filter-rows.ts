// Filter step: keeps the rows where an expression is true — in training at fit and in every table at
// transform, so scoring sees the same population. Missing counts as false. Removed rows are counted.

import { evaluateExpression } from '../../expression/evaluate';
import { StudioError } from '../../errors';
import type { FilterStep } from '../step-types';
import { createStepError, type StepDefinition } from '../step-context';
import { takeRows } from '../take-rows';

/** Filter: no state; keptRows says which input rows survive. */
export const filterStep: StepDefinition<FilterStep, null> = {
  fit: () => null,
  apply(step, _state, table, report) {
    let result;
    try {
      result = evaluateExpression(step.expression, table, '(filter)');
    } catch (error) {
      throw error instanceof StudioError ? createStepError(step, error.message) : error;
    }
    if (result.kind !== 'boolean') throw createStepError(step, `the filter expression gives ${result.kind} values; it must give true/false (e.g. Age >= 18).`);
    const kept: number[] = [];
    result.values.forEach((v, row) => {
      if (v === 1) kept.push(row);
    });
    report.rowsRemoved += table.rowCount - kept.length;
    const keptRows = Uint32Array.from(kept);
    return { table: takeRows(table, keptRows), keptRows };
  },
};
