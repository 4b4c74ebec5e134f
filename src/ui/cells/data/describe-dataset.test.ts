import { describe, expect, it } from 'vitest';
import { describeDataset } from './describe-dataset';

describe('describeDataset', () => {
  it('names shape, source size, format, delimiter and encoding', () => {
    expect([
      describeDataset({ rowCount: 344, columnCount: 7, sourceBytes: 13824, format: 'csv', delimiter: ',', encoding: 'utf-8' }),
      describeDataset({ rowCount: 2, columnCount: 3, sourceBytes: 40, format: 'tsv', delimiter: '\t', encoding: 'windows-1252' }),
      describeDataset({ rowCount: 1000, columnCount: 1, sourceBytes: 2048, format: 'parquet', encoding: 'utf-8' }),
      describeDataset({ rowCount: 360, columnCount: 9, sourceBytes: 4096, format: 'prediction-log', encoding: 'utf-8' }),
    ]).toEqual([
      '344 rows × 7 columns · 13.5 KB · csv, comma, UTF-8',
      '2 rows × 3 columns · 40 B · tsv, tab, Windows-1252',
      '1,000 rows × 1 column · 2.0 KB · parquet',
      '360 rows × 9 columns · 4.0 KB · prediction log',
    ]);
  });
});
