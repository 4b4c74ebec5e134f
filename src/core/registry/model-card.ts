// The model card of a registered version, generated from tracked facts only — the run (task, family, parameters,
// preparation, metrics, warnings), its input contract (training rows, columns, the drift reference monitoring
// uses) and the registry log — plus what the person wrote (intended use, limitations, ethical considerations).

import { formatCount } from '../ingest/describe-evidence';
import { METRICS, type MetricId } from '../problem/metrics';
import { formatDatetime, formatNumber } from '../table/format-cell';
import type { ContractColumn } from '../export/input-contract';
import type { PipelineStep } from '../transform/step-types';
import type { TrainedRun } from '../train/types';
import { renderHtml, renderMarkdown, type CardBlock } from './render-card';
import type { ModelVersion, RegistryChange } from './types';

const LEVELS_SHOWN = 20;
const NOT_WRITTEN = 'Not written yet.';

/** The card of `version` (whose run is `run`) as Markdown and as a self-contained HTML page; `history` is the model's log. */
export function writeModelCard(input: { version: ModelVersion; run: TrainedRun; history: RegistryChange[] }): { markdown: string; html: string } {
  const { version, run } = input;
  const title = `Model card: ${version.modelName} v${version.version}`;
  const blocks: CardBlock[] = [
    { kind: 'heading', level: 1, text: title },
    { kind: 'paragraph', text: `Stage: ${version.stage}. Registered ${formatDatetime(version.registeredAt)} from run "${run.label}" (${run.id}), trained ${formatDatetime(run.trainedAt)}.` },
    { kind: 'heading', level: 2, text: 'What it predicts' },
    { kind: 'paragraph', text: describePrediction(run) },
    ...describeModel(run),
    ...describeTrainingData(run),
    ...describePreparation(run),
    ...describeMetrics(run),
    { kind: 'heading', level: 2, text: 'Warnings' },
    { kind: 'list', items: run.warnings && run.warnings.length > 0 ? run.warnings.map((w) => w.message) : ['None from the fit.'] },
    { kind: 'heading', level: 2, text: 'Intended use' },
    { kind: 'paragraph', text: version.card.intendedUse.trim() || NOT_WRITTEN },
    { kind: 'heading', level: 2, text: 'Limitations' },
    { kind: 'paragraph', text: version.card.limitations.trim() || NOT_WRITTEN },
    { kind: 'heading', level: 2, text: 'Ethical considerations' },
    { kind: 'paragraph', text: version.card.ethicalConsiderations.trim() || NOT_WRITTEN },
    ...describeDriftReference(run),
    ...describeHistory(input.history),
  ];
  return { markdown: renderMarkdown(blocks), html: renderHtml(title, blocks) };
}

function describePrediction(run: TrainedRun): string {
  if (run.task === 'clustering') return 'Assigns each row to a cluster (clustering, no target).';
  const name = run.inputContract?.target?.name;
  // Runs trained before input contracts existed do not record the target's name.
  const unnamed = name === undefined ? ' The target\'s name is not recorded with this run.' : '';
  const target = name === undefined ? 'the target' : `"${name}"`;
  if (run.task === 'regression') return `Predicts the number ${target} (regression).${unnamed}`;
  const classes = run.classes ?? [];
  return `Predicts ${target}, one of ${formatCount(classes.length)} classes: ${classes.join(', ')} (${run.task} classification).${unnamed}`;
}

function describeModel(run: TrainedRun): CardBlock[] {
  const params = Object.entries(run.params).map(([key, value]) => [key, String(value)]);
  return [
    { kind: 'heading', level: 2, text: 'Model' },
    {
      kind: 'list',
      items: [
        `Family: ${run.label} (${run.family}), seed ${run.seed}${run.stopped ? '; stopped early by the user (the best model so far was kept)' : ''}`,
        `Features after preparation: ${formatCount(run.featureNames.length)}`,
      ],
    },
    { kind: 'table', header: ['hyperparameter', 'value'], rows: params.length > 0 ? params : [['(defaults)', '']] },
  ];
}

function describeTrainingData(run: TrainedRun): CardBlock[] {
  const heading: CardBlock = { kind: 'heading', level: 2, text: 'Training data' };
  const contract = run.inputContract;
  if (!contract) return [heading, { kind: 'paragraph', text: 'This run records no input contract (it was trained before contracts existed); retrain it to record its training rows and columns.' }];
  return [
    heading,
    { kind: 'paragraph', text: `${formatCount(contract.trainRowCount)} training rows; the model reads these ${formatCount(contract.columns.length)} input columns.` },
    { kind: 'table', header: ['column', 'type', 'training range / levels', 'missing in training'], rows: contract.columns.map((c) => [c.name, c.kind, describeColumnRange(c), formatCount(c.missing)]) },
  ];
}

