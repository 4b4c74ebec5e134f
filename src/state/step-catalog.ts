// The Prepare cell's catalogue of pipeline steps: the add-menu groups and labels, each kind's default spec,
// fresh step ids, and a one-line description of a configured step ("Impute Age with median").

import { isColumnRule, type ColumnRuleKind, type ColumnSelection, type PipelineStep, type StepKind } from '../core/transform/step-types';

export type StepGroup = 'Columns' | 'Missing values' | 'Scale and shape' | 'Encode' | 'Rows' | 'Derive' | 'Class imbalance';

export interface StepKindInfo {
  readonly kind: StepKind;
  readonly label: string;
  readonly group: StepGroup;
}

/** Every step kind in add-menu order, grouped by purpose. */
export const STEP_KINDS: readonly StepKindInfo[] = [
  { kind: 'drop', label: 'Drop columns', group: 'Columns' },
  { kind: 'cast', label: 'Change type', group: 'Columns' },
  { kind: 'impute', label: 'Impute missing values', group: 'Missing values' },
  { kind: 'scale', label: 'Scale', group: 'Scale and shape' },
  { kind: 'log1p', label: 'log(1 + x)', group: 'Scale and shape' },
  { kind: 'yeo_johnson', label: 'Yeo–Johnson', group: 'Scale and shape' },
  { kind: 'cap_outliers', label: 'Cap outliers', group: 'Scale and shape' },
  { kind: 'bin', label: 'Bin', group: 'Scale and shape' },
  { kind: 'one_hot', label: 'One-hot encode', group: 'Encode' },
  { kind: 'ordinal', label: 'Ordinal encode', group: 'Encode' },
  { kind: 'target_encode', label: 'Target encode', group: 'Encode' },
  { kind: 'date_parts', label: 'Date parts', group: 'Encode' },
  { kind: 'derive', label: 'Derived column', group: 'Derive' },
  { kind: 'filter', label: 'Filter rows', group: 'Rows' },
  { kind: 'dedupe', label: 'Remove duplicates', group: 'Rows' },
  { kind: 'resample', label: 'Balance classes', group: 'Class imbalance' },
];

/** The catalogue entry of a kind. */
export function findStepKind(kind: StepKind): StepKindInfo {
  return STEP_KINDS.find((info) => info.kind === kind) as StepKindInfo;
}

/** `${kind}-${n}` with the smallest n ≥ 1 that no step in `steps` uses. */
export function createStepId(kind: StepKind, steps: readonly PipelineStep[]): string {
  const taken = new Set(steps.map((s) => s.id));
  let n = 1;
  while (taken.has(`${kind}-${n}`)) n++;
  return `${kind}-${n}`;
}

/** A new step of `kind` with sensible defaults; `target` (the Problem's, or null) seeds target-based steps. */
export function createStep(kind: StepKind, id: string, target: string | null, columns: string[] = []): PipelineStep {
  const t = target ?? '';
  switch (kind) {
    case 'drop': return { kind, id, columns };
    case 'cast': return { kind, id, columns, to: 'categorical' };
    case 'impute': return { kind, id, columns, strategy: 'median', addIndicator: false };
    case 'scale': return { kind, id, columns, method: 'standard' };
    case 'log1p': return { kind, id, columns };
    case 'yeo_johnson': return { kind, id, columns, standardize: true };
    case 'one_hot': return { kind, id, columns, maxCategories: 20, handleUnknown: 'infrequent_if_exist' };
    case 'ordinal': return { kind, id, columns };
    case 'target_encode': return { kind, id, columns, target: t, smoothing: 'auto', folds: 5, seed: 0 };
    case 'bin': return { kind, id, columns, method: 'quantile', nBins: 5 };
    case 'date_parts': return { kind, id, columns, parts: ['year', 'month', 'weekday'], dropOriginal: true };
    case 'derive': return { kind, id, name: 'new_feature', expression: '' };
    case 'filter': return { kind, id, expression: '' };
    case 'dedupe': return { kind, id };
    case 'cap_outliers': return { kind, id, columns, method: 'iqr', iqrMultiplier: 1.5 };
    case 'resample': return { kind, id, method: 'class_weights', target: t, seed: 0 };
  }
}

