// The notebook's runtime, the same in the browser and in Node: every cell's status, output and published artifact,
// derived from the saved notebook and the runners. It resolves each cell's inputs from the nearest cell above that
// publishes them, marks a cell stale when its inputs' key moves away from its output's, runs one cell, the stale
// ones or all of them — whether or not a view shows them — and saves outputs through an optional store.

import { nowMs } from '../../time/now-ms';
import { CELL_KINDS } from '../cell-kinds';
import type { Cell, CellId, Notebook } from '../types';
import type { ArtifactKind, ArtifactTypes, CellInputs } from './artifacts';
import type { ComputePort } from './compute-port';
import { findRunner } from './registry';
import type { AnyCellRunner, RunContext, RunProgress } from './runner';

/** A cell's status: waiting for an input, never run, running, done, stale (inputs changed since), or failed. */
export type CellStatus = 'waiting' | 'idle' | 'running' | 'done' | 'stale' | 'error';

/** What a view (or results.json) shows of a cell. */
export interface CellRuntime {
  readonly status: CellStatus;
  /** Why it cannot run yet (status 'waiting'). */
  readonly waiting: string | null;
  readonly error: string | null;
  /** The last output, current or stale; null before the first run. */
  readonly output: unknown;
  /** The key of the inputs now (null while waiting). */
  readonly inputKey: string | null;
  /** Wall time of the run that made the output. */
  readonly durationMs: number | null;
  readonly progress: RunProgress | null;
}

/** An output as it is saved: which kind and output version wrote it, and the inputs it was computed from. */
export interface SavedOutput {
  readonly kind: Cell['kind'];
  readonly outputVersion: number;
  readonly inputKey: string;
  readonly output: unknown;
  readonly durationMs?: number;
}

/** Where outputs persist between sessions (IndexedDB in the browser; none in a headless run). */
export interface OutputStore {
  load(): Promise<ReadonlyMap<CellId, unknown>>;
  save(cellId: CellId, saved: SavedOutput): Promise<void>;
}

export interface RuntimeOptions {
  readonly compute: ComputePort;
  readonly outputs?: OutputStore;
  /** After any change of any cell's runtime (statuses, outputs, published artifacts). */
  readonly onChange?: () => void;
  /** Every progress record of a running cell. */
  readonly onProgress?: (cellId: CellId, progress: RunProgress) => void;
  /** Milliseconds for durations (performance.now in both environments). */
  readonly now?: () => number;
}

interface Entry {
  output: unknown;
  outputKey: string | null;
  durationMs: number | null;
  error: string | null;
  errorKey: string | null;
  progress: RunProgress | null;
  job: { abort: AbortController; stop: AbortController; done: Promise<void> } | null;
}

interface Derived extends CellRuntime {
  readonly inputs: CellInputs;
  readonly published: ArtifactTypes[ArtifactKind] | null;
}

const EMPTY: Entry = { output: null, outputKey: null, durationMs: null, error: null, errorKey: null, progress: null, job: null };

export class NotebookRuntime {
  #notebook: Notebook | null = null;
  readonly #entries = new Map<CellId, Entry>();
  /** Entries of cells deleted lately, by id, in deletion order (an undo restores one with its output). */
  readonly #removed = new Map<CellId, Entry>();
  #derived = new Map<CellId, Derived>();
  readonly #publishCache = new Map<CellId, { output: unknown; key: string; artifact: ArtifactTypes[ArtifactKind] | null }>();

  constructor(readonly options: RuntimeOptions) {}

