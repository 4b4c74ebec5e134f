// The Note cell's runner: markdown needs no work; the cell is always done.

import type { CellRunner } from '../runner';

export const noteRunner: CellRunner<'note', Record<string, never>> = {
  kind: 'note',
  inputs: [],
  optional: [],
  publishes: null,
  outputVersion: 1,
  auto: true,
  describeInputs: (spec) => spec.markdown,
  run: async () => ({}),
  summarize: (_output, spec) => ({ characters: spec.markdown.length }),
};
