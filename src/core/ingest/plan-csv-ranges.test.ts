import { describe, expect, it } from 'vitest';
import { planCsvCuts, planCsvRanges } from './plan-csv-ranges';

const bytesOf = (text: string) => new TextEncoder().encode(text);

describe('planCsvRanges', () => {
  it('cuts after the first line break outside quotes past each target, with line offsets for the header copy', () => {
    // Byte 6 (the first target) is inside "a\nb": the cut moves past it to the start of line 4.
    expect(planCsvRanges(bytesOf('h\n"a\nb"\nc\nd\n'), 2)).toEqual({ headerEnd: 2, ranges: [{ start: 0, end: 8, lineOffset: 0 }, { start: 8, end: 12, lineOffset: 2 }] });
  });

  it('cannot cut CR-only files or a single row', () => {
    expect([planCsvRanges(bytesOf('h\rc\rd\r'), 2), planCsvRanges(bytesOf('h\n1\n'), 2)]).toEqual([null, null]);
  });

  it('cuts after the first line break past each even share when reading windows, even inside quotes (checked later)', async () => {
    // Byte 9 (half of 18) is inside "x\ny\nz": the window cut lands at 11, where planCsvRanges cuts at 14.
    const bytes = bytesOf('a,b\n1,"x\ny\nz"\n2,w\n');
    expect([await planCsvCuts(new Blob([bytes]), bytes, 2), planCsvRanges(bytes, 2)?.ranges.map((r) => r.start)]).toEqual([{ headerEnd: 4, starts: [0, 11] }, [0, 14]]);
  });
});