  /** The notebook the runtime follows; call it after every edit (cells whose inputs changed become stale). */
  setNotebook(notebook: Notebook): void {
    this.#notebook = notebook;
    const ids = new Set(notebook.cells.map((cell) => cell.id));
    for (const [id, entry] of this.#entries) {
      if (ids.has(id)) continue;
      entry.job?.abort.abort();
      this.#entries.delete(id);
      this.#publishCache.delete(id);
      // Kept a while: an undone delete brings the cell back with its output.
      this.#removed.set(id, { ...entry, job: null, progress: null });
      while (this.#removed.size > REMOVED_KEPT) this.#removed.delete(this.#removed.keys().next().value as CellId);
    }
    for (const id of ids) {
      const removed = this.#removed.get(id);
      if (removed && !this.#entries.has(id)) this.#entries.set(id, removed);
      this.#removed.delete(id);
    }
    this.#refresh();
  }

  /** The runtime of `cellId` (an idle blank for an unknown cell). */
  get(cellId: CellId): CellRuntime {
    return this.#derived.get(cellId) ?? { status: 'idle', waiting: null, error: null, output: null, inputKey: null, durationMs: null, progress: null };
  }

  /** The artifacts `cellId` reads now (only those published by done cells above it). */
  inputsOf(cellId: CellId): CellInputs {
    return this.#derived.get(cellId)?.inputs ?? {};
  }

  /** The nearest cell above `cellId` whose kind publishes `kind` (its runner says so), done or not; null when none. */
  findProducer(cellId: CellId, kind: ArtifactKind): CellId | null {
    const cells = this.#notebook?.cells ?? [];
    const index = cells.findIndex((cell) => cell.id === cellId);
    for (let i = index - 1; i >= 0; i--) if (findRunner(cells[i].kind).publishes === kind) return cells[i].id;
    return null;
  }

  /** The artifact `cellId` publishes now, or null (not done, or it publishes nothing). */
  publishedBy(cellId: CellId): ArtifactTypes[ArtifactKind] | null {
    return this.#derived.get(cellId)?.published ?? null;
  }

  /** Shows the saved outputs (those of the same kind and output version); a changed input shows as stale. */
  async restore(): Promise<void> {
    const saved = await this.options.outputs?.load();
    if (!saved || !this.#notebook) return;
    for (const cell of this.#notebook.cells) {
      const record = saved.get(cell.id);
      if (!isSavedOutput(record) || record.kind !== cell.kind || record.outputVersion !== findRunner(cell.kind).outputVersion) continue;
      const entry = this.#entry(cell.id);
      if (entry.output === null && !entry.job) this.#entries.set(cell.id, { ...entry, output: record.output, outputKey: record.inputKey, durationMs: record.durationMs ?? null });
    }
    this.#refresh();
  }

  /** Runs one cell now (a run in progress is cancelled first); resolves when it has finished, failed or been cancelled. */
  async run(cellId: CellId): Promise<CellRuntime> {
    const cell = this.#cell(cellId);
    const derived = this.#derived.get(cellId);
    if (!cell || !derived) throw new Error(`There is no cell "${cellId}" in this notebook.`);
    if (derived.status === 'waiting') return derived;
    this.#entry(cellId).job?.abort.abort();
    const runner = findRunner(cell.kind);
    const job = { abort: new AbortController(), stop: new AbortController(), done: Promise.resolve() };
    // The job is the cell's before the runner starts: progress it reports at once is heard.
    this.#update(cellId, { job, progress: null });
    job.done = this.#execute(cell, runner, derived, job);
    await job.done;
    return this.get(cellId);
  }

  /** The cell's runtime once a run in progress (an automatic one too) has ended. */
  async whenIdle(cellId: CellId): Promise<CellRuntime> {
    await this.#entries.get(cellId)?.job?.done;
    return this.get(cellId);
  }

  /** Ends a cell's run at once; nothing of it is kept. */
  cancel(cellId: CellId): void {
    this.#entries.get(cellId)?.job?.abort.abort();
  }

  /** Ends every run in progress (the notebook is closing). */
  cancelAll(): void {
    for (const entry of this.#entries.values()) entry.job?.abort.abort();
  }

  /** Asks a running cell to finish its current step and keep what it has (Train: the best models so far). */
  stop(cellId: CellId): void {
    this.#entries.get(cellId)?.job?.stop.abort();
  }

  /**
   * Runs cells top to bottom — every runnable one, or (`onlyStale`) those whose output is stale or missing — one at
   * a time, each after the cells above it; a failed cell ends the sweep and is returned. A cell waiting for an
   * input that no cell above will provide fails the sweep too when `strict` (a headless run), else is passed over.
   */
  async runAll(options: { onlyStale?: boolean; strict?: boolean } = {}): Promise<{ failed: CellId | null }> {
    for (const cell of this.#notebook?.cells ?? []) {
      const state = await this.whenIdle(cell.id);
      if (state.status === 'waiting') {
        if (options.strict) return { failed: cell.id };
        continue;
      }
      const due = options.onlyStale ? state.status === 'stale' || state.status === 'idle' : state.status !== 'done' || !isAuto(cell);
      if (due) await this.run(cell.id);
      if (this.get(cell.id).status === 'error') return { failed: cell.id };
    }
    return { failed: null };
  }

  /** Replaces a cell's output by a view's edit of it (a deleted run, a saved threshold), saved like a run's. */
  async setOutput(cellId: CellId, update: (output: unknown) => unknown): Promise<void> {
    const entry = this.#entries.get(cellId);
    const cell = this.#cell(cellId);
    if (!entry || entry.output === null || entry.outputKey === null || !cell) return;
    const output = update(entry.output);
    this.#update(cellId, { output });
    await this.#save(cell, output, entry.outputKey, entry.durationMs);
  }

  /**
   * A view's edit that may start an output (a Train cell's first run imported from a bundle): `update` gets the
   * current output or null; a cell still waiting for its inputs, or running, keeps what it has.
   */
  async putOutput(cellId: CellId, update: (output: unknown) => unknown): Promise<void> {
    const entry = this.#entries.get(cellId);
    const derived = this.#derived.get(cellId);
    const cell = this.#cell(cellId);
    if (!entry || !derived || !cell || derived.inputKey === null || entry.job) return;
    const current = entry.output !== null && entry.outputKey === derived.inputKey ? entry.output : null;
    const output = update(current);
    this.#update(cellId, { output, outputKey: derived.inputKey, error: null, errorKey: null });
    await this.#save(cell, output, derived.inputKey, entry.durationMs);
  }

  async #execute(cell: Cell, runner: AnyCellRunner, derived: Derived, job: { abort: AbortController; stop: AbortController }): Promise<void> {
    const now = this.options.now ?? nowMs;
    const startedMs = now();
    const key = derived.inputKey as string;
    const context: RunContext = {
      cellId: cell.id,
      compute: this.options.compute,
      signal: job.abort.signal,
      stop: job.stop.signal,
      previous: this.#entry(cell.id).output,
      previousCurrent: this.#entry(cell.id).output !== null && this.#entry(cell.id).outputKey === key,
      onProgress: (progress) => {
        if (this.#entries.get(cell.id)?.job !== job) return;
        this.#entry(cell.id).progress = progress;
        this.options.onProgress?.(cell.id, progress);
      },
    };
    try {
      const output = await runner.run(cell.spec, derived.inputs, context);
      if (job.abort.signal.aborted) throw Object.assign(new Error('cancelled'), { name: 'AbortError' });
      const durationMs = now() - startedMs;
      this.#update(cell.id, { output, outputKey: key, durationMs, error: null, errorKey: null, job: null, progress: null });
      await this.#save(cell, output, key, durationMs);
    } catch (error) {
      if (this.#entries.get(cell.id)?.job !== job) return; // a newer run owns the cell
      if (isAbort(error)) this.#update(cell.id, { job: null, progress: null });
      else this.#update(cell.id, { job: null, progress: null, error: describeFailure(error), errorKey: key });
    }
  }

  async #save(cell: Cell, output: unknown, inputKey: string, durationMs: number | null): Promise<void> {
    const saved: SavedOutput = { kind: cell.kind, outputVersion: findRunner(cell.kind).outputVersion, inputKey, output, ...(durationMs !== null ? { durationMs } : {}) };
    try {
      await this.options.outputs?.save(cell.id, saved);
    } catch (error) {
      this.#update(cell.id, { error: `The result could not be saved: ${describeFailure(error)}`, errorKey: inputKey });
    }
  }

  #entry(cellId: CellId): Entry {
    return this.#entries.get(cellId) ?? EMPTY;
  }

  #cell(cellId: CellId): Cell | undefined {
    return this.#notebook?.cells.find((cell) => cell.id === cellId);
  }

  #update(cellId: CellId, change: Partial<Entry>): void {
    this.#entries.set(cellId, { ...this.#entry(cellId), ...change });
    this.#refresh();
  }

  /** Derives every cell's runtime top to bottom, then starts the automatic cells whose inputs changed. */
  #refresh(): void {
    const derived = new Map<CellId, Derived>();
    const producers = new Map<ArtifactKind, CellId>();
    for (const cell of this.#notebook?.cells ?? []) {
      const runner = findRunner(cell.kind);
      const state = this.#derive(cell, runner, producers, derived);
      derived.set(cell.id, state);
      if (runner.publishes) producers.set(runner.publishes, cell.id);
    }
    this.#derived = derived;
    this.options.onChange?.();
    for (const cell of this.#notebook?.cells ?? []) {
      const state = derived.get(cell.id)!;
      if (isAuto(cell) && (state.status === 'idle' || state.status === 'stale')) void this.run(cell.id);
    }
  }

