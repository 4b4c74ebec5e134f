import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { combineLogFiles, isLogFileSet } from './combine-log-files';

describe('combineLogFiles', () => {
  it('zips several .jsonl files in name order into one file named after the first', async () => {
    const files = [new File(['{"type":"feedback"}\n'], 'predictions-b-00002.jsonl'), new File(['{"type":"prediction"}\n'], 'predictions-b-00001.jsonl')];
    const combined = await combineLogFiles(files);
    const entries = unzipSync(new Uint8Array(await combined.arrayBuffer()));
    expect([combined.name, Object.keys(entries), new TextDecoder().decode(entries['predictions-b-00002.jsonl'])]).toEqual([
      'predictions-b-00001 + 1 more.zip', ['predictions-b-00001.jsonl', 'predictions-b-00002.jsonl'], '{"type":"feedback"}\n',
    ]);
  });

  it('takes only a set of two or more log files', () => {
    expect([isLogFileSet([{ name: 'a.jsonl' }, { name: 'b.NDJSON' }]), isLogFileSet([{ name: 'a.jsonl' }]), isLogFileSet([{ name: 'a.jsonl' }, { name: 'b.csv' }])]).toEqual([true, false, false]);
  });
});
