// profileTable split over several lanes (workers): first the column profiles, shared out by estimated cost,
// with duplicates and missing patterns on lane 0; then the four correlation matrices and the target; merged
// into exactly the TableProfile profileTable returns (only durationMs differs). Lanes are given by the caller.

import type { Table } from '../table/types';
import { assembleCorrelations, selectCorrelationColumns, type CorrelationCandidate, type CorrelationValues } from './build-correlations';
import { throwIfAborted } from './check-abort';
import { detectAlerts } from './detect-alerts';
import { estimateMemory } from './estimate-memory';
import type { OrderMap, ProfileJob, ProfileJobResult } from './profile-job';
import {
  DEFAULT_MAX_CORRELATION_COLUMNS,
  DEFAULT_TOP_K,
  findTarget,
  MAX_CORRELATION_CATEGORIES,
  MAX_CORRELATION_LEVELS,
  MAX_RANKED_CELLS,
  type ProfileOptions,
} from './profile-table';
import { PROFILE_FORMAT_VERSION, type ColumnProfile, type DuplicateRows, type MissingPatterns, type TableProfile } from './types';

/** Runs `job` on lane `lane` (0 ≤ lane < lanes); `onColumn` fires after each column of a `columns` job. */
export type RunProfileJob = (lane: number, job: ProfileJob, onColumn: () => void) => Promise<ProfileJobResult>;

/** Rough cost per row of profiling one column of each kind (a numeric argsort + profile is 1; measured on the bench's 1M × 20). */
const COLUMN_COST = { numeric: 1, datetime: 1.1, text: 1.6, categorical: 0.05, boolean: 0.15 } as const;
/** Duplicates and missing patterns together, per row, in the same unit. */
const TABLE_STEPS_COST = 2.2;

/** Profiles `table` as profileTable(table, options) does, its jobs run by `runJob` on `lanes` lanes. */
export async function profileTableInParts(table: Table, options: ProfileOptions, lanes: number, runJob: RunProfileJob): Promise<TableProfile> {
  const startedMs = Date.now();
  const { signal, onProgress } = options;
  const topK = options.topK ?? DEFAULT_TOP_K;
  const target = options.target === undefined ? undefined : findTarget(table, options.target);
  const total = table.columns.length + 3 + (target ? 1 : 0);
  let done = 0;
  const step = () => onProgress?.(++done, total);
  throwIfAborted(signal);
  const maxByMemory = Math.max(2, Math.floor(MAX_RANKED_CELLS / Math.max(table.rowCount, 1)));
  const maxNumeric = Math.min(options.maxCorrelationColumns ?? DEFAULT_MAX_CORRELATION_COLUMNS, maxByMemory);
  const argsort = table.columns.filter((column) => column.kind === 'numeric').length <= maxNumeric;

  const first = await runLanes(planColumnJobs(table, lanes, topK, argsort), runJob, step);
  throwIfAborted(signal);
  const profileByName = new Map<string, ColumnProfile>();
  const orders: OrderMap = {};
  let duplicates: DuplicateRows | undefined;
  let missing: { missing: MissingPatterns; notes: string[] } | undefined;
  for (const result of first) {
    if (result.kind === 'columns') {
      for (const profile of result.profiles) profileByName.set(profile.name, profile);
      Object.assign(orders, result.orders);
    } else if (result.kind === 'duplicates') duplicates = result.duplicates;
    else if (result.kind === 'missing') missing = result;
  }
  const columns = table.columns.map((column) => profileByName.get(column.name) as ColumnProfile);
  if (!duplicates || !missing || columns.some((profile) => profile === undefined)) throw new Error('A profile lane returned no result for some of its jobs.');
  const notes = [...missing.notes];

  const numericCandidates: CorrelationCandidate[] = [];
  const categoryCandidates: CorrelationCandidate[] = [];
  for (const profile of columns) {
    if (profile.kind === 'numeric') numericCandidates.push({ name: profile.name, finite: profile.count - profile.positiveInfinity - profile.negativeInfinity, distinct: profile.distinct });
    else if (profile.kind === 'categorical' || profile.kind === 'boolean') categoryCandidates.push({ name: profile.name, finite: profile.count, distinct: profile.distinct });
  }
  const limits = { maxNumeric, maxCategories: MAX_CORRELATION_CATEGORIES, maxLevels: MAX_CORRELATION_LEVELS, keep: target?.name };
  const selected = selectCorrelationColumns(numericCandidates, categoryCandidates, limits, notes);
  const nums = selected.nums.map((x) => x.name);
  const cats = selected.cats.map((c) => c.name);
  const second = planCorrelationJobs(table, lanes, nums, cats, orders, target ? { target: target.name, profiles: columns } : null);
  const matrices: Partial<CorrelationValues> = {};
  let targetProfile: TableProfile['target'] = null;
  let matricesLeft = 4;
  await runLanes(second, async (lane, job, onColumn) => {
    const result = await runJob(lane, job, onColumn);
    if (result.kind === 'target') {
      targetProfile = result.target;
      step();
    } else if (result.kind === 'matrix') {
      matrices[MATRIX_OF[job.kind as keyof typeof MATRIX_OF]] = result.values;
      if (--matricesLeft === 0) step();
    }
    return result;
  }, step);
  throwIfAborted(signal);
  const columnNotes = new Map<string, string[]>();
  const correlations = assembleCorrelations(nums, cats, matrices as CorrelationValues, columnNotes);
  for (const profile of columns) profile.notes.push(...(columnNotes.get(profile.name) ?? []));
  return {
    formatVersion: PROFILE_FORMAT_VERSION,
    rowCount: table.rowCount,
    columnCount: table.columns.length,
    memoryBytes: estimateMemory(table),
    duplicates,
    columns,
    missing: missing.missing,
    correlations,
    target: targetProfile,
    alerts: detectAlerts({ columns, duplicates, target: targetProfile, importWarnings: options.importWarnings }),
    notes,
    durationMs: Date.now() - startedMs,
  };
}

