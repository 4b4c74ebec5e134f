// The shapes of a batch's drift report: per feature the tests and distances against the version's reference, the
// counts the overlaid-distribution plot draws, and the notes on schema, multiple testing and small batches.

import type { ContractMessage } from '../export/describe-contract-report';
import type { ContractReport } from '../export/check-contract';
import type { ChiSquareResult } from '../stats/measure-chi-square-homogeneity';
import type { KsTwoSampleResult } from '../stats/measure-ks-two-sample';

/** A feature's badge by its PSI: below `psiWarn` ok, from `psiWarn` warn, from `psiAlert` alert. */
export type DriftStatus = 'ok' | 'warn' | 'alert';

/** What a user may change; every field has a default (drift-settings.ts). */
export interface DriftOptions {
  /** PSI from which a feature is a warning (default 0.1). */
  readonly psiWarn?: number;
  /** PSI from which a feature is an alert (default 0.25). */
  readonly psiAlert?: number;
  /** The family-wise significance level of the Bonferroni note (default 0.05). */
  readonly alpha?: number;
}

export interface DriftThresholds {
  readonly psiWarn: number;
  readonly psiAlert: number;
  readonly alpha: number;
}

/** Counts per bin or category, reference and batch side by side; divide each side by its sum to overlay shares. */
export type OverlayCounts =
  | { readonly kind: 'histogram'; readonly edges: readonly number[]; readonly referenceCounts: readonly number[]; readonly batchCounts: readonly number[] }
  | { readonly kind: 'categories'; readonly labels: readonly string[]; readonly referenceCounts: readonly number[]; readonly batchCounts: readonly number[] };

interface FeatureDriftBase {
  readonly column: string;
  readonly status: DriftStatus;
  readonly psi: number;
  /** Jensen–Shannon distance, base 2, in [0, 1]: over categories, or over the PSI bins for numbers. */
  readonly jensenShannon: number;
  /** The test's p-value (KS or chi-square) times the number of features tested, capped at 1 (Bonferroni). */
  readonly pValueAdjusted: number;
  /** Missing share of the training rows and of the batch rows (0–1). */
  readonly missingRate: { readonly reference: number; readonly batch: number };
  /** Values compared on each side: the stored sample or training counts, and the batch's present values. */
  readonly compared: { readonly reference: number; readonly batch: number };
  /** True when the batch has fewer present values than SMALL_BATCH_ROWS: PSI then moves a lot without drift. */
  readonly smallSample: boolean;
  readonly overlay: OverlayCounts;
}

/** A number or date column (dates in epoch ms: Wasserstein and the edges are in ms). */
export interface NumericFeatureDrift extends FeatureDriftBase {
  readonly kind: 'numeric' | 'datetime';
  readonly ks: KsTwoSampleResult;
  /** Wasserstein-1 between the reference sample and the batch, in the column's units. */
  readonly wasserstein: number;
  /** The PSI bins: cut points (right-closed bins, outer ones open) and the counts in each. */
  readonly psiBins: { readonly cuts: readonly number[]; readonly referenceCounts: readonly number[]; readonly batchCounts: readonly number[] };
}

/** A categorical or true/false column; categories are the levels seen in training, then one bucket for the rest. */
export interface CategoryFeatureDrift extends FeatureDriftBase {
  readonly kind: 'categorical' | 'boolean';
  readonly chiSquare: ChiSquareResult;
  readonly categories: { readonly labels: readonly string[]; readonly referenceCounts: readonly number[]; readonly batchCounts: readonly number[] };
}

export type FeatureDrift = NumericFeatureDrift | CategoryFeatureDrift;

/** A contract column with no drift measure, and why. */
export interface UnmeasuredFeature {
  readonly column: string;
  readonly reason: 'missing-in-batch' | 'not-logged' | 'no-reference' | 'no-batch-values' | 'no-reference-values' | 'text';
  readonly message: string;
}

export interface DriftReport {
  readonly formatVersion: 1;
  readonly rowCount: number;
  /** The worst feature status (ok when nothing was measured). */
  readonly status: DriftStatus;
  readonly thresholds: DriftThresholds;
  /** How numbers are binned for PSI, in a sentence the cell shows; with the bins and floor it states. */
  readonly binning: { readonly bins: number; readonly floor: number; readonly description: string };
  readonly features: readonly FeatureDrift[];
  readonly unmeasured: readonly UnmeasuredFeature[];
  /** Missing/extra columns, type changes, unseen categories, out-of-range values, new missing values. */
  readonly schema: ContractReport;
  readonly schemaMessages: readonly ContractMessage[];
  readonly multipleTesting: { readonly tests: number; readonly alpha: number; readonly significant: readonly string[]; readonly note: string };
  /** Set when the batch has fewer rows than SMALL_BATCH_ROWS. */
  readonly smallBatch: { readonly rows: number; readonly minimumRows: number; readonly note: string } | null;
  /** Sentences about what could not be measured (a version without a stored reference…). */
  readonly notes: readonly string[];
}