  #derive(cell: Cell, runner: AnyCellRunner, producers: ReadonlyMap<ArtifactKind, CellId>, derived: ReadonlyMap<CellId, Derived>): Derived {
    const entry = this.#entry(cell.id);
    const base = { error: null, output: entry.output, durationMs: entry.durationMs, progress: entry.progress, published: null };
    const { inputs, waiting } = this.#collectInputs(runner, producers, derived);
    let reason = waiting;
    let inputKey: string | null = null;
    if (reason === null) {
      try {
        reason = runner.check?.(cell.spec, inputs) ?? null;
        if (reason === null) inputKey = runner.describeInputs(cell.spec, inputs);
      } catch (error) {
        reason = describeFailure(error);
      }
    }
    if (entry.job) return { ...base, status: 'running', waiting: null, inputKey, inputs };
    if (reason !== null) return { ...base, status: 'waiting', waiting: reason, inputKey: null, inputs };
    if (entry.error !== null && entry.errorKey === inputKey) return { ...base, status: 'error', error: entry.error, waiting: null, inputKey, inputs };
    if (entry.output === null) return { ...base, status: 'idle', waiting: null, inputKey, inputs };
    if (entry.outputKey !== inputKey) return { ...base, status: 'stale', waiting: null, inputKey, inputs };
    const blocking = runner.errorOf?.(entry.output) ?? null;
    if (blocking !== null) return { ...base, status: 'error', error: blocking, waiting: null, inputKey, inputs };
    return { ...base, status: 'done', waiting: null, inputKey, inputs, published: this.#publish(cell, runner, entry.output, inputs, inputKey as string) };
  }

