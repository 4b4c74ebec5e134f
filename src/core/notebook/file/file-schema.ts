// The schema of a current-version notebook file around its cells' specs: the envelope, each cell's id, kind
// and dataset binding, the embedded datasets and model versions (model-schemas.ts). Specs are checked per kind
// afterwards (spec-schemas.ts), once completed by their defaults.

import * as v from 'valibot';
import { COLUMN_KINDS } from '../../table/types';
import type { CellId } from '../types';
import { NOTEBOOK_FILE_FORMAT, NOTEBOOK_FILE_VERSION } from './file-types';
import { embeddedModel } from './model-schemas';
import { integerFrom, nonEmptyText, oneOf, plainObject } from './schema-rules';
import { FILE_CELL_KINDS } from './spec-schemas';

/** A Data cell's dataset: name, source file, shape and content hash. */
export const datasetBinding = v.object({
  name: nonEmptyText,
  fileName: v.string(),
  source: v.optional(v.string()),
  rowCount: integerFrom(0),
  columns: v.array(v.object({ name: v.string(), kind: oneOf(COLUMN_KINDS) })),
  contentHash: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hexadecimal digits (a SHA-256)')),
});

const fileCell = v.object({
  id: v.pipe(nonEmptyText, v.transform((id) => id as CellId)),
  kind: oneOf(FILE_CELL_KINDS),
  title: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(120, 'must be at most 120 characters'))),
  spec: plainObject,
  dataset: v.optional(datasetBinding),
});

const embeddedDataset = v.object({
  name: nonEmptyText,
  mediaType: v.literal('text/csv', 'must be "text/csv"'),
  text: v.string(),
});

/** A notebook file of the current version, specs not yet checked. */
export const fileEnvelope = v.object({
  format: v.literal(NOTEBOOK_FILE_FORMAT, `must be "${NOTEBOOK_FILE_FORMAT}"`),
  formatVersion: v.literal(NOTEBOOK_FILE_VERSION, `must be ${NOTEBOOK_FILE_VERSION}`),
  notebook: v.object({ name: nonEmptyText, cells: v.array(fileCell) }),
  datasets: v.optional(v.array(embeddedDataset), () => []),
  models: v.optional(v.array(embeddedModel)),
});

export type FileEnvelope = v.InferOutput<typeof fileEnvelope>;
