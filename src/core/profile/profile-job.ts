// One independent piece of a table profile (a batch of column profiles, duplicates, missing patterns, one
// correlation matrix or the target), so the pieces can run on several workers and be merged into exactly
// the TableProfile that profileTable returns (see profile-in-parts.ts). Jobs name their columns.

import type { Table } from '../table/types';
import { measureEtaMatrix, measureSquareMatrix, type CategoryInput, type NumericInput } from './build-correlations';
import { throwIfAborted } from './check-abort';
import { measurePearsonMatrix, measureSpearmanMatrix } from './correlate-matrices';
import { findDuplicateRows } from './find-duplicate-rows';
import { measureCramersV } from './measure-cramers-v';
import { codeBooleans, profileColumn } from './profile-table';
import { profileMissing } from './profile-missing';
import { profileNumeric } from './profile-numeric';
import { profileTarget } from './profile-target';
import { rankColumn, rankFromGroups, type RankedColumn, type RankGroups } from '../stats/rank-column';
import { scanWithRanks, sortFinite } from '../stats/sort-finite';
import type { ColumnProfile, DuplicateRows, MissingPatterns, NumericProfile, TargetProfile } from './types';

/** Tie groups of numeric columns by name (what ranking them needs), from a `columns` job; a Map, since a column may be named "__proto__". */
export type RankMap = Map<string, RankGroups>;

export type ProfileJob =
  /** Profiles the named columns; numeric ones are grouped for ranking (their RankGroups returned) when `argsort`. */
  | { kind: 'columns'; names: string[]; topK: number; argsort: boolean }
  | { kind: 'duplicates' }
  | { kind: 'missing' }
  | { kind: 'pearson'; names: string[] }
  | { kind: 'spearman'; names: string[]; ranks: RankMap }
  /** Categorical or boolean columns. */
  | { kind: 'cramers-v'; names: string[] }
  | { kind: 'eta'; categories: string[]; numeric: string[] }
  /** `profiles`: every column's profile, in table order. */
  | { kind: 'target'; target: string; profiles: ColumnProfile[]; ranks: RankMap };

export type ProfileJobResult =
  | { kind: 'columns'; profiles: ColumnProfile[]; ranks: RankMap }
  | { kind: 'duplicates'; duplicates: DuplicateRows }
  | { kind: 'missing'; missing: MissingPatterns; notes: string[] }
  | { kind: 'matrix'; values: (number | null)[][] }
  | { kind: 'target'; target: TargetProfile };

/** Names of the columns `job` reads; `all` stands for every column of the table. */
export function listJobColumns(job: ProfileJob): string[] | 'all' {
  switch (job.kind) {
    case 'columns':
    case 'pearson':
    case 'spearman':
    case 'cramers-v':
      return job.names;
    case 'eta':
      return [...job.categories, ...job.numeric];
    default:
      return 'all';
  }
}

/**
 * Runs `job` on `table` (which holds at least the columns the job reads; `all` jobs need the whole table in
 * its order); `onColumn` fires after each profiled column of a `columns` job.
 */
export function runProfileJob(table: Table, job: ProfileJob, onColumn?: () => void, signal?: AbortSignal): ProfileJobResult {
  const byName = new Map(table.columns.map((column) => [column.name, column]));
  const get = (name: string) => {
    const column = byName.get(name);
    if (!column) throw new Error(`Profile job "${job.kind}" needs column "${name}", which this worker was not given.`);
    return column;
  };
  switch (job.kind) {
    case 'columns': {
      const ranks: RankMap = new Map();
      const profiles = job.names.map((name) => {
        throwIfAborted(signal);
        const column = get(name);
        let profile: ColumnProfile;
        if (column.kind === 'numeric') {
          const sorted = job.argsort ? scanWithRanks(column.values) : { scan: sortFinite(column.values), rank: undefined };
          if (sorted.rank) ranks.set(name, sorted.rank);
          profile = profileNumeric(column, job.topK, sorted.scan);
        } else profile = profileColumn(column, job.topK, [], [], new Map(), false);
        onColumn?.();
        return profile;
      });
      return { kind: 'columns', profiles, ranks };
    }
    case 'duplicates':
      return { kind: 'duplicates', duplicates: findDuplicateRows(table) };
    case 'missing': {
      const notes: string[] = [];
      return { kind: 'missing', missing: profileMissing(table, notes), notes };
    }
    case 'pearson':
      return { kind: 'matrix', values: measurePearsonMatrix(job.names.map((name) => numericValues(get(name))), signal) };
    case 'spearman': {
      const ranked = job.names.map((name) => rankWith(numericValues(get(name)), job.ranks.get(name)));
      return { kind: 'matrix', values: measureSpearmanMatrix(ranked, signal) };
    }
    case 'cramers-v': {
      const cats = job.names.map((name) => categoryInput(get(name), 0));
      return { kind: 'matrix', values: measureSquareMatrix(cats, (a, b) => measureCramersV(a.codes, a.levels, b.codes, b.levels), signal) };
    }
    case 'eta': {
      const cats = job.categories.map((name) => categoryInput(get(name), 0));
      return { kind: 'matrix', values: measureEtaMatrix(cats, job.numeric.map((name) => ({ values: numericValues(get(name)) })), signal) };
    }
    case 'target':
      return { kind: 'target', target: runTargetJob(table, job, signal) };
  }
}

function runTargetJob(table: Table, job: Extract<ProfileJob, { kind: 'target' }>, signal?: AbortSignal): TargetProfile {
  const numeric: NumericInput[] = [];
  const categories: CategoryInput[] = [];
  const numericProfiles = new Map<string, NumericProfile>();
  table.columns.forEach((column, index) => {
    const profile = job.profiles[index];
    if (column.kind === 'numeric' && profile.kind === 'numeric') {
      numericProfiles.set(column.name, profile);
      let ranked: RankedColumn | undefined;
      const finite = profile.count - profile.positiveInfinity - profile.negativeInfinity;
      numeric.push({ name: column.name, values: column.values, finite, distinct: profile.distinct, rank: () => (ranked ??= rankWith(column.values, job.ranks.get(column.name))) });
    } else if (column.kind === 'categorical' || column.kind === 'boolean') categories.push(categoryInput(column, profile.distinct));
  });
  const target = table.columns.find((column) => column.name === job.target);
  if (!target) throw new Error(`Profile job "target" needs column "${job.target}", which this worker was not given.`);
  return profileTarget(table, target, { numeric, categories, numericProfiles, signal });
}

/** Ranks from the column job's tie groups when it sent them (a row pass), else from scratch. */
function rankWith(values: Float64Array, rank: RankGroups | undefined): RankedColumn {
  return rank ? rankFromGroups(values, rank) : rankColumn(values);
}

function numericValues(column: Table['columns'][number]): Float64Array {
  if (column.kind !== 'numeric') throw new Error(`Column "${column.name}" is ${column.kind}, not numeric.`);
  return column.values;
}

function categoryInput(column: Table['columns'][number], distinct: number): CategoryInput {
  if (column.kind === 'categorical') return { name: column.name, codes: column.codes, levels: column.levels.length, distinct };
  if (column.kind === 'boolean') return { name: column.name, codes: codeBooleans(column), levels: 2, distinct };
  throw new Error(`Column "${column.name}" is ${column.kind}, not categorical or boolean.`);
}