  #collectInputs(runner: AnyCellRunner, producers: ReadonlyMap<ArtifactKind, CellId>, derived: ReadonlyMap<CellId, Derived>): { inputs: CellInputs; waiting: string | null } {
    const inputs: Partial<Record<ArtifactKind, unknown>> = {};
    for (const kind of runner.inputs) {
      const producer = producers.get(kind);
      const artifact = producer ? derived.get(producer)?.published ?? null : null;
      if (artifact !== null) inputs[kind] = artifact;
      // An optional input may be absent, but not unfinished: a Prepare cell above that has not run is waited for.
      else if (producer || !runner.optional.includes(kind)) {
        // The producer's own kind names it (a Code cell publishes a dataset too); with none, the usual producer.
        const producerKind = producer ? this.#cell(producer)?.kind : undefined;
        const title = producerKind ? CELL_KINDS[producerKind].title : PRODUCER_TITLES[kind];
        if (!producer) return { inputs: inputs as CellInputs, waiting: `Add a ${title} cell above this one.` };
        // A producer that itself waits passes its reason on (the user acts there, not on the cell above it).
        const upstream = derived.get(producer);
        const waiting = upstream?.status === 'waiting' && upstream.waiting ? `Waiting for the ${title} cell above: ${upstream.waiting}`
          : upstream?.status === 'error' ? `The ${title} cell above failed; fix it and run it again.`
          : upstream?.status === 'running' ? `Waiting for the ${title} cell above to finish.` : `Run the ${title} cell above.`;
        return { inputs: inputs as CellInputs, waiting };
      }
    }
    return { inputs: inputs as CellInputs, waiting: null };
  }

  /** The same artifact object while output and key stay the same (views compare by identity). */
  #publish(cell: Cell, runner: AnyCellRunner, output: unknown, inputs: CellInputs, key: string): ArtifactTypes[ArtifactKind] | null {
    if (!runner.publish) return null;
    const cached = this.#publishCache.get(cell.id);
    if (cached && cached.output === output && cached.key === key) return cached.artifact;
    const artifact = runner.publish(output, cell.spec, inputs, key);
    this.#publishCache.set(cell.id, { output, key, artifact });
    return artifact;
  }
}

/** Deleted cells whose output the runtime keeps for an undo. */
const REMOVED_KEPT = 20;

/** True when `cell` runs by itself (its runner says so, for this spec). */
function isAuto(cell: Cell): boolean {
  const { auto } = findRunner(cell.kind);
  return typeof auto === 'function' ? auto(cell.spec) : auto;
}

/** The cell kind that publishes each artifact, as a person would name it. */
const PRODUCER_TITLES: Record<ArtifactKind, string> = { dataset: 'Data', problem: 'Problem', split: 'Split', pipeline: 'Prepare', model: 'Train', version: 'Monitor' };

function isSavedOutput(value: unknown): value is SavedOutput {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<SavedOutput>;
  return typeof v.kind === 'string' && typeof v.outputVersion === 'number' && typeof v.inputKey === 'string' && 'output' in v;
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

function describeFailure(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
