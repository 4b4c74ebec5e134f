// Jupyter's command mode: with a cell itself focused (not a field inside it), single keys act on the cell. Pure:
// the page passes the key and the time of a pending first "D", and carries out the action this returns.

/** What a key does to the focused cell. */
export type CommandAction =
  | 'edit' // Enter: into the cell's first field
  | 'focus-previous' // ↑ or K
  | 'focus-next' // ↓ or J
  | 'move-up' // Alt+↑
  | 'move-down' // Alt+↓
  | 'insert-above' // A: the "Add cell" menu above
  | 'insert-below' // B: the menu below
  | 'delete' // D, D
  | 'toggle-collapse'; // O

/** The two presses of D D must come this close together. */
export const DOUBLE_PRESS_MS = 800;

export interface KeyPress {
  readonly key: string;
  readonly altKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
}

/**
 * The action of `press` in command mode (null: not a command key) and the new pending-D time: a first D
 * returns no action and `pendingD = nowMs`; a second within DOUBLE_PRESS_MS deletes; any other key clears it.
 */
export function readCommandKey(press: KeyPress, pendingD: number | null, nowMs: number): { action: CommandAction | null; pendingD: number | null } {
  if (press.ctrlKey || press.metaKey) return { action: null, pendingD: null };
  if (press.altKey) {
    if (press.key === 'ArrowUp') return { action: 'move-up', pendingD: null };
    if (press.key === 'ArrowDown') return { action: 'move-down', pendingD: null };
    return { action: null, pendingD: null };
  }
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  if (key === 'd' && !press.shiftKey) {
    if (pendingD !== null && nowMs - pendingD <= DOUBLE_PRESS_MS) return { action: 'delete', pendingD: null };
    return { action: null, pendingD: nowMs };
  }
  if (press.shiftKey && key !== 'Enter') return { action: null, pendingD: null };
  const action = SINGLE_KEYS.get(key) ?? null;
  return { action, pendingD: null };
}

const SINGLE_KEYS = new Map<string, CommandAction>([
  ['Enter', 'edit'],
  ['ArrowUp', 'focus-previous'],
  ['k', 'focus-previous'],
  ['ArrowDown', 'focus-next'],
  ['j', 'focus-next'],
  ['a', 'insert-above'],
  ['b', 'insert-below'],
  ['o', 'toggle-collapse'],
]);

/**
 * Where a cell dragged from `from` lands when dropped on the cell at `target` (before it, or after it when the
 * pointer is in its lower half), as its index after the move.
 */
export function findDropIndex(from: number, target: number, after: boolean): number {
  const insertAt = target + (after ? 1 : 0);
  return insertAt > from ? insertAt - 1 : insertAt;
}
