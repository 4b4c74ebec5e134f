// The feature-pipeline spec: an ordered list of steps, a discriminated union on `kind`, each with an `id`.
// A step's `columns` is a list or a rule (resolved by fitPipeline, on training rows, as the table is at that
// step); none ever looks at rows outside training while fitting.

/** What a column rule picks: every column of one kind, those with missing values, or those named like `pattern`. */
export type ColumnRuleKind = 'numeric' | 'categorical' | 'boolean' | 'datetime' | 'missing' | 'name';

/** Columns chosen by rule; the problem's target (and a step's own target) is never chosen. */
export interface ColumnRule {
  readonly rule: ColumnRuleKind;
  /** A glob on the whole name, case-sensitive: `*` any run of characters, `?` one (`price_*`). Required by 'name'; narrows any other rule. */
  readonly pattern?: string;
  /** Only columns with a missing value in the training rows at this step (what 'missing' means on its own). */
  readonly onlyMissing?: boolean;
  /** Columns left out even when the rule matches them. */
  readonly exclude?: string[];
}

/** A step's columns: the names themselves, or a rule resolved against the table at that step (the fitted step stores the names). */
export type ColumnSelection = string[] | ColumnRule;

/** Remove columns. */
export interface DropStep { readonly kind: 'drop'; readonly id: string; readonly columns: ColumnSelection }

/** Change columns' kind (numeric, categorical, datetime, boolean, text); values that do not convert become missing and are counted out of range. */
export interface CastStep {
  readonly kind: 'cast';
  readonly id: string;
  readonly columns: ColumnSelection;
  readonly to: 'numeric' | 'categorical' | 'datetime' | 'boolean' | 'text';
}

/** Fill missing values; `addIndicator` adds `<name>_missing` (0/1) for columns that had missing values in training. */
export interface ImputeStep {
  readonly kind: 'impute';
  readonly id: string;
  readonly columns: ColumnSelection;
  readonly strategy: 'mean' | 'median' | 'most_frequent' | 'constant';
  /** For 'constant': a number for numeric columns, a label for categorical/text/boolean ('true'/'false'). */
  readonly fillValue?: number | string;
  readonly addIndicator?: boolean;
}

/** Rescale numeric columns (sklearn Standard/MinMax/Robust scalers, QuantileTransformer). */
export interface ScaleStep {
  readonly kind: 'scale';
  readonly id: string;
  readonly columns: ColumnSelection;
  readonly method: 'standard' | 'minmax' | 'robust' | 'quantile_uniform' | 'quantile_normal';
  /** Quantile methods only; default min(1000, training rows). */
  readonly nQuantiles?: number;
}

/** log(1 + x); values ≤ −1 become missing and are counted out of range. */
export interface Log1pStep { readonly kind: 'log1p'; readonly id: string; readonly columns: ColumnSelection }

/** Yeo–Johnson power transform, λ by maximum likelihood on training rows (sklearn PowerTransformer). */
export interface YeoJohnsonStep { readonly kind: 'yeo_johnson'; readonly id: string; readonly columns: ColumnSelection; readonly standardize?: boolean }

/** One 0/1 numeric column per category (sklearn OneHotEncoder semantics for infrequent categories). */
export interface OneHotStep {
  readonly kind: 'one_hot';
  readonly id: string;
  readonly columns: ColumnSelection;
  /** Most output columns per input column, counting the "other" column. */
  readonly maxCategories?: number;
  /** Categories seen fewer times (a count ≥ 1, or a share of training rows < 1) go to "other". */
  readonly minFrequency?: number;
  /** 'ignore': unseen → all zeros; 'infrequent_if_exist': unseen → "other" when there is one. */
  readonly handleUnknown?: 'ignore' | 'infrequent_if_exist';
  /**
   * sklearn's drop (absent = 'none'): 'first' leaves out the first output column (the first frequent category, or
   * "other" when every category is infrequent) so unpenalised linear models see no collinear dummies; 'if_binary'
   * only where there are exactly two output columns.
   */
  readonly drop?: 'none' | 'first' | 'if_binary';
}

/** Category → its index in the sorted training categories; unseen or missing → NaN. */
export interface OrdinalStep { readonly kind: 'ordinal'; readonly id: string; readonly columns: ColumnSelection }

/** Category → shrunk mean of the target (sklearn TargetEncoder, cross-fitted on training rows). */
export interface TargetEncodeStep {
  readonly kind: 'target_encode';
  readonly id: string;
  readonly columns: ColumnSelection;
  readonly target: string;
  readonly smoothing?: 'auto' | number;
  /** Inner folds for the cross-fitted training encodings; default 5. */
  readonly folds?: number;
  readonly seed?: number;
}

/** Numeric → bin index 0..nBins−1 (sklearn KBinsDiscretizer, ordinal encoding). */
export interface BinStep { readonly kind: 'bin'; readonly id: string; readonly columns: ColumnSelection; readonly method: 'uniform' | 'quantile'; readonly nBins: number }

export type DatePart = 'year' | 'month' | 'day' | 'weekday' | 'hour' | 'is_weekend' | 'days_since';

/** Datetime → numeric parts in UTC; `days_since` counts from the earliest training timestamp. */
export interface DatePartsStep { readonly kind: 'date_parts'; readonly id: string; readonly columns: ColumnSelection; readonly parts: DatePart[]; readonly dropOriginal?: boolean }

/** A new column from an expression over the row. */
export interface DeriveStep { readonly kind: 'derive'; readonly id: string; readonly name: string; readonly expression: string }

/** Keep rows where the expression is true (missing counts as false), in training and everywhere else. */
export interface FilterStep { readonly kind: 'filter'; readonly id: string; readonly expression: string }

/** Remove exact duplicate rows from training only (transform leaves rows alone). */
export interface DedupeStep { readonly kind: 'dedupe'; readonly id: string }

/** Clip numeric values to bounds learnt on training (percentiles, or Tukey fences at k·IQR). */
export interface CapOutliersStep {
  readonly kind: 'cap_outliers';
  readonly id: string;
  readonly columns: ColumnSelection;
  readonly method: 'percentile' | 'iqr';
  /** Percentile method, 0–100; defaults 1 and 99. */
  readonly lower?: number;
  readonly upper?: number;
  /** IQR method; default 1.5. */
  readonly iqrMultiplier?: number;
}

/** Class balancing of the training rows only; transformTable never applies it. */
export interface ResampleStep {
  readonly kind: 'resample';
  readonly id: string;
  readonly method: 'class_weights' | 'oversample' | 'undersample' | 'smote';
  readonly target: string;
  readonly seed?: number;
  /** SMOTE neighbours; default 5. */
  readonly neighbors?: number;
}

export type PipelineStep =
  | DropStep | CastStep | ImputeStep | ScaleStep | Log1pStep | YeoJohnsonStep | OneHotStep | OrdinalStep | TargetEncodeStep
  | BinStep | DatePartsStep | DeriveStep | FilterStep | DedupeStep | CapOutliersStep | ResampleStep;

export type StepKind = PipelineStep['kind'];
export type StepOf<K extends StepKind> = Extract<PipelineStep, { kind: K }>;

/** A step as fitted and applied: a column rule replaced by the names it resolved to (steps without columns as they are). */
export type ResolvedStep<S extends PipelineStep = PipelineStep> = S extends { readonly columns: ColumnSelection } ? Omit<S, 'columns'> & { readonly columns: string[] } : S;

/** True when `columns` is a rule rather than a list of names. */
export function isColumnRule(columns: ColumnSelection): columns is ColumnRule {
  return !Array.isArray(columns);
}
