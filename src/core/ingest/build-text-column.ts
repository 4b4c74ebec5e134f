// The one place the importer turns kept cell texts into a TextColumn, so its representation can change here alone.

import { createTextColumn } from '../table/text-column';
import type { TextColumn } from '../table/types';

/** A text column from cell texts (null = missing); `idLike` marks a column judged an identifier. */
export function buildTextColumn(name: string, values: readonly (string | null)[], idLike: boolean): TextColumn {
  return createTextColumn(name, values, idLike ? true : undefined);
}
