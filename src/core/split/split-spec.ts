// The shapes a holdout split and cross-validation folds are asked for and returned in.

import type { RowIndices } from '../table/types';

/** Shares of the rows per part; they must add up to 1 (validation may be 0). */
export interface SplitFractions {
  readonly train: number;
  readonly validation: number;
  readonly test: number;
}

export const DEFAULT_FRACTIONS: SplitFractions = { train: 0.7, validation: 0.15, test: 0.15 };

/** How to cut the rows into train / validation / test. */
export interface HoldoutSpec {
  readonly kind: 'random' | 'stratified' | 'temporal' | 'grouped';
  readonly fractions?: SplitFractions;
  /** 32-bit integer seed; the same seed gives the same split. */
  readonly seed: number;
  /** Class column for `stratified`. */
  readonly target?: string;
  /** Datetime (or numeric) column for `temporal`. */
  readonly timeColumn?: string;
  /** Rows within this many ms after the previous part's last timestamp are dropped (`temporal`). */
  readonly gapMs?: number;
  /** Column whose values must not straddle parts (`grouped`). */
  readonly groupColumn?: string;
}

/** Row indices per part, each sorted ascending, plus what the user should know. */
export interface HoldoutSplit {
  readonly train: RowIndices;
  readonly validation: RowIndices;
  readonly test: RowIndices;
  readonly warnings: string[];
}

/** How to fold the training rows for cross-validation. */
export interface FoldSpec {
  readonly kind: 'kfold' | 'stratified' | 'group' | 'timeseries';
  readonly k: number;
  readonly seed: number;
  readonly target?: string;
  readonly groupColumn?: string;
  readonly timeColumn?: string;
}

/** One fold: rows to fit on and rows to score, both sorted ascending (time order for `timeseries`). */
export interface Fold {
  readonly train: RowIndices;
  readonly validation: RowIndices;
}

export const PART_NAMES = ['train', 'validation', 'test'] as const;
export type PartName = (typeof PART_NAMES)[number];
