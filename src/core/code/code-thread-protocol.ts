// The messages between the side that starts a Code cell's thread and the thread (both sides, browser and Node):
// one run message in; started, console lines and done out. Each carries the run's random token, which the user's
// code never sees, so a message the code posts itself is ignored.

import { collectTransferables } from '../table/table-buffers';
import type { CodeInputTable, CodeOutcome, ConsoleLine } from './code-types';
import { runUserCode } from './run-user-code';

/** The one message a Code cell's thread gets. */
export interface CodeRunMessage {
  readonly type: 'run';
  readonly token: string;
  readonly source: string;
  readonly input: CodeInputTable | null;
}

/** What the thread says: the user's code started, wrote a console line, or finished (with its outcome). */
export type CodeThreadMessage =
  | { readonly token: string; readonly type: 'started' }
  | { readonly token: string; readonly type: 'console'; readonly line: ConsoleLine }
  | { readonly token: string; readonly type: 'done'; readonly outcome: CodeOutcome; readonly consoleDropped: number };

/** The thread's side: runs the run message `data` against `scope` (the thread's global) and posts back through `post`. */
export async function serveCodeRun(data: unknown, scope: object, post: (message: CodeThreadMessage, transfer: ArrayBuffer[]) => void): Promise<void> {
  if (!isRunMessage(data)) return;
  const { token } = data;
  try {
    const { outcome, consoleDropped } = await runUserCode(data, scope, {
      onStart: () => post({ token, type: 'started' }, []),
      onConsole: (line) => post({ token, type: 'console', line }, []),
    });
    post({ token, type: 'done', outcome, consoleDropped }, outcome.kind === 'table' ? collectTransferables(outcome.table) : []);
  } catch (error) {
    const message = `The Code cell's thread failed: ${error instanceof Error ? error.message : String(error)}`;
    post({ token, type: 'done', outcome: { kind: 'error', error: { reason: 'crashed', message, line: null } }, consoleDropped: 0 }, []);
  }
}

function isRunMessage(data: unknown): data is CodeRunMessage {
  const message = data as Partial<CodeRunMessage> | null;
  return typeof message === 'object' && message !== null && message.type === 'run' && typeof message.token === 'string' && typeof message.source === 'string';
}
