// The plain, JSON-serialisable result of profiling a table (formatVersion 2: binary targets' single-feature AUC, alerts
// with the near-determination leakage rule; version 1 profiles are ignored and re-run). Percentages are 0–100.
// A statistic a column cannot have (std of one value, skew of a constant) is null, and the column's
// `notes` say why; no NaN or Infinity ever appears.

import type { SupervisedTask } from '../problem/types';

export const PROFILE_FORMAT_VERSION = 2;

/** A value and how often it occurs among present values. */
export interface ValueCount<V = string> {
  value: V;
  count: number;
  pct: number;
}

/** Equal-width bins: `counts[i]` counts values in [edges[i], edges[i+1]), the last bin closed. */
export interface Histogram {
  edges: number[];
  counts: number[];
}

interface ColumnProfileBase {
  name: string;
  /** Present values (for numbers: including ±Infinity). */
  count: number;
  missing: number;
  missingPct: number;
  distinct: number;
  /** True when the column looks like a row identifier (see README for the rule). */
  idLike: boolean;
  /** Why a statistic is null, or how it was computed when that is not obvious. */
  notes: string[];
}

export interface Quantiles {
  p1: number;
  p5: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
  p99: number;
}

/** Numbers: moments, quantiles, histogram and outliers over the finite values only. */
export interface NumericProfile extends ColumnProfileBase {
  kind: 'numeric';
  mean: number | null;
  /** Sample standard deviation (ddof = 1). */
  std: number | null;
  min: number | null;
  max: number | null;
  quantiles: Quantiles | null;
  /** Adjusted Fisher–Pearson G1, as pandas. */
  skewness: number | null;
  /** Bias-corrected excess kurtosis, as pandas. */
  kurtosis: number | null;
  zeros: number;
  /** Finite values below 0. */
  negatives: number;
  positiveInfinity: number;
  negativeInfinity: number;
  outliersIqr: { count: number; pct: number; lower: number; upper: number } | null;
  outliersZ: { count: number; pct: number } | null;
  histogram: Histogram | null;
  topValues: ValueCount<number>[];
}

/** Categories, booleans ("false"/"true") and text. */
export interface CategoryProfile extends ColumnProfileBase {
  kind: 'categorical' | 'boolean' | 'text';
  topValues: ValueCount[];
  /** Present values outside `topValues`. */
  otherCount: number;
  /** Text only: mean length in UTF-16 code units over present values. */
  meanLength: number | null;
  /** distinct / count, null when nothing is present. */
  uniqueRatio: number | null;
}

export interface DatetimeGap {
  startMs: number;
  endMs: number;
  gapMs: number;
}

/** Instants in epoch ms (UTC). */
export interface DatetimeProfile extends ColumnProfileBase {
  kind: 'datetime';
  minMs: number | null;
  maxMs: number | null;
  rangeMs: number | null;
  medianMs: number | null;
  /** Median gap between consecutive distinct instants. */
  typicalGapMs: number | null;
  largestGaps: DatetimeGap[];
  /** Keys "2024" (UTC year) and "2024-03" (UTC month), ascending. */
  perYear: ValueCount[];
  perMonth: ValueCount[];
}

export type ColumnProfile = NumericProfile | CategoryProfile | DatetimeProfile;

export interface DuplicateRows {
  /** Rows equal to an earlier row in every column (pandas `duplicated(keep='first')`; NaN equals NaN). */
  count: number;
  pct: number;
  /** The first few duplicate rows (0-based) and the earlier row each repeats. */
  examples: { row: number; duplicateOf: number }[];
}

export interface MissingPatterns {
  /** Columns with at least one missing value, most missing first (capped, see notes). */
  columns: string[];
  /** coMissing[i][j]: rows where both columns[i] and columns[j] are missing. */
  coMissing: number[][];
  /** Jaccard index of the two missing masks; null when neither has missing values. */
  jaccard: (number | null)[][];
  /** Most common sets of missing columns (among `columns`), with [] for complete rows. */
  patterns: { columns: string[]; count: number; pct: number }[];
}

/** A symmetric (or, for η, rectangular) matrix; null where a value cannot be computed. */
export interface CorrelationMatrix {
  rows: string[];
  columns: string[];
  values: (number | null)[][];
}

export interface Correlations {
  pearson: CorrelationMatrix;
  spearman: CorrelationMatrix;
  /** Bias-uncorrected Cramér's V between categorical/boolean columns. */
  cramersV: CorrelationMatrix;
  /** Correlation ratio η: rows are categorical/boolean columns, columns numeric. */
  correlationRatio: CorrelationMatrix;
}

export interface ClassBalance {
  classes: ValueCount[];
  /** Majority count / minority count. */
  imbalanceRatio: number;
  minorityPct: number;
  warning: string | null;
}

export interface TargetAssociation {
  column: string;
  measure: 'eta' | 'cramers-v' | 'abs-spearman';
  /** 0–1; null when it cannot be computed (see the column's notes). */
  value: number | null;
  /** Binary targets, numeric features: the feature's ROC AUC as a score, folded to max(AUC, 1 − AUC); null when undefined. */
  auc?: number | null;
}

export interface TargetProfile {
  name: string;
  task: SupervisedTask | null;
  taskReason: string;
  classBalance: ClassBalance | null;
  /** Strongest first; nulls last. */
  associations: TargetAssociation[];
  /** Numeric columns equal to the target in every row (missing = missing): certain leakage. */
  identicalColumns: string[];
  /** Why some associations are missing or how they were measured. */
  notes: string[];
  /** Classification only: per numeric feature, counts per class on the feature's own histogram edges. */
  perClassHistograms: { column: string; edges: number[]; classes: { label: string; counts: number[] }[] }[];
}

export type AlertKind =
  | 'constant'
  | 'near-constant'
  | 'id-like'
  | 'high-cardinality'
  | 'missing'
  | 'skew'
  | 'outliers'
  | 'duplicates'
  | 'mixed-types'
  | 'leakage'
  | 'strong-association'
  | 'imbalance'
  | 'tiny-class';

export interface AlertSuggestion {
  kind: 'drop' | 'impute' | 'log-transform' | 'cap-outliers' | 'dedupe' | 'none';
  /** The one column the fix applies to (a single alert). */
  column?: string;
  /** Every column the fix applies to (a group of alerts: one step over all of them). */
  columns?: string[];
  detail: string;
}

export interface Alert {
  /** Stable and unique within a profile: `${kind}:${columns}`, plus the class for tiny classes. */
  id: string;
  severity: 'info' | 'warning' | 'critical';
  kind: AlertKind;
  columns: string[];
  message: string;
  evidence: Record<string, number | string>;
  suggestion: AlertSuggestion;
}

export interface TableProfile {
  formatVersion: typeof PROFILE_FORMAT_VERSION;
  rowCount: number;
  columnCount: number;
  /** Typed-array bytes plus 2 bytes per UTF-16 code unit of strings (object overhead not counted). */
  memoryBytes: number;
  duplicates: DuplicateRows;
  columns: ColumnProfile[];
  missing: MissingPatterns;
  correlations: Correlations;
  target: TargetProfile | null;
  alerts: Alert[];
  /** Table-level notes (caps applied, columns left out of correlations). */
  notes: string[];
  durationMs: number;
}