function describePreparation(run: TrainedRun): CardBlock[] {
  const steps = run.steps ?? [];
  const auto = run.autoPreparation;
  const autoItems = auto
    ? ([['dates split into parts', auto.dates], ['missing values imputed', auto.imputed], ['one-hot encoded', auto.oneHot], ['ordinal encoded', auto.ordinal], ['scaled', auto.scaled], ['dropped', auto.dropped]] as const)
        .filter(([, columns]) => columns.length > 0)
        .map(([what, columns]) => `Automatic: ${what}: ${columns.join(', ')}`)
    : [];
  const autoNote = run.autoPrepare === false ? ['Automatic preparation was off.'] : autoItems.length === 0 ? ['Automatic preparation added nothing.'] : autoItems;
  return [
    { kind: 'heading', level: 2, text: 'Preparation' },
    { kind: 'list', items: [...(steps.length > 0 ? steps.map(describeStep) : ['No preparation steps of your own.']), ...autoNote] },
  ];
}

function describeStep(step: PipelineStep, index: number): string {
  if (!('columns' in step)) return `Step ${index + 1}: ${step.kind}`;
  const columns = Array.isArray(step.columns) ? step.columns.join(', ') : `${step.columns.rule} columns${step.columns.pattern ? ` named like ${step.columns.pattern}` : ''}`;
  return `Step ${index + 1}: ${step.kind} (${columns})`;
}

function describeMetrics(run: TrainedRun): CardBlock[] {
  const { validation, cv } = run.metrics;
  const ids = [...new Set([...Object.keys(validation), ...Object.keys(cv?.metrics ?? {})])] as MetricId[];
  const heading: CardBlock = { kind: 'heading', level: 2, text: 'Metrics' };
  if (ids.length === 0) return [heading, { kind: 'paragraph', text: 'No metrics were recorded.' }];
  const rows = ids.map((id) => {
    const held = validation[id];
    const folds = cv?.metrics[id];
    return [
      `${METRICS[id]?.label ?? id}${id === run.primaryMetric ? ' (primary)' : ''}`,
      held === undefined ? '' : held.value === null ? `undefined (${held.reason ?? 'no reason given'})` : formatNumber(held.value),
      folds && folds.mean !== null ? `${formatNumber(folds.mean)} ± ${formatNumber(folds.std ?? 0)}` : '',
    ];
  });
  return [
    heading,
    { kind: 'table', header: ['metric', 'validation', cv ? `${cv.completed}-fold CV (mean ± std)` : 'CV (not run)'], rows },
    { kind: 'paragraph', text: 'No test-set score is stored with this run; the test rows stay unseen until an Evaluate cell scores them.' },
  ];
}

function describeDriftReference(run: TrainedRun): CardBlock[] {
  const heading: CardBlock = { kind: 'heading', level: 2, text: 'Drift reference' };
  const contract = run.inputContract;
  if (!contract) return [heading, { kind: 'paragraph', text: 'No training profile is recorded, so monitoring has no reference for this version.' }];
  const total = contract.trainRowCount;
  const share = (count: number) => (total > 0 ? `${formatNumber((100 * count) / total)}%` : '');
  const rows = contract.columns.map((column) => [column.name, describeColumnProfile(column, share), share(column.missing)]);
  return [
    heading,
    { kind: 'paragraph', text: `Monitoring compares new rows with each input column's profile in the ${formatCount(total)} training rows.` },
    { kind: 'table', header: ['column', 'training profile', 'missing'], rows },
  ];
}

function describeHistory(history: readonly RegistryChange[]): CardBlock[] {
  const rows = history.map((change) => [
    formatDatetime(change.at), change.action, `v${change.version}`, change.reason || '—',
    change.after.filter((s) => s.stage !== 'none').map((s) => `v${s.version} ${s.stage}`).join(', ') || 'no stages set',
  ]);
  return [
    { kind: 'heading', level: 2, text: 'Version history' },
    rows.length > 0 ? { kind: 'table', header: ['when (UTC)', 'change', 'version', 'reason', 'stages after'], rows } : { kind: 'paragraph', text: 'No changes logged.' },
  ];
}

/** A contract column's training range (numeric, datetime), levels with counts, or true/false counts. */
export function describeColumnRange(column: ContractColumn): string {
  switch (column.kind) {
    case 'numeric':
      return column.min === null || column.max === null ? 'no values' : `${formatNumber(column.min)} to ${formatNumber(column.max)}`;
    case 'datetime':
      return column.min === null || column.max === null ? 'no values' : `${formatDatetime(column.min)} to ${formatDatetime(column.max)}`;
    case 'categorical':
      return listLevels(column, (count) => formatCount(count));
    case 'boolean':
      return `true ${formatCount(column.trueCount)}, false ${formatCount(column.falseCount)}`;
    case 'text':
      return 'free text';
  }
}

function describeColumnProfile(column: ContractColumn, share: (count: number) => string): string {
  if (column.kind === 'categorical') return listLevels(column, share);
  if (column.kind === 'boolean') return `true ${share(column.trueCount)}, false ${share(column.falseCount)}`;
  return describeColumnRange(column);
}

function listLevels(column: Extract<ContractColumn, { kind: 'categorical' }>, format: (count: number) => string): string {
  const shown = column.levels.slice(0, LEVELS_SHOWN).map((level, i) => `${level} ${format(column.counts[i])}`);
  const more = column.levels.length > LEVELS_SHOWN ? `, and ${formatCount(column.levels.length - LEVELS_SHOWN)} more` : '';
  return `${shown.join(', ')}${more}`;
}
