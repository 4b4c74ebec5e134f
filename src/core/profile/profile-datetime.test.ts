import { describe, expect, it } from 'vitest';
import { profileDatetime } from './profile-datetime';

const day = 86_400_000;
const jan1 = Date.UTC(2024, 0, 1);

describe('profileDatetime', () => {
  it('finds range, median, typical and largest gaps and counts per month and year', () => {
    const values = Float64Array.from([jan1, jan1 + day, jan1 + day, jan1 + 2 * day, Number.NaN, jan1 + 40 * day, Date.UTC(2025, 5, 3)]);
    const profile = profileDatetime({ kind: 'datetime', name: 'd', values });
    expect(profile).toEqual({
      kind: 'datetime',
      name: 'd',
      count: 6,
      missing: 1,
      missingPct: 100 / 7,
      distinct: 5,
      idLike: false,
      notes: [],
      minMs: jan1,
      maxMs: Date.UTC(2025, 5, 3),
      rangeMs: Date.UTC(2025, 5, 3) - jan1,
      medianMs: jan1 + 1.5 * day,
      typicalGapMs: 0.5 * (day + 38 * day),
      largestGaps: [
        { startMs: jan1 + 40 * day, endMs: Date.UTC(2025, 5, 3), gapMs: Date.UTC(2025, 5, 3) - jan1 - 40 * day },
        { startMs: jan1 + 2 * day, endMs: jan1 + 40 * day, gapMs: 38 * day },
        { startMs: jan1, endMs: jan1 + day, gapMs: day },
        { startMs: jan1 + day, endMs: jan1 + 2 * day, gapMs: day },
      ],
      perYear: [
        { value: '2024', count: 5, pct: (100 * 5) / 6 },
        { value: '2025', count: 1, pct: 100 / 6 },
      ],
      perMonth: [
        { value: '2024-01', count: 4, pct: (100 * 4) / 6 },
        { value: '2024-02', count: 1, pct: 100 / 6 },
        { value: '2025-06', count: 1, pct: 100 / 6 },
      ],
    });
  });

  it('gives nulls and a note when nothing is present, and no gap for one instant', () => {
    const empty = profileDatetime({ kind: 'datetime', name: 'e', values: Float64Array.from([Number.NaN]) });
    expect([empty.minMs, empty.medianMs, empty.typicalGapMs, empty.perMonth, empty.notes]).toEqual([null, null, null, [], ['No present values: every statistic is null.']]);
    const one = profileDatetime({ kind: 'datetime', name: 'o', values: Float64Array.from([jan1, jan1]) });
    expect([one.rangeMs, one.typicalGapMs, one.largestGaps, one.notes]).toEqual([0, null, [], ['Fewer than 2 distinct instants: there is no gap.']]);
  });
});
