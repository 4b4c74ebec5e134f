// Dedupe step: drop exact duplicate rows (all columns equal; the first is kept) from TRAINING only, so a
// duplicated row cannot be over-weighted in fitting. Transform leaves rows alone: deduplicating a test or
// scoring table would silently drop predictions.

import { keyRows } from '../../split/column-keys';
import type { DedupeStep } from '../step-types';
import { takeRows } from '../take-rows';
import type { StepDefinition } from '../step-context';

/** Dedupe: no state; removes rows only in 'fit' mode and counts them in rowsRemoved. */
export const dedupeStep: StepDefinition<DedupeStep, null> = {
  fit: () => null,
  apply(_step, _state, table, report, mode) {
    if (mode === 'transform') return { table };
    const keys = keyRows(table, Uint32Array.from({ length: table.rowCount }, (_, i) => i));
    const seen = new Set<string>();
    const kept: number[] = [];
    keys.forEach((key, row) => {
      if (!seen.has(key)) {
        seen.add(key);
        kept.push(row);
      }
    });
    report.rowsRemoved += table.rowCount - kept.length;
    const keptRows = Uint32Array.from(kept);
    return { table: takeRows(table, keptRows), keptRows };
  },
};
