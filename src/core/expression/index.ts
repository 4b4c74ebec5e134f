// Public surface of core/expression: a safe expression language for derived columns and row filters.

export { evaluateExpression, suggestName } from './evaluate';
export { parseExpression } from './parse';
export type { BinaryOperator, ExpressionNode } from './parse';
export { tokenize } from './tokenize';
export { FUNCTION_NAMES } from './functions';
