// Where each column a fitted pipeline writes comes from: the input column whose cell it was made from, the
// category a one-hot column flags, and — while every step on the way is invertible (identity, affine scaling,
// log1p) — how to turn a value back into the input's units. Explanations use it to show raw values.

import type { FittedPipeline, FittedStep } from './fitted-types';
import { decodeNumber } from './json-number';
import type { DatePartsState } from './steps/date-parts';
import type { ImputeState } from './steps/impute';
import type { OneHotState } from './steps/one-hot';
import type { ScaleState } from './steps/scale';
import type { TargetEncodeState } from './steps/target-encode';

/** value ↦ value · multiply + add, or log(1 + value). */
export type ValueMap = { readonly kind: 'affine'; readonly multiply: number; readonly add: number } | { readonly kind: 'log1p' };

/** How a changed feature differs from its input column when it cannot be mapped back. */
export type FeatureChange = 'scaled' | 'encoded' | 'binned' | 'one-hot' | 'date part' | 'missing flag' | 'derived';

/** One output column's origin. */
export interface FeatureSource {
  /** The input column its values were made from; null for a derived column. */
  readonly column: string | null;
  /** One-hot columns: the category flagged (null for the "other" column); absent for every other column. */
  readonly category?: string | null;
  /** Input value → feature value, in order ([] = unchanged); null when a step on the way is not invertible. */
  readonly maps: readonly ValueMap[] | null;
  /** Why `maps` is null (the first such step); null when it is not. */
  readonly change: FeatureChange | null;
}

type Sources = Map<string, FeatureSource>;

/** The origin of every column the pipeline writes (and of columns it dropped along the way, which are left out). */
export function traceFeatureSources(fitted: FittedPipeline): Map<string, FeatureSource> {
  const sources: Sources = new Map(fitted.inputColumns.map((c) => [c.name, { column: c.name, maps: [], change: null }]));
  for (const step of fitted.steps) traceStep(step, sources);
  return new Map(fitted.outputColumns.filter((c) => sources.has(c.name)).map((c) => [c.name, sources.get(c.name) as FeatureSource]));
}

/** The feature value `value` in the input column's units; null when the source cannot be mapped back. */
export function invertFeatureValue(source: FeatureSource, value: number): number | null {
  if (!source.maps) return null;
  let x = value;
  for (const map of [...source.maps].reverse()) x = map.kind === 'log1p' ? Math.expm1(x) : (x - map.add) / map.multiply;
  return x;
}

function traceStep({ spec, state }: FittedStep, sources: Sources): void {
  const names = 'columns' in spec ? spec.columns : [];
  const mapEach = (map: (source: FeatureSource) => FeatureSource) => names.forEach((n) => sources.has(n) && sources.set(n, map(sources.get(n) as FeatureSource)));
  const derive = (name: string, from: string | null, change: FeatureChange, category?: string | null) => {
    sources.set(name, { column: from === null ? null : (sources.get(from)?.column ?? null), maps: null, change, ...(category !== undefined ? { category } : {}) });
  };
  switch (spec.kind) {
    case 'drop':
      names.forEach((n) => sources.delete(n));
      return;
    case 'impute':
      for (const c of (state as ImputeState).columns) if (c.indicator) derive(`${c.name}_missing`, c.name, 'missing flag');
      return;
    case 'scale':
      for (const c of (state as ScaleState).columns) {
        const scale = decodeNumber(c.scale), offset = decodeNumber(c.offset);
        const map: ValueMap | null = c.quantiles ? null : spec.method === 'minmax' ? { kind: 'affine', multiply: scale, add: offset } : { kind: 'affine', multiply: 1 / scale, add: -offset / scale };
        const source = sources.get(c.name);
        if (source) sources.set(c.name, map ? appendMap(source, map) : markChanged(source, 'scaled'));
      }
      return;
    case 'log1p':
      mapEach((s) => appendMap(s, { kind: 'log1p' }));
      return;
    case 'yeo_johnson':
      mapEach((s) => markChanged(s, 'scaled'));
      return;
    case 'bin':
      mapEach((s) => markChanged(s, 'binned'));
      return;
    case 'ordinal':
      mapEach((s) => markChanged(s, 'encoded'));
      return;
    case 'one_hot':
      for (const { name, frequent, infrequent } of (state as OneHotState).columns) {
        for (const category of frequent) derive(`${name}=${category}`, name, 'one-hot', category);
        if (infrequent.length > 0) derive(`${name}=other`, name, 'one-hot', null);
        sources.delete(name);
      }
      return;
    case 'target_encode': {
      const { classes, columns } = state as TargetEncodeState;
      for (const { name } of columns) {
        if (!classes) sources.set(name, markChanged(sources.get(name) ?? { column: null, maps: null, change: null }, 'encoded'));
        else {
          for (const c of classes) derive(`${name}_te_${c}`, name, 'encoded');
          sources.delete(name);
        }
      }
      return;
    }
    case 'date_parts':
      for (const { name } of (state as DatePartsState).columns) {
        for (const part of spec.parts) derive(`${name}_${part}`, name, 'date part');
        if (spec.dropOriginal) sources.delete(name);
      }
      return;
    case 'derive':
      derive(spec.name, null, 'derived');
      return;
    default:
      // cast, cap_outliers, filter, dedupe, resample: a value keeps its meaning (clipped or converted at most).
      return;
  }
}

function appendMap(source: FeatureSource, map: ValueMap): FeatureSource {
  return source.maps ? { ...source, maps: [...source.maps, map] } : source;
}

function markChanged(source: FeatureSource, change: FeatureChange): FeatureSource {
  return source.maps ? { ...source, maps: null, change } : source;
}
