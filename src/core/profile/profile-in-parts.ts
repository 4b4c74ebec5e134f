// profileTable split over several lanes (workers): one job per column and missing patterns; Pearson and Spearman
// once the numeric columns are profiled; then duplicates (unless an id column rules them out), η, Cramér's V and
// the target; each taken by whichever lane is free, costliest first; merged into exactly the TableProfile
// profileTable returns (only durationMs differs).

import type { Table } from '../table/types';
import { assembleCorrelations, selectCorrelationColumns, type CorrelationCandidate, type CorrelationValues } from './build-correlations';
import { throwIfAborted } from './check-abort';
import { estimateMemory } from './estimate-memory';
import { findDuplicatesFromProfiles } from './find-duplicate-rows';
import type { ProfileJob, ProfileJobResult, RankMap } from './profile-job';
import {
  assembleTableProfile,
  DEFAULT_MAX_CORRELATION_COLUMNS,
  DEFAULT_TOP_K,
  findTarget,
  MAX_CORRELATION_CATEGORIES,
  MAX_CORRELATION_LEVELS,
  MAX_RANKED_CELLS,
  type ProfileOptions,
} from './profile-table';
import { type ColumnProfile, type DuplicateRows, type MissingPatterns, type TableProfile } from './types';

/** Runs `job` on lane `lane` (0 ≤ lane < lanes); `onColumn` fires after each column of a `columns` job. */
export type RunProfileJob = (lane: number, job: ProfileJob, onColumn: () => void) => Promise<ProfileJobResult>;

/** Rough cost of profiling one column of each kind, in the queue's unit (ms per million rows in Chromium on the bench machine). */
const COLUMN_COST = { numeric: 150, datetime: 150, text: 350, categorical: 5, boolean: 20 } as const;

/**
 * Profiles `table` as profileTable(table, options) does, its jobs run by `runJob` on `lanes` lanes (which may
 * take the table's buffers by transfer once the first job is asked for: only names and kinds are read after): each lane
 * takes queued jobs as it comes free, costliest first (every column's profile and missing patterns at once;
 * duplicates, the correlation matrices and the target as soon as every column is profiled).
 */
