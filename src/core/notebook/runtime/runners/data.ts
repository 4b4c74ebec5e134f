// The Data cell's runner: opens the dataset the cell names — stored in the browser, bound to a file or embedded in
// a headless run — with its column overrides applied, where the work runs; the cells below read its artifact.

import type { ColumnOverride, DatasetId } from '../../types';
import type { DatasetArtifact } from '../artifacts';
import type { CellRunner } from '../runner';

/** What a Data cell keeps of a run: the artifact and where it came from. */
export interface DataOutput {
  readonly artifact: DatasetArtifact;
  readonly source: string;
}

/** A stable key for a dataset with overrides: the id plus the overrides sorted by column name. */
export function describeDatasetKey(datasetId: DatasetId | null, overrides: Readonly<Record<string, ColumnOverride>>): string {
  const sorted = Object.keys(overrides).sort().map((name) => [name, overrides[name]]);
  return `${datasetId ?? 'bound'}|${JSON.stringify(sorted)}`;
}

export const dataRunner: CellRunner<'data', DataOutput> = {
  kind: 'data',
  inputs: [],
  optional: [],
  publishes: 'dataset',
  // 2: the artifact carries the file's content hash (runs record it); an older saved output opens the dataset again,
  // under the same key, so the cells below stay current.
  outputVersion: 2,
  auto: true,
  check: (spec) => (spec.datasetId === null ? 'Import a file, open a sample or pick a stored dataset.' : null),
  describeInputs: (spec) => describeDatasetKey(spec.datasetId, spec.columnOverrides),
  async run(spec, _inputs, context) {
    context.onProgress({ message: 'Opening the dataset' });
    const opened = await context.compute.openDataset(context.cellId, spec, context);
    return { artifact: opened.artifact, source: opened.source };
  },
  publish: (output) => output.artifact,
  summarize: (output) => ({ name: output.artifact.name, source: output.source, rows: output.artifact.rowCount, columns: output.artifact.columns.length, warnings: output.artifact.warnings.map((w) => w.message) }),
};
