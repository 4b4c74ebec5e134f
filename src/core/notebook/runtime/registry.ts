// One runner per cell kind. Adding a kind is its runner file plus one line here (the compiler lists every kind).

import type { CellKind } from '../types';
import type { AnyCellRunner, CellRunner } from './runner';
import { codeRunner } from './runners/code';
import { compareRunner } from './runners/compare';
import { dataRunner } from './runners/data';
import { evaluateRunner } from './runners/evaluate';
import { explainRunner } from './runners/explain';
import { exportRunner } from './runners/export';
import { monitorRunner } from './runners/monitor';
import { noteRunner } from './runners/note';
import { predictRunner } from './runners/predict';
import { prepareRunner } from './runners/prepare';
import { problemRunner } from './runners/problem';
import { profileRunner } from './runners/profile';
import { retrainRunner } from './runners/retrain';
import { splitRunner } from './runners/split';
import { trainRunner } from './runners/train';
import { tuneRunner } from './runners/tune';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each entry keeps its own output type
export const CELL_RUNNERS: { readonly [K in CellKind]: CellRunner<K, any> } = {
  data: dataRunner,
  problem: problemRunner,
  profile: profileRunner,
  split: splitRunner,
  prepare: prepareRunner,
  train: trainRunner,
  tune: tuneRunner,
  evaluate: evaluateRunner,
  explain: explainRunner,
  compare: compareRunner,
  predict: predictRunner,
  export: exportRunner,
  monitor: monitorRunner,
  retrain: retrainRunner,
  code: codeRunner,
  note: noteRunner,
};

/** The runner of `kind`, widened so the runtime can drive any kind. */
export function findRunner(kind: CellKind): AnyCellRunner {
  return CELL_RUNNERS[kind] as unknown as AnyCellRunner;
}