export async function profileTableInParts(table: Table, options: ProfileOptions, lanes: number, runJob: RunProfileJob): Promise<TableProfile> {
  const startedMs = Date.now();
  // Before any job: a lane may take the columns away by transfer.
  const memoryBytes = estimateMemory(table);
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

  const profileByName = new Map<string, ColumnProfile>();
  const ranks: RankMap = new Map();
  let duplicates: DuplicateRows | undefined;
  let missing: { missing: MissingPatterns; notes: string[] } | undefined;
  const matrices: Partial<CorrelationValues> = {};
  let targetProfile: TableProfile['target'] = null;
  let matrixJobsLeft = 0;
  const etaRows = new Map<ProfileJob, (number | null)[][]>();
  const queue = createJobQueue();
  const run = async (lane: number, job: ProfileJob) => {
    const result = await runJob(lane, job, step);
    if (result.kind === 'columns') {
      for (const profile of result.profiles) profileByName.set(profile.name, profile);
      for (const [name, rank] of result.ranks) ranks.set(name, rank);
      numericJobsLeft -= result.profiles.filter((profile) => profile.kind === 'numeric').length;
      if (numericJobsLeft === 0 && !numbersQueued) afterNumbers();
      if (--columnJobsLeft === 0) afterColumns();
    } else if (result.kind === 'duplicates') {
      duplicates = result.duplicates;
      step();
    } else if (result.kind === 'missing') {
      missing = result;
      step();
    } else if (result.kind === 'target') {
      targetProfile = result.target;
      step();
      if (withheldEta) takeEtaFromTarget(withheldEta, result.target);
    } else {
      if (job.kind === 'eta') etaRows.set(job, result.values);
      else matrices[MATRIX_OF[job.kind as keyof typeof MATRIX_OF]] = result.values;
      if (--matrixJobsLeft === 0 && selected) step();
    }
  };
  const columnJobs = listColumnJobs(table, topK, argsort);
  queue.add([{ job: { kind: 'missing' }, cost: 5 * table.columns.length }, ...columnJobs]);
  let columnJobsLeft = columnJobs.length;
  let numericJobsLeft = table.columns.filter((column) => column.kind === 'numeric').length;
  let numbersQueued = false;
  const limits = { maxNumeric, maxCategories: MAX_CORRELATION_CATEGORIES, maxLevels: MAX_CORRELATION_LEVELS, keep: target?.name };
  const numericCandidates = (): CorrelationCandidate[] =>
    table.columns.flatMap((column) => {
      const profile = profileByName.get(column.name);
      return profile?.kind === 'numeric' ? [{ name: profile.name, finite: profile.count - profile.positiveInfinity - profile.negativeInfinity, distinct: profile.distinct }] : [];
    });
  // Pearson and Spearman need only the numeric profiles: they start while other columns are still profiled.
  const afterNumbers = () => {
    numbersQueued = true;
    const nums = selectCorrelationColumns(numericCandidates(), [], limits, []).nums.map((x) => x.name);
    matrixJobsLeft += 2;
    queue.add(listNumberMatrixJobs(nums, ranks));
  };
  let selected: { nums: string[]; cats: string[]; notes: string[] } | undefined;
  let columns: ColumnProfile[] = [];
  let etaJobs: ProfileJob[] = [];
  const afterColumns = () => {
    throwIfAborted(signal);
    columns = table.columns.map((column) => profileByName.get(column.name) as ColumnProfile);
    if (columns.some((profile) => profile === undefined)) throw new Error('A profile lane returned no result for some of its jobs.');
    const categoryCandidates: CorrelationCandidate[] = [];
    for (const profile of columns) {
      if (profile.kind === 'categorical' || profile.kind === 'boolean') categoryCandidates.push({ name: profile.name, finite: profile.count, distinct: profile.distinct });
    }
    const selectionNotes: string[] = [];
    // The same numeric choice as afterNumbers made (same profiles), now with the notes and the categories.
    const chosen = selectCorrelationColumns(numericCandidates(), categoryCandidates, limits, selectionNotes);
    selected = { nums: chosen.nums.map((x) => x.name), cats: chosen.cats.map((c) => c.name), notes: selectionNotes };
    const jobs = listCorrelationJobs(table, selected.nums, selected.cats, ranks, target ? { target: target.name, profiles: columns } : null);
    // Duplicates wait for the profiles: a column distinct in every row (an id) settles them without a pass.
    duplicates = findDuplicatesFromProfiles(columns, table.rowCount);
    if (duplicates) step();
    else jobs.push({ job: { kind: 'duplicates' }, cost: 10 * table.columns.length });
    etaJobs = jobs.filter((costed) => costed.job.kind === 'eta').map((costed) => costed.job);
    matrixJobsLeft += jobs.filter((costed) => costed.job.kind !== 'target' && costed.job.kind !== 'duplicates').length;
    // A class target's associations hold its η row (same sums in the same order): its η job waits for the target job.
    withheldEta = jobs.find((costed) => costed.job.kind === 'eta' && costed.job.categories.length === 1 && costed.job.categories[0] === target?.name && (target.kind === 'categorical' || target.kind === 'boolean'));
    queue.add(jobs.filter((costed) => costed !== withheldEta));
    if (!withheldEta) queue.close();
  };
  let withheldEta: CostedJob | undefined;
  /** Fills the withheld η row from a class target's η associations, or queues its job when they lack a column. */
  const takeEtaFromTarget = (costed: CostedJob, profile: NonNullable<TableProfile['target']>) => {
    const eta = new Map(profile.associations.filter((a) => a.measure === 'eta').map((a) => [a.column, a.value]));
    const numeric = costed.job.kind === 'eta' ? costed.job.numeric : [];
    if (numeric.every((name) => eta.has(name))) {
      etaRows.set(costed.job, [numeric.map((name) => eta.get(name) as number | null)]);
      if (--matrixJobsLeft === 0 && selected) step();
    } else queue.add([costed]);
    queue.close();
  };
  if (numericJobsLeft === 0) afterNumbers();
  if (columnJobs.length === 0) afterColumns();
  await Promise.all(
    Array.from({ length: lanes }, async (_, lane) => {
      try {
        for (let job = await queue.take(); job; job = await queue.take()) await run(lane, job);
      } catch (error) {
        queue.fail(error);
        throw error;
      }
    }),
  );
  throwIfAborted(signal);
  if (!duplicates || !missing || !selected) throw new Error('A profile lane returned no result for some of its jobs.');
  const notes = [...missing.notes, ...selected.notes];
  matrices.correlationRatio = etaJobs.flatMap((job) => etaRows.get(job) ?? []);
  const columnNotes = new Map<string, string[]>();
  const correlations = assembleCorrelations(selected.nums, selected.cats, matrices as CorrelationValues, columnNotes);
  const parts = { duplicates, columns, columnNotes, missing: missing.missing, correlations, target: targetProfile, notes, memoryBytes };
  return assembleTableProfile(table, parts, options.importWarnings, startedMs);
}

