// Missing-value masks in one convention for every column kind: NaN numbers and instants, code −1,
// boolean 255, text null.

import { BOOLEAN_MISSING, type Column } from '../table/types';

/** 1 where the row is missing, 0 where present. Infinity counts as present. */
export function maskMissing(column: Column): Uint8Array {
  if (column.kind === 'text') return column.missing.slice();
  const length = column.kind === 'categorical' ? column.codes.length : column.values.length;
  const mask = new Uint8Array(length);
  switch (column.kind) {
    case 'numeric':
    case 'datetime':
      for (let i = 0; i < length; i++) mask[i] = column.values[i] !== column.values[i] ? 1 : 0;
      break;
    case 'categorical':
      for (let i = 0; i < length; i++) mask[i] = column.codes[i] < 0 ? 1 : 0;
      break;
    case 'boolean':
      for (let i = 0; i < length; i++) mask[i] = column.values[i] === BOOLEAN_MISSING ? 1 : 0;
  }
  return mask;
}
