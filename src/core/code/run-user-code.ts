// One run of a Code cell's source inside the thread that runs it (a dedicated worker in the browser, a worker
// thread headless): compile, seal the thread's global (seal-scope.ts), call the source with `input` and the captured
// console, then sort what it returned and type a returned table as an import would. Every failure is an outcome.

import { createCapturedConsole } from './capture-console';
import { createCodeInput } from './build-input';
import type { CodeInputTable, CodeOutcome, ConsoleLine } from './code-types';
import { compileSource } from './compile-source';
import { inferReturnedTable } from './infer-returned-table';
import { describeThrown } from './map-error-line';
import { normalizeReturn, ReturnError } from './normalize-return';
import { sealScope } from './seal-scope';

/** What to run: the cell's source and the table above (null: none). */
export interface UserCodeJob {
  readonly source: string;
  readonly input: CodeInputTable | null;
}

/** When the user's code starts (the time limit counts from here) and each console line it writes (the first 500). */
export interface UserCodeHooks {
  onStart(): void;
  onConsole(line: ConsoleLine): void;
}

/** Runs `job` in this thread, sealing `scope` (its global object) first; the thread is not fit for other work after. */
export async function runUserCode(job: UserCodeJob, scope: object, hooks: UserCodeHooks): Promise<{ outcome: CodeOutcome; consoleDropped: number }> {
  const compiled = compileSource(job.source);
  if (compiled.kind === 'error') return { outcome: { kind: 'error', error: compiled.error }, consoleDropped: 0 };
  const input = createCodeInput(job.input);
  const captured = createCapturedConsole(hooks.onConsole);
  sealScope(scope);
  // Code that writes to the global console (a callback, `globalThis.console`) lands in the cell's console too.
  try {
    Object.defineProperty(scope, 'console', { value: captured.console, writable: true, configurable: true });
  } catch {
    // a console that cannot be replaced keeps writing to the thread's own output
  }
  hooks.onStart();
  let returned: unknown;
  try {
    returned = await compiled.run(input, captured.console);
  } catch (thrown) {
    return { outcome: { kind: 'error', error: describeThrown(thrown, compiled.lineOffset, job.source.split('\n').length) }, consoleDropped: captured.countDropped() };
  }
  return { outcome: await readReturn(returned), consoleDropped: captured.countDropped() };
}

async function readReturn(returned: unknown): Promise<CodeOutcome> {
  try {
    const sorted = normalizeReturn(returned);
    return sorted.kind === 'table' ? await inferReturnedTable(sorted.columns, sorted.rowCount) : sorted;
  } catch (error) {
    const message = error instanceof ReturnError ? error.message : `What your code returned could not be read: ${error instanceof Error ? error.message : String(error)}`;
    return { kind: 'error', error: { reason: 'return', message, line: null } };
  }
}
