// How a Train press asks for "every row, streamed": a streamable family's request carries a tag naming the stored
// dataset and the split's shares (rows are assigned by a seeded hash of their index, in the same proportions as the
// Split cell's parts of the sample); other families train on the sample, as before.

import type { DatasetArtifact, SplitArtifact } from '../../notebook/runtime/artifacts';
import type { TrainRequest } from '../types';
import type { StreamedSplit } from './hash-row';
import { explainNotStreamable } from './streamable-families';

/** Where the rows of a streamed request come from. */
export interface StreamedTrainTag {
  datasetId: string;
  /** Rows of the whole dataset. */
  sourceRows: number;
  split: StreamedSplit;
}

/** `streamed`: the request reads every row; `sampleNote`: it trains on the sample of a streamed dataset, in words. */
export type StreamedTrainRequest = TrainRequest & { streamed?: StreamedTrainTag; sampleNote?: string };

/** The tag of a request planned to stream, or null (it trains on the sample's split). */
export function readStreamedTag(request: TrainRequest): StreamedTrainTag | null {
  return (request as StreamedTrainRequest).streamed ?? null;
}

/**
 * `run` with `info.rowsUsed` saying it trained on the sample of a streamed dataset ("a uniform sample of S of N
 * rows"); as it is for other requests (a streamed run's worker records its own).
 */
export function noteSampleRows<R extends { info: Record<string, number | string | boolean> }>(run: R, request: TrainRequest): R {
  const note = (request as StreamedTrainRequest).sampleNote;
  return note === undefined ? run : { ...run, info: { ...run.info, rowsUsed: note } };
}

/** Which rows the Train cell trains on: the dataset's in-memory sample, or every row read in chunks. */
export type TrainRowsChoice = 'sample' | 'streamed';

/**
 * `requests` with the streamable ones tagged when `rows` is 'streamed' and the dataset was imported streamed; a tagged
 * request gets its own configuration key (a sample run never stands in for it) and no cross-validation.
 */
export function planStreamedRequests<R extends TrainRequest>(requests: readonly R[], dataset: DatasetArtifact, split: SplitArtifact, seed: number, rows: TrainRowsChoice | undefined): R[] {
  const streamed = dataset.streamed;
  if (streamed === undefined) return [...requests];
  const sampleNote = describeRowsSource(dataset, 'sample');
  if (rows !== 'streamed') return requests.map((request) => ({ ...request, sampleNote }));
  const total = split.train.length + split.validation.length + split.test.length;
  const shares: StreamedSplit = { validationShare: total > 0 ? split.validation.length / total : 0, testShare: total > 0 ? split.test.length / total : 0, seed };
  return requests.map((request) => {
    if (explainNotStreamable(request.family) !== null || request.problem.task === 'clustering') return { ...request, sampleNote };
    const tag: StreamedTrainTag = { datasetId: streamed.datasetId, sourceRows: streamed.rowCount, split: shares };
    return { ...request, crossValidate: false, ...(request.configKey ? { configKey: `${request.configKey}|streamed` } : {}), streamed: tag };
  });
}

/** Where a Train press's rows come from, in words: "a uniform sample of S of N rows" or "every row, streamed (N rows)". */
export function describeRowsSource(dataset: Pick<DatasetArtifact, 'rowCount' | 'streamed'>, rows: TrainRowsChoice | undefined): string {
  const streamed = dataset.streamed;
  if (streamed === undefined) return `all ${dataset.rowCount.toLocaleString('en')} rows`;
  if (rows === 'streamed') return `every row, streamed (${streamed.rowCount.toLocaleString('en')} rows) for linear regression, logistic regression and the neural network; a uniform sample of ${streamed.sampleRows.toLocaleString('en')} rows for the others`;
  return `a uniform sample of ${streamed.sampleRows.toLocaleString('en')} of ${streamed.rowCount.toLocaleString('en')} rows`;
}