const MATRIX_OF = { pearson: 'pearson', spearman: 'spearman', 'cramers-v': 'cramersV', eta: 'correlationRatio' } as const;

/** Per lane, the jobs of the first phase: lane 0 has duplicates and missing patterns, columns go to the least loaded lane. */
export function planColumnJobs(table: Table, lanes: number, topK: number, argsort: boolean): ProfileJob[][] {
  const load = new Array<number>(lanes).fill(0);
  load[0] = TABLE_STEPS_COST;
  const names: string[][] = load.map(() => []);
  const byCost = table.columns.map((column, index) => ({ column, index, cost: COLUMN_COST[column.kind] })).sort((a, b) => b.cost - a.cost || a.index - b.index);
  const laneOf = new Array<number>(table.columns.length);
  for (const { index, cost } of byCost) {
    const lane = load.indexOf(Math.min(...load));
    laneOf[index] = lane;
    load[lane] += cost;
  }
  table.columns.forEach((column, index) => names[laneOf[index]].push(column.name));
  return names.map((laneNames, lane) => [
    ...(laneNames.length > 0 ? [{ kind: 'columns', names: laneNames, topK, argsort } as const] : []),
    ...(lane === 0 ? [{ kind: 'duplicates' } as const, { kind: 'missing' } as const] : []),
  ]);
}

/** Per lane, the jobs of the second phase: the target on lane 0 (it reads every column), each matrix on the least loaded lane. */
export function planCorrelationJobs(
  table: Table,
  lanes: number,
  nums: string[],
  cats: string[],
  orders: OrderMap,
  target: { target: string; profiles: ColumnProfile[] } | null,
): ProfileJob[][] {
  const pick = (names: string[]) => Object.fromEntries(names.filter((name) => orders[name]).map((name) => [name, orders[name]]));
  const n = nums.length;
  const c = cats.length;
  const jobs: { job: ProfileJob; cost: number }[] = [
    { job: { kind: 'spearman', names: nums, orders: pick(nums) }, cost: n + 2.5 * n * n },
    { job: { kind: 'pearson', names: nums }, cost: n * n },
    { job: { kind: 'eta', categories: cats, numeric: nums }, cost: 0.5 * c * n },
    { job: { kind: 'cramers-v', names: cats }, cost: 0.3 * c * c },
  ];
  const plan: ProfileJob[][] = Array.from({ length: lanes }, () => []);
  const load = new Array<number>(lanes).fill(0);
  if (target) {
    const numericNames = table.columns.filter((column) => column.kind === 'numeric').map((column) => column.name);
    plan[0].push({ kind: 'target', ...target, orders: pick(numericNames) });
    load[0] = 3 * table.columns.length;
  }
  for (const { job, cost } of jobs.sort((a, b) => b.cost - a.cost)) {
    const lane = load.indexOf(Math.min(...load));
    plan[lane].push(job);
    load[lane] += cost;
  }
  return plan;
}

/** Runs each lane's jobs in turn, the lanes side by side; results in lane order, then job order. */
async function runLanes(plan: ProfileJob[][], runJob: RunProfileJob, onColumn: () => void): Promise<ProfileJobResult[]> {
  const perLane = await Promise.all(
    plan.map(async (jobs, lane) => {
      const results: ProfileJobResult[] = [];
      for (const job of jobs) {
        const result = await runJob(lane, job, onColumn);
        if (job.kind === 'duplicates' || job.kind === 'missing') onColumn();
        results.push(result);
      }
      return results;
    }),
  );
  return perLane.flat();
}
