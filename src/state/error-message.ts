// Turns anything thrown into one sentence a person can act on.
// Only name/message survive a worker boundary, so this switches on `name`, never on classes.

const USER_FACING = new Set(['DataError', 'StorageError', 'PipelineError', 'ModelSpecError', 'TrainingError', 'ExportError', 'NotebookFormatError', 'RegistryError', 'WorkerError']);

/** The message to show for `error`: our own errors as they are, storage quota and unknown errors explained. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error) && !(typeof error === 'object' && error !== null && 'message' in error)) {
    return `Something went wrong: ${String(error)}. Try again, or reload the page.`;
  }
  const { name, message } = error as { name?: string; message: string };
  if (name && USER_FACING.has(name)) return message;
  if (name === 'QuotaExceededError') {
    return 'The browser refused to store more data (storage is full). Delete datasets you no longer need on the Home page and try again.';
  }
  return `Something went wrong: ${message || name || 'unknown error'}. Try again, or reload the page.`;
}
