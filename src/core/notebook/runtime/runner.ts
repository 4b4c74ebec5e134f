// The contract of a cell kind's runner: what it reads and publishes, the key of its inputs, and `run` over plain
// data with a context that carries the seed-free essentials of a job (progress, cancel, stop, compute port).
// Adding a cell kind is one runner file, one line in registry.ts, one component and (for UI-only state) a class.

import type { CellId, CellKind, CellSpecs } from '../types';
import type { ArtifactKind, ArtifactTypes, CellInputs } from './artifacts';
import type { ComputePort } from './compute-port';

/** A progress record a running cell reports: a line of text and, where countable, done of total. */
export interface RunProgress {
  readonly message: string;
  readonly done?: number;
  readonly total?: number;
  /** Kind-specific live detail (a Train cell's candidate events and curves). */
  readonly detail?: unknown;
}

/** What `run` gets besides its spec and inputs. */
export interface RunContext<O = unknown> {
  readonly cellId: CellId;
  readonly compute: ComputePort;
  /** Hard cancel: the job is dropped and nothing is kept. */
  readonly signal: AbortSignal;
  /** Cooperative stop: iterative work ends after the current step and keeps what it has. */
  readonly stop: AbortSignal;
  readonly onProgress: (progress: RunProgress) => void;
  /** The cell's last output (possibly stale), for runners that reuse parts of it (a Train cell's runs). */
  readonly previous: O | null;
  /** True when `previous` was computed from the inputs this run gets (it is current, not stale). */
  readonly previousCurrent: boolean;
}

/** Why a cell cannot run yet, in words ("Run the Split cell above."); null when it can. */
export type Waiting = string | null;

export interface CellRunner<K extends CellKind, O = unknown> {
  readonly kind: K;
  /** Artifacts read from the nearest producing cell above. */
  readonly inputs: readonly ArtifactKind[];
  /** Inputs the cell can do without. */
  readonly optional: readonly ArtifactKind[];
  /** The artifact the cells below read from this cell's output; null for none. */
  readonly publishes: ArtifactKind | null;
  /** Bumped when the output's shape changes: saved outputs of another version are ignored (the cell runs again). */
  readonly outputVersion: number;
  /** Runs by itself whenever its inputs change (cheap work: Data, Problem, Note, a Prepare cell without steps); others wait for Run. */
  readonly auto: boolean | ((spec: CellSpecs[K]) => boolean);
  /** What is missing to run; called only when every required input is present. */
  check?(spec: CellSpecs[K], inputs: CellInputs): Waiting;
  /** The key of everything the output depends on: an output computed from another key is stale. */
  describeInputs(spec: CellSpecs[K], inputs: CellInputs): string;
  run(spec: CellSpecs[K], inputs: CellInputs, context: RunContext<O>): Promise<O>;
  /** The artifact the cells below read (only when `publishes` is set); `key` is the output's input key. */
  publish?(output: O, spec: CellSpecs[K], inputs: CellInputs, key: string): ArtifactTypes[ArtifactKind] | null;
  /** A message when the finished output is itself an error for the cell (a class absent from training). */
  errorOf?(output: O): string | null;
  /** The output's key facts as plain JSON (results.json of a headless run). */
  summarize(output: O, spec: CellSpecs[K]): unknown;
}

/** A runner whose output type is forgotten, so a registry can hold every kind. */
export type AnyCellRunner = CellRunner<CellKind, unknown>;

/** The input `kind` of `inputs`, or a plain error naming the cell kind (runners check `inputs` first through the runtime). */
export function requireInput<A extends ArtifactKind>(inputs: CellInputs, kind: A): ArtifactTypes[A] {
  const input = inputs[kind];
  if (input === undefined) throw new Error(`The ${kind} this cell reads is missing; run the cell above that makes it.`);
  return input as ArtifactTypes[A];
}
