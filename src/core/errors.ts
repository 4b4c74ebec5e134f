// Errors core throws: a stable `name` the UI switches on (only name/message/stack cross a worker)
// and a message a user can act on, naming the bad value.

export type StudioErrorName = 'DataError' | 'PipelineError' | 'ModelSpecError' | 'TrainingError' | 'ExportError' | 'StorageError' | 'NotebookFormatError' | 'WorkerError' | 'RegistryError' | 'TuneError';

export class StudioError extends Error {
  constructor(name: StudioErrorName, message: string) {
    super(message);
    this.name = name;
  }
}

/** Bad or unreadable input data: empty file, unbalanced quotes, unknown column… */
export class DataError extends StudioError {
  constructor(message: string) {
    super('DataError', message);
  }
}

/** Errors from the cancelled-work path: never shown to the user. */
export function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/** An AbortError, as DOM's AbortController would throw (DOMException is not in every runtime). */
export function createAbortError(message = 'The operation was cancelled.'): Error {
  const error = new Error(message);
  error.name = 'AbortError';
  return error;
}

/** A model cannot be trained as specified: unsupported task, NaN for a family without missing support, k > rows… */
export class ModelSpecError extends StudioError {
  constructor(message: string) {
    super('ModelSpecError', message);
  }
}

/** Training failed while running: the loss became NaN, the optimiser diverged… */
export class TrainingError extends StudioError {
  constructor(message: string) {
    super('TrainingError', message);
  }
}

/** A notebook file that cannot be read: not JSON, another format or version, or content that fails validation. */
export class NotebookFormatError extends StudioError {
  /** Every problem found, each naming its path and rule ("cells[3].spec.fractions.train must be between 0 and 1 (got 1.5)"). */
  readonly problems: readonly string[];

  constructor(message: string, problems: readonly string[] = [message]) {
    super('NotebookFormatError', message);
    this.problems = problems;
  }
}

/** A run cannot be exported or a bundle cannot be read: a step without a faithful form, a corrupt or foreign zip… */
export class ExportError extends StudioError {
  constructor(message: string) {
    super('ExportError', message);
  }
}

/** A model-registry change that is refused: a bad model name, a run no longer stored, a stage move the rules forbid… */
export class RegistryError extends StudioError {
  constructor(message: string) {
    super('RegistryError', message);
  }
}

/** A search cannot run as asked: an empty or contradictory range, a grid larger than the trial budget, a budget too small for one trial. */
export class TuneError extends StudioError {
  constructor(message: string) {
    super('TuneError', message);
  }
}