const MATRIX_OF = { pearson: 'pearson', spearman: 'spearman', 'cramers-v': 'cramersV', eta: 'correlationRatio' } as const;

/** One job per column, with its rough cost: the queue hands them out costliest first, so the lanes even out. */
export function listColumnJobs(table: Table, topK: number, argsort: boolean): CostedJob[] {
  return table.columns.map((column) => ({ job: { kind: 'columns', names: [column.name], topK, argsort }, cost: COLUMN_COST[column.kind] }));
}

/** A queued job and its rough cost (milliseconds per million rows in Chromium on the bench machine). */
export interface CostedJob {
  job: ProfileJob;
  cost: number;
}

/** Pearson and Spearman of the chosen numeric columns, with their rough costs: queued once every numeric column is profiled. */
export function listNumberMatrixJobs(nums: string[], ranks: RankMap): CostedJob[] {
  const n = nums.length;
  const picked: RankMap = new Map(nums.flatMap((name) => (ranks.has(name) ? [[name, ranks.get(name)!] as const] : [])));
  return [
    { job: { kind: 'spearman', names: nums, ranks: picked }, cost: 40 * n + 6 * n * (n + 1) },
    { job: { kind: 'pearson', names: nums }, cost: 6 * n * (n + 1) },
  ];
}

/** The jobs that follow all column profiles: η (one job per category), Cramér's V and the target, with their rough costs. */
export function listCorrelationJobs(
  table: Table,
  nums: string[],
  cats: string[],
  ranks: RankMap,
  target: { target: string; profiles: ColumnProfile[] } | null,
): CostedJob[] {
  const pick = (names: string[]): RankMap => new Map(names.flatMap((name) => (ranks.has(name) ? [[name, ranks.get(name)!] as const] : [])));
  const n = nums.length;
  const c = cats.length;
  const jobs: CostedJob[] = [
    // η in one job per category (rows of the matrix, merged in order) so the last jobs even out the lanes.
    ...(c === 0 ? [[]] : cats.map((name) => [name])).map((categories) => ({ job: { kind: 'eta', categories, numeric: nums } as const, cost: 11 * categories.length * n })),
    { job: { kind: 'cramers-v', names: cats }, cost: 3 * c * (c + 1) },
  ];
  if (target) {
    // Tie groups only rank numbers against a numeric target; a class target does without them (less to clone).
    const numericTarget = table.columns.some((column) => column.name === target.target && column.kind === 'numeric');
    const numericNames = numericTarget ? table.columns.filter((column) => column.kind === 'numeric').map((column) => column.name) : [];
    jobs.push({ job: { kind: 'target', ...target, ranks: pick(numericNames) }, cost: 25 * table.columns.length });
  }
  return jobs;
}

/** Jobs waiting for a free lane, costliest first; take() waits while more may come and gives null once closed and empty. */
function createJobQueue() {
  const waiting: CostedJob[] = [];
  const takers: { resolve: (job: ProfileJob | null) => void; reject: (error: unknown) => void }[] = [];
  let closed = false;
  let failure: { error: unknown } | undefined;
  const serve = () => {
    while (takers.length > 0 && (waiting.length > 0 || closed || failure)) {
      const taker = takers.shift() as (typeof takers)[number];
      if (failure) taker.reject(failure.error);
      else taker.resolve(waiting.shift()?.job ?? null);
    }
  };
  return {
    add(jobs: CostedJob[]) {
      waiting.push(...jobs);
      waiting.sort((a, b) => b.cost - a.cost);
      serve();
    },
    close() {
      closed = true;
      serve();
    },
    fail(error: unknown) {
      failure ??= { error };
      serve();
    },
    take(): Promise<ProfileJob | null> {
      if (failure) return Promise.reject(failure.error);
      const job = waiting.shift();
      if (job || closed) return Promise.resolve(job?.job ?? null);
      return new Promise((resolve, reject) => takers.push({ resolve, reject }));
    },
  };
}
