// Drift of one categorical or true/false column: the batch's categories against the training counts the contract
// holds — chi-square homogeneity, PSI and Jensen–Shannon over the levels seen in training plus one bucket for
// every other value (new ones, and levels of the dataset no training row had). Missing values are left out.

import type { ContractColumn } from '../export/input-contract';
import { measureChiSquareHomogeneity } from '../stats/measure-chi-square-homogeneity';
import { measureJensenShannon } from '../stats/measure-jensen-shannon';
import { measurePsi } from '../stats/measure-psi';
import { BOOLEAN_MISSING, type BooleanColumn, type CategoricalColumn } from '../table/types';
import type { CategoryFeatureDrift } from './drift-types';

/** The label of the bucket holding values no training row had. */
export const UNSEEN_BUCKET_LABEL = '(not seen in training)';

export type CategoryMeasures = Pick<CategoryFeatureDrift, 'chiSquare' | 'psi' | 'jensenShannon' | 'categories' | 'overlay'> & {
  /** Present batch values. */
  readonly present: number;
};

type CategoryContract = Extract<ContractColumn, { kind: 'categorical' | 'boolean' }>;

/** Measures `column` (aligned to the contract: categories coded onto its levels, new ones after) against `expected`. */
export function measureCategoryDrift(expected: CategoryContract, column: CategoricalColumn | BooleanColumn): CategoryMeasures {
  const { labels, referenceCounts, bucketOf } = describeReferenceCategories(expected);
  const batchCounts = new Array<number>(labels.length + 1).fill(0);
  let present = 0;
  const codes = column.kind === 'categorical' ? column.codes : column.values;
  const missing = column.kind === 'categorical' ? -1 : BOOLEAN_MISSING;
  for (let row = 0; row < codes.length; row++) {
    if (codes[row] === missing) continue;
    present++;
    batchCounts[bucketOf(codes[row])]++;
  }
  const unseen = batchCounts[labels.length] > 0;
  const categories = {
    labels: unseen ? [...labels, UNSEEN_BUCKET_LABEL] : labels,
    referenceCounts: unseen ? [...referenceCounts, 0] : referenceCounts,
    batchCounts: unseen ? batchCounts : batchCounts.slice(0, labels.length),
  };
  return {
    chiSquare: measureChiSquareHomogeneity(categories.referenceCounts, categories.batchCounts),
    psi: measurePsi(categories.referenceCounts, categories.batchCounts),
    jensenShannon: measureJensenShannon(categories.referenceCounts, categories.batchCounts),
    categories,
    overlay: { kind: 'categories', ...categories },
    present,
  };
}

/** The levels with training rows in code order, their counts, and the bucket of a code (labels.length: unseen). */
function describeReferenceCategories(expected: CategoryContract): { labels: string[]; referenceCounts: number[]; bucketOf: (code: number) => number } {
  if (expected.kind === 'boolean') {
    // Boolean codes: 0 false, 1 true; a side with no training rows goes to the unseen bucket.
    const pairs = [['false', expected.falseCount], ['true', expected.trueCount]] as const;
    const seen = pairs.filter(([, count]) => count > 0);
    const bucket = new Map(pairs.map(([label], code) => [code, seen.findIndex(([l]) => l === label)]));
    return { labels: seen.map(([label]) => label), referenceCounts: seen.map(([, count]) => count), bucketOf: (code) => orUnseen(bucket.get(code), seen.length) };
  }
  const kept = expected.levels.map((_, code) => code).filter((code) => expected.counts[code] > 0);
  const bucket = new Map(kept.map((code, at) => [code, at]));
  return { labels: kept.map((code) => expected.levels[code]), referenceCounts: kept.map((code) => expected.counts[code]), bucketOf: (code) => orUnseen(bucket.get(code), kept.length) };
}

function orUnseen(at: number | undefined, unseen: number): number {
  return at === undefined || at < 0 ? unseen : at;
}
