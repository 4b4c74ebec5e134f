// Errors in user expressions: a PipelineError with the 1-based position and a caret under the source.

import { StudioError } from '../errors';

/** Characters of the source shown each side of the position; a longer source is shown clipped, with "…". */
const SHOWN_AROUND = 60;

/**
 * A PipelineError "<message> at position N[ — hint]" then the source and a caret line; `index` is 0-based. A source
 * longer than 121 characters is shown as the 60 either side of the position, so a 10 MB expression makes a short message.
 */
export function createExpressionError(message: string, source: string, index: number, hint?: string): StudioError {
  const position = Math.min(index, source.length) + 1;
  const from = Math.max(0, position - 1 - SHOWN_AROUND);
  const to = Math.min(source.length, position - 1 + SHOWN_AROUND + 1);
  const shown = `${from > 0 ? '…' : ''}${source.slice(from, to)}${to < source.length ? '…' : ''}`;
  const caret = `${' '.repeat(position - 1 - from + (from > 0 ? 1 : 0))}^`;
  return new StudioError('PipelineError', `${message} at position ${position}${hint ? ` — ${hint}` : ''}\n  ${shown}\n  ${caret}`);
}

/** `text` for a message: up to 40 characters, then "…" (a column name or string may be megabytes long). */
export function clipText(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
