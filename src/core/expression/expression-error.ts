// Errors in user expressions: a PipelineError with the 1-based position and a caret under the source.

import { StudioError } from '../errors';

/** A PipelineError "<message> at position N[ — hint]" then the source and a caret line; `index` is 0-based. */
export function createExpressionError(message: string, source: string, index: number, hint?: string): StudioError {
  const position = Math.min(index, source.length) + 1;
  const caret = `${' '.repeat(position - 1)}^`;
  return new StudioError('PipelineError', `${message} at position ${position}${hint ? ` — ${hint}` : ''}\n  ${source}\n  ${caret}`);
}
