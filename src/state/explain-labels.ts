// Explanations in the dataset's own values: a feature of an explained row is labelled with the raw cell of
// that dataset row (before the pipeline) — "worst radius = 17.5", "Origin = USA" for a one-hot column — and
// keeps the value the model saw for hover; partial-dependence axes go back to raw units where the steps invert.

import { formatCell, isMissing } from '../core/table/format-cell';
import type { Column, Table } from '../core/table/types';
import { invertFeatureValue, type FeatureSource } from '../core/transform/trace-feature-sources';

/** A feature value as the model saw it: the category label for codes, "missing" for NaN, else up to 4 significant digits. */
export function formatFeatureValue(value: number, levels: readonly string[] | null): string {
  if (Number.isNaN(value)) return 'missing';
  if (levels) return levels[value] ?? String(value);
  return Number.isInteger(value) ? String(value) : Number(value.toPrecision(4)).toString();
}

/** A label from the raw cell ("worst radius = 17.5") and the value after the pipeline, for hover ("1.234"). */
export interface FeatureValueLabel {
  readonly label: string;
  readonly transformed: string;
}

/** A partial-dependence axis: positions (raw units when `rawUnits`) and its title ("worst radius (scaled)"). */
export interface FeatureAxis {
  readonly values: number[];
  readonly title: string;
  readonly rawUnits: boolean;
}

/** Labels for one explanation's features. */
export interface FeatureLabeler {
  /** Feature `feature` of dataset row `row`, whose value after the pipeline is `value`. */
  describeValue(feature: string, value: number, row: number): FeatureValueLabel;
  /** The axis of a partial-dependence grid (values after the pipeline) over `feature`. */
  describeAxis(feature: string, grid: readonly number[]): FeatureAxis;
}

/**
 * Labels from the features traced back through the run's fitted pipeline (traceFeatureSources, computed where the
 * pipeline is) and the dataset table it was fitted on (rows are dataset rows). Without either — or for a derived
 * column — a label shows the value after the pipeline, as the model saw it.
 */
export function createFeatureLabeler(featureNames: readonly string[], featureLevels: readonly (string[] | null)[], traced: ReadonlyMap<string, FeatureSource> | null, table: Table | null): FeatureLabeler {
  const sources = traced ?? new Map<string, FeatureSource>();
  const levelsOf = (feature: string) => featureLevels[featureNames.indexOf(feature)] ?? null;
  const columnOf = (source: FeatureSource | undefined) => (source?.column && table?.columns.find((c) => c.name === source.column)) || null;
  return {
    describeValue(feature, value, row) {
      const transformed = formatFeatureValue(value, levelsOf(feature));
      const source = sources.get(feature);
      const column = columnOf(source);
      if (!source || !column || row < 0 || row >= (table as Table).rowCount) return { label: `${feature} = ${transformed}`, transformed };
      return { label: labelRawCell(feature, source, column, row, value), transformed };
    },
    describeAxis(feature, grid) {
      const source = sources.get(feature);
      if (!source || levelsOf(feature) || (source.maps && source.maps.length === 0)) return { values: [...grid], title: feature, rawUnits: false };
      if (!source.maps) return { values: [...grid], title: `${feature} (${source.change ?? 'transformed'})`, rawUnits: false };
      return { values: grid.map((g) => invertFeatureValue(source, g) ?? NaN), title: `${source.column ?? feature} (original units)`, rawUnits: true };
    },
  };
}

function labelRawCell(feature: string, source: FeatureSource, column: Column, row: number, value: number): string {
  const raw = isMissing(column, row) ? 'missing' : formatCell(column, row);
  if (source.category === undefined) return source.column === feature ? `${feature} = ${raw}` : `${feature} (${column.name} = ${raw})`;
  if (source.category === null) return `${column.name} = ${raw} (${value === 1 ? '' : 'not '}other)`;
  return raw === source.category ? `${column.name} = ${raw}` : `${column.name} = ${raw} (not ${source.category})`;
}
