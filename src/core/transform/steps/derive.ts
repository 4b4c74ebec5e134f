// Derive step: a new column from an expression over each row (core/expression), computed the same way
// at fit and transform. No state; expression errors carry their position in the message.

import { evaluateExpression } from '../../expression/evaluate';
import { StudioError } from '../../errors';
import type { DeriveStep } from '../step-types';
import { assertNewName, createStepError, replaceColumns, type StepDefinition } from '../step-context';

/** Derive: appends column `name` (numeric, boolean, text or datetime as the expression gives). */
export const deriveStep: StepDefinition<DeriveStep, null> = {
  fit: () => null,
  apply(step, _state, table) {
    assertNewName(step, table, step.name);
    try {
      return { table: replaceColumns(table, new Map(), [evaluateExpression(step.expression, table, step.name)]) };
    } catch (error) {
      throw error instanceof StudioError ? createStepError(step, error.message) : error;
    }
  },
};
