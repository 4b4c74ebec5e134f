// Parsed CSV rows as a table of text columns: serve.mjs and score.mjs read CSV this way and let the contract
// decide every column's kind (alignTableToContract converts), so no inference guesses differ between chunks.

import { makeHeadersUnique } from '../core/csv/make-headers-unique';
import { DEFAULT_MISSING_TOKENS } from '../core/notebook/types';
import { createTextColumn } from '../core/table/text-column';
import type { Table } from '../core/table/types';

const MISSING = new Set(DEFAULT_MISSING_TOKENS);

/** `rows` (cells in `header` order; a short row's absent cells are missing) as text columns; the importer's missing tokens become missing. */
export function cellsToTable(header: readonly string[], rows: readonly (readonly string[])[]): Table {
  const names = makeHeadersUnique([...header]).names;
  const columns = names.map((name, c) => createTextColumn(name, rows.map((row) => {
    const cell = row[c];
    return cell === undefined || MISSING.has(cell.trim()) ? null : cell;
  })));
  return { rowCount: rows.length, columns };
}
