// Automatic preparation: the steps a model family still needs after the user's pipeline (dates to parts, missing
// values imputed with indicators, categories encoded with a rare-level bucket, numbers standardised), planned
// from the prepared training table so they are fitted on training rows only and stored with the run.

import type { FamilyNeeds } from '../models/types';
import type { Column, Table } from '../table/types';
import { BOOLEAN_MISSING } from '../table/types';
import type { DatePart, PipelineStep } from '../transform/step-types';

/** Which columns each automatic step touched; empty lists when a step was not needed. */
export interface AutoPreparation {
  readonly dates: string[];
  readonly imputed: string[];
  readonly oneHot: string[];
  readonly ordinal: string[];
  readonly scaled: string[];
  readonly dropped: string[];
}

/** Categories seen in fewer training rows than this share (at least 2 rows, at most 10) go to the one-hot "other" column. */
export const RARE_LEVEL_SHARE = 0.01;
/** Most one-hot columns per category column, "other" included. */
export const MAX_ONE_HOT_COLUMNS = 30;
/** Native categorical splits take at most this many levels; more become ordinal indices. */
const MAX_CODE_LEVELS = 250;
const DATE_PARTS = ['year', 'month', 'day', 'weekday', 'hour'] as const satisfies readonly DatePart[];

/** The steps (ids prefixed "auto:") that give `needs` from `train` (the target is never touched), and what they cover. */
export function planAutoPreparation(train: Table, target: string | null, needs: FamilyNeeds): { steps: PipelineStep[]; summary: AutoPreparation } {
  const features = train.columns.filter((c) => c.name !== target);
  const empty = features.filter((c) => c.kind !== 'text' && countPresent(c) === 0).map((c) => c.name);
  const usable = features.filter((c) => !empty.includes(c.name));
  const datetimes = usable.filter((c): c is Extract<Column, { kind: 'datetime' }> => c.kind === 'datetime');
  const dateParts = datetimes.map((c) => ({ name: c.name, parts: listVaryingParts(c.values) })).filter((d) => d.parts.length > 0);
  const categorical = usable.filter((c): c is Extract<Column, { kind: 'categorical' }> => c.kind === 'categorical');
  const { oneHot, ordinal } = chooseEncodings(categorical, needs);
  const numeric = [...usable.filter((c) => c.kind === 'numeric').map((c) => c.name), ...dateParts.flatMap((d) => d.parts.map((p) => `${d.name}_${p}`))];
  const impute = needs.acceptsMissing ? { numbers: [], labels: [] } : {
    numbers: [...numeric, ...ordinal],
    labels: usable.filter((c) => c.kind === 'boolean' || (c.kind === 'categorical' && !ordinal.includes(c.name))).map((c) => c.name),
  };
  const scaled = needs.scaled ? numeric : [];
  const steps: PipelineStep[] = [];
  if (empty.length > 0) steps.push({ kind: 'drop', id: 'auto:drop-empty', columns: empty });
  if (dateParts.length > 0) {
    // One step per column: each keeps only the parts that vary in training (a constant part is no feature).
    dateParts.forEach((d) => steps.push({ kind: 'date_parts', id: `auto:dates:${d.name}`, columns: [d.name], parts: d.parts, dropOriginal: true }));
  }
  if (ordinal.length > 0) steps.push({ kind: 'ordinal', id: 'auto:ordinal', columns: ordinal });
  if (impute.numbers.length > 0) steps.push({ kind: 'impute', id: 'auto:impute-numbers', columns: impute.numbers, strategy: 'median', addIndicator: true });
  if (impute.labels.length > 0) steps.push({ kind: 'impute', id: 'auto:impute-labels', columns: impute.labels, strategy: 'most_frequent', addIndicator: true });
  if (oneHot.length > 0) {
    steps.push({
      kind: 'one_hot', id: 'auto:one-hot', columns: oneHot, minFrequency: Math.min(10, Math.max(2, Math.round(RARE_LEVEL_SHARE * train.rowCount))), maxCategories: MAX_ONE_HOT_COLUMNS,
      handleUnknown: 'infrequent_if_exist', ...(needs.categorical === 'one_hot_drop_first' ? { drop: 'first' as const } : {}),
    });
  }
  if (scaled.length > 0) steps.push({ kind: 'scale', id: 'auto:scale', columns: scaled, method: 'standard' });
  const hadMissing = new Set(usable.filter((c) => countPresent(c) < train.rowCount).map((c) => c.name));
  dateParts.forEach((d) => { if (hadMissing.has(d.name)) d.parts.forEach((p) => hadMissing.add(`${d.name}_${p}`)); });
  const imputed = [...impute.numbers, ...impute.labels].filter((name) => hadMissing.has(name));
  return { steps, summary: { dates: dateParts.map((d) => d.name), imputed, oneHot, ordinal, scaled, dropped: empty } };
}

/** "auto: impute 3 columns, one-hot 4, scale 12" — empty when nothing was added. */
export function describeAutoPreparation(summary: AutoPreparation): string {
  const parts = [
    summary.dates.length ? `date parts ${summary.dates.length}` : '',
    summary.imputed.length ? `impute ${summary.imputed.length} column${summary.imputed.length === 1 ? '' : 's'}` : '',
    summary.oneHot.length ? `one-hot ${summary.oneHot.length}` : '',
    summary.ordinal.length ? `ordinal ${summary.ordinal.length}` : '',
    summary.scaled.length ? `scale ${summary.scaled.length}` : '',
    summary.dropped.length ? `drop ${summary.dropped.length} empty` : '',
  ].filter(Boolean);
  return parts.length ? `auto: ${parts.join(', ')}` : '';
}

function chooseEncodings(categorical: readonly Extract<Column, { kind: 'categorical' }>[], needs: FamilyNeeds): { oneHot: string[]; ordinal: string[] } {
  const names = categorical.map((c) => c.name);
  if (needs.categorical === 'one_hot' || needs.categorical === 'one_hot_drop_first') return { oneHot: names, ordinal: [] };
  if (needs.categorical === 'ordinal') return { oneHot: [], ordinal: names };
  return { oneHot: [], ordinal: categorical.filter((c) => c.levels.length > MAX_CODE_LEVELS).map((c) => c.name) };
}

/** The calendar parts (UTC) that take more than one value among the present timestamps. */
function listVaryingParts(values: Float64Array): DatePart[] {
  const first = new Map<DatePart, number>();
  const varying = new Set<DatePart>();
  for (const t of values) {
    if (Number.isNaN(t)) continue;
    const d = new Date(t);
    const parts: Record<(typeof DATE_PARTS)[number], number> = { year: d.getUTCFullYear(), month: d.getUTCMonth(), day: d.getUTCDate(), weekday: d.getUTCDay(), hour: d.getUTCHours() };
    for (const part of DATE_PARTS) {
      const seen = first.get(part);
      if (seen === undefined) first.set(part, parts[part]);
      else if (seen !== parts[part]) varying.add(part);
    }
    if (varying.size === DATE_PARTS.length) break;
  }
  return DATE_PARTS.filter((part) => varying.has(part));
}

function countPresent(column: Column): number {
  let present = 0;
  switch (column.kind) {
    case 'numeric':
    case 'datetime':
      for (const v of column.values) if (!Number.isNaN(v)) present++;
      return present;
    case 'categorical':
      for (const c of column.codes) if (c >= 0) present++;
      return present;
    case 'boolean':
      for (const v of column.values) if (v !== BOOLEAN_MISSING) present++;
      return present;
    case 'text':
      for (const m of column.missing) if (m === 0) present++;
      return present;
  }
}
