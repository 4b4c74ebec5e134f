import { describe, expect, it } from 'vitest';
import type { Column, Table } from '../table/types';
import { booleanColumn, categoricalColumn, datetimeColumn, numericColumn, tableOf, textColumn } from '../../test-support/table-builders';
import { listJobColumns, runProfileJob } from './profile-job';
import { listColumnJobs, profileTableInParts, type RunProfileJob } from './profile-in-parts';
import { profileTable, type ProfileOptions } from './profile-table';
import type { TableProfile } from './types';

const n = 60;
const rows = Array.from({ length: n }, (_, i) => i);
const LEVELS = ['red', 'green', 'blue', 'grey'];

/** 60 rows of every kind, with missing values, an infinity, a duplicate row, a 3-class label and a numeric target. */
const mixed: Table = tableOf(
  numericColumn('amount', rows.map((i) => (i % 11 === 3 ? null : i === 7 ? Number.POSITIVE_INFINITY : ((i * 37) % 23) + (i % 4) / 4))),
  numericColumn('age', rows.map((i) => (i === 59 ? 18 : 18 + ((i * 7) % 40))), true),
  numericColumn('ratio', rows.map((i) => (i % 13 === 0 ? null : Math.sin(i)))),
  numericColumn('price', rows.map((i) => (i === 59 ? 10 : 10 + (i % 9) * 2.5))),
  categoricalColumn('color', rows.map((i) => (i % 17 === 5 ? null : LEVELS[(i * 3) % 4]))),
  booleanColumn('active', rows.map((i) => (i % 19 === 2 ? null : i % 3 === 0))),
  datetimeColumn('signup', rows.map((i) => (i % 10 === 9 ? null : `2024-0${(i % 9) + 1}-1${i % 10}T00:00:00Z`))),
  textColumn('code', rows.map((i) => (i === 59 ? 'C0' : `C${i}`))),
  categoricalColumn('label', rows.map((i) => ['low', 'mid', 'high'][(i * 5) % 3])),
);

/** Runs each job on a copy of just the columns it reads, as a worker would hold them. */
function runOnCopies(table: Table, lanesSeen: Set<number>): RunProfileJob {
  return async (lane, job, onColumn) => {
    lanesSeen.add(lane);
    const names = listJobColumns(job);
    const columns = names === 'all' ? table.columns : names.map((name) => table.columns.find((c) => c.name === name) as Column);
    const result = runProfileJob(structuredClone({ rowCount: table.rowCount, columns }), structuredClone(job), onColumn);
    await new Promise((resolve) => setTimeout(resolve, 0));
    return structuredClone(result);
  };
}

async function compare(table: Table, options: ProfileOptions, lanes: number) {
  const steps: { single: string[]; parts: string[] } = { single: [], parts: [] };
  const single = profileTable(table, { ...options, onProgress: (done, total) => steps.single.push(`${done}/${total}`) });
  const lanesSeen = new Set<number>();
  const parts = await profileTableInParts(table, { ...options, onProgress: (done, total) => steps.parts.push(`${done}/${total}`) }, lanes, runOnCopies(table, lanesSeen));
  const timeless = (profile: TableProfile) => ({ ...profile, durationMs: 0 });
  return { single: timeless(single), parts: timeless(parts), steps, lanesSeen: [...lanesSeen].sort() };
}

describe('profileTableInParts', () => {
  it('equals profileTable on a mixed table with a class target, on 2 and 4 lanes', async () => {
    for (const lanes of [2, 4]) {
      const { single, parts, steps, lanesSeen } = await compare(mixed, { target: 'label', topK: 3 }, lanes);
      expect(parts).toEqual(single);
      expect(steps.parts).toEqual(steps.single);
      expect(lanesSeen).toEqual(Array.from({ length: lanes }, (_, i) => i));
    }
    expect(mixed.columns.length).toBe(9);
  });

  it('equals profileTable with an id column, which settles the duplicates without comparing rows', async () => {
    const withId = tableOf(...mixed.columns, numericColumn('row', rows));
    const { single, parts } = await compare(withId, { target: 'label' }, 2);
    expect(parts).toEqual(single);
    expect(single.duplicates).toEqual({ count: 0, pct: 0, examples: [] });
  });

  it('takes a class target\'s η row from the target job (no η job for it), equal to profileTable, categorical or boolean', async () => {
    for (const target of ['label', 'active']) {
      const etaJobs: string[][] = [];
      const run = runOnCopies(mixed, new Set());
      const parts = await profileTableInParts(mixed, { target }, 2, (lane, job, onColumn) => {
        if (job.kind === 'eta') etaJobs.push(job.categories);
        return run(lane, job, onColumn);
      });
      expect({ parts: { ...parts, durationMs: 0 }, etaJobs: etaJobs.sort() }).toEqual({
        parts: { ...profileTable(mixed, { target }), durationMs: 0 },
        etaJobs: [['active'], ['color'], ['label']].filter(([name]) => name !== target),
      });
    }
  });

  it('equals profileTable with a numeric target (Spearman associations) and with none', async () => {
    for (const target of ['price', undefined]) {
      const { single, parts } = await compare(mixed, { target }, 3);
      expect(parts).toEqual(single);
    }
  });

  it('equals profileTable on 5,000 columns, where the correlation and missing-pattern caps apply', async () => {
    const columns: Column[] = Array.from({ length: 5000 }, (_, c) => {
      const name = `c${c}`;
      const values = Array.from({ length: 12 }, (_, i) => ((i * (c + 3)) % 7 === c % 5 ? null : ((i + 1) * (c + 1)) % 13));
      if (c % 3 === 0) return categoricalColumn(name, values.map((v) => (v === null ? null : `L${v % 4}`)));
      return numericColumn(name, values);
    });
    const { single, parts } = await compare(tableOf(...columns), { target: 'c1' }, 2);
    expect(single.notes.length).toBe(3);
    expect(parts).toEqual(single);
  });

  it('rejects, without waiting on the other lanes, when a queued job fails', async () => {
    const run = runOnCopies(mixed, new Set());
    const failing: RunProfileJob = async (lane, job, onColumn) => {
      if (job.kind === 'missing') throw new Error('lane lost');
      return run(lane, job, onColumn);
    };
    await expect(profileTableInParts(mixed, { target: 'label' }, 2, failing)).rejects.toThrow('lane lost');
  });

  it('makes one job per column with its kind\'s cost, for the queue to hand out costliest first', () => {
    expect(listColumnJobs(mixed, 10, true).map(({ job, cost }) => ({ names: job.kind === 'columns' ? job.names : [], cost }))).toEqual([
      { names: ['amount'], cost: 150 },
      { names: ['age'], cost: 150 },
      { names: ['ratio'], cost: 150 },
      { names: ['price'], cost: 150 },
      { names: ['color'], cost: 5 },
      { names: ['active'], cost: 20 },
      { names: ['signup'], cost: 150 },
      { names: ['code'], cost: 350 },
      { names: ['label'], cost: 5 },
    ]);
  });
});
