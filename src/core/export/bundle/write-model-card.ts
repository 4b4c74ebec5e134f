// model-card.md: what the run predicts, how it was trained, how well it scored and what it reads — facts from the
// run and its contract only, no claims the studio did not measure.

import { formatCount } from '../../ingest/describe-evidence';
import { METRICS, type MetricId } from '../../problem/metrics';
import { formatDatetime, formatNumber } from '../../table/format-cell';
import type { ContractColumn } from '../input-contract';
import type { BundleInput } from './bundle-types';

const LEVELS_SHOWN = 20;

/** The model card's Markdown text. */
export function writeModelCard(input: BundleInput): string {
  const { run, contract, name, onnx } = input;
  const target = contract.target;
  const what = run.task === 'clustering'
    ? 'Assigns each row to a cluster (no target).'
    : run.task === 'regression'
      ? `Predicts the number "${target?.name ?? '?'}" (regression).`
      : `Predicts "${target?.name ?? '?'}", one of ${formatCount(run.classes?.length ?? 0)} classes: ${(run.classes ?? []).map((c) => `\`${c}\``).join(', ')} (${run.task} classification).`;
  const params = Object.entries(run.params).map(([key, value]) => `| ${key} | ${String(value)} |`);
  const lines = [
    `# Model card: ${name}`, '',
    what, '',
    '## Model', '',
    `- Run: ${run.label} (\`${run.id}\`), family \`${run.family}\`, seed ${run.seed}`,
    `- Trained: ${new Date(run.trainedAt).toISOString()} on ${formatCount(contract.trainRowCount)} training rows${run.stopped ? ' (stopped early by the user; the best model so far was kept)' : ''}`,
    '- Training data fingerprint: not recorded by the run',
    `- Features after the pipeline: ${formatCount(run.featureNames.length)} (${run.pipeline.steps.length} fitted pipeline steps)`,
    '', '| hyperparameter | value |', '| --- | --- |', ...(params.length > 0 ? params : ['| (defaults) | |']),
    '', '## Metrics', '', ...describeMetrics(input), '',
    '## Input columns', '',
    '| column | type | training range / levels | missing in training |', '| --- | --- | --- | --- |',
    ...contract.columns.map((column) => `| ${escapeCell(column.name)} | ${column.kind} | ${escapeCell(describeColumn(column))} | ${formatCount(column.missing)} |`),
    '', '## Warnings', '',
    ...(run.warnings && run.warnings.length > 0 ? run.warnings.map((w) => `- ${w.message}`) : ['- None from the fit.']),
    '', '## Limitations', '',
    `- Measured on ${formatCount(contract.trainRowCount)} training rows only; values outside the training ranges above are extrapolated.`,
    '- Categories not listed above (or listed with 0 training rows) were never seen in training; the scripts report them (serve.mjs refuses them unless ALLOW_UNSEEN=1).',
    `- ${'error' in onnx ? `No ONNX model: ${onnx.error}` : `ONNX model: opset ${onnx.opset}, ai.onnx.ml ${onnx.mlOpset}.`}`,
    '',
  ];
  return lines.join('\n');
}

function describeMetrics(input: BundleInput): string[] {
  const { validation, cv } = input.run.metrics;
  const ids = new Set<MetricId>([...Object.keys(validation), ...Object.keys(cv?.metrics ?? {})] as MetricId[]);
  if (ids.size === 0) return ['No metrics were recorded.'];
  const rows = [...ids].map((id) => {
    const v = validation[id];
    const c = cv?.metrics[id];
    const held = v === undefined ? '' : v.value === null ? `undefined (${v.reason ?? 'no reason given'})` : formatNumber(v.value);
    const folds = c && c.mean !== null ? `${formatNumber(c.mean)} ± ${formatNumber(c.std ?? 0)}` : '';
    return `| ${METRICS[id]?.label ?? id}${id === input.run.primaryMetric ? ' (primary)' : ''} | ${held} | ${folds} |`;
  });
  return [`| metric | validation | ${cv ? `${cv.completed}-fold CV (mean ± std)` : 'CV'} |`, '| --- | --- | --- |', ...rows];
}

function describeColumn(column: ContractColumn): string {
  switch (column.kind) {
    case 'numeric':
      return column.min === null || column.max === null ? 'no values' : `${formatNumber(column.min)} to ${formatNumber(column.max)}`;
    case 'datetime':
      return column.min === null || column.max === null ? 'no values' : `${formatDatetime(column.min)} to ${formatDatetime(column.max)}`;
    case 'categorical': {
      const shown = column.levels.slice(0, LEVELS_SHOWN).map((level, i) => `${level} (${formatCount(column.counts[i])})`);
      const more = column.levels.length > LEVELS_SHOWN ? `, and ${formatCount(column.levels.length - LEVELS_SHOWN)} more (schema.json)` : '';
      return `${shown.join(', ')}${more}`;
    }
    case 'boolean':
      return `true ${formatCount(column.trueCount)}, false ${formatCount(column.falseCount)}`;
    case 'text':
      return 'free text';
  }
}

function escapeCell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}