/** The columns a step names (derive/filter and column rules: none listed; resample/target: the target). */
export function listStepColumns(step: PipelineStep): string[] {
  if ('columns' in step) return [...(isColumnRule(step.columns) ? [] : step.columns), ...(step.kind === 'target_encode' && step.target ? [step.target] : [])];
  if (step.kind === 'resample') return step.target ? [step.target] : [];
  return [];
}

/** One line saying what the step does, e.g. "Impute Age with median" or "Scale 3 columns (standard)". */
export function describeStep(step: PipelineStep): string {
  const cols = 'columns' in step ? describeColumnSelection(step.columns) : '';
  switch (step.kind) {
    case 'drop': return `Drop ${cols}`;
    case 'cast': return `Change ${cols} to ${step.to}`;
    case 'impute': return `Impute ${cols} with ${step.strategy === 'constant' ? `constant ${JSON.stringify(step.fillValue ?? '')}` : step.strategy.replace('_', ' ')}${step.addIndicator ? ' (+ indicator)' : ''}`;
    case 'scale': return `Scale ${cols} (${step.method.replace('_', ' ')})`;
    case 'log1p': return `log(1 + x) of ${cols}`;
    case 'yeo_johnson': return `Yeo–Johnson on ${cols}`;
    case 'one_hot': return `One-hot encode ${cols}${step.drop === 'first' ? ' (first column dropped)' : step.drop === 'if_binary' ? ' (first column dropped if binary)' : ''}`;
    case 'ordinal': return `Ordinal-encode ${cols}`;
    case 'target_encode': return `Target-encode ${cols} by ${step.target || '(no target)'}`;
    case 'bin': return `Bin ${cols} into ${step.nBins} ${step.method === 'uniform' ? 'equal-width' : 'quantile'} bins`;
    case 'date_parts': return `Date parts (${step.parts.join(', ')}) of ${cols}`;
    case 'derive': return `Derive ${step.name} = ${step.expression || '…'}`;
    case 'filter': return `Keep rows where ${step.expression || '…'}`;
    case 'dedupe': return 'Remove duplicate training rows';
    case 'cap_outliers': return `Cap outliers in ${cols} (${step.method === 'iqr' ? `${step.iqrMultiplier ?? 1.5}·IQR` : `${step.lower ?? 1}–${step.upper ?? 99} %`})`;
    case 'resample': return `Balance ${step.target || '(no target)'} by ${step.method.replace('_', ' ')} (training only)`;
  }
}

const RULE_NOUNS: Record<Exclude<ColumnRuleKind, 'missing' | 'name'>, string> = {
  numeric: 'numeric columns', categorical: 'categorical columns', boolean: 'boolean columns', datetime: 'date/time columns',
};

/** "Age, Fare", "3 columns", "all numeric columns", "numeric columns with missing values", "columns named price_* except price_id". */
export function describeColumnSelection(columns: ColumnSelection): string {
  if (!isColumnRule(columns)) {
    if (columns.length === 0) return '(no columns yet)';
    return columns.length <= 2 ? columns.join(', ') : `${columns.length} columns`;
  }
  const { rule, pattern, onlyMissing, exclude = [] } = columns;
  const missing = rule === 'missing' || onlyMissing;
  const noun = rule === 'missing' || rule === 'name' ? 'columns' : RULE_NOUNS[rule];
  const head = missing || pattern ? `${noun}${pattern ? ` named ${pattern}` : ''}${missing ? ' with missing values' : ''}` : `all ${noun}`;
  return exclude.length === 0 ? head : `${head} except ${exclude.length <= 2 ? exclude.join(', ') : `${exclude.length} columns`}`;
}
