// The notice a Data cell shows for a dataset imported streamed: what is stored, what is exact, what is approximate
// (with its bound) and what the sample is for.

import { KLL_RANK_ERROR } from '../../../core/stats/sketches/kll-sketch';
import { HLL_STANDARD_ERROR } from '../../../core/stats/sketches/hyper-log-log';
import type { StreamedDatasetMeta } from '../../../core/ingest/dataset-meta';

/** "Large file: 3,000,000 rows stored in chunks; statistics over every row, …; plots and models use a sample of 200,000 rows …". */
export function describeStreamedNotice(rowCount: number, streamed: Pick<StreamedDatasetMeta, 'sampleRows'>): string {
  const rows = rowCount.toLocaleString('en-US');
  const sample = streamed.sampleRows.toLocaleString('en-US');
  const rank = `${(KLL_RANK_ERROR * 100).toFixed(2)} %`;
  const distinct = `${(HLL_STANDARD_ERROR * 100).toFixed(2)} %`;
  return `Large file: ${rows} rows stored in chunks; statistics over every row, quantiles approximate (±${rank} of rank), distinct counts approximate (±${distinct}); plots and models use a sample of ${sample} rows unless a model streams every row.`;
}
