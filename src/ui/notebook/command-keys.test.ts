import { describe, expect, it } from 'vitest';
import { DOUBLE_PRESS_MS, findDropIndex, readCommandKey, type KeyPress } from './command-keys';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({ key, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...mods });

describe('readCommandKey', () => {
  it('maps Jupyter\'s command keys, upper or lower case', () => {
    const actions = ['Enter', 'ArrowUp', 'k', 'ArrowDown', 'J', 'a', 'B', 'o'].map((key) => readCommandKey(press(key), null, 0).action);
    expect(actions).toEqual(['edit', 'focus-previous', 'focus-previous', 'focus-next', 'focus-next', 'insert-above', 'insert-below', 'toggle-collapse']);
  });

  it('moves the cell with Alt+arrows and leaves Ctrl/⌘ combinations and other keys alone', () => {
    expect([readCommandKey(press('ArrowUp', { altKey: true }), null, 0).action, readCommandKey(press('ArrowDown', { altKey: true }), null, 0).action]).toEqual(['move-up', 'move-down']);
    expect([press('a', { ctrlKey: true }), press('z'), press('A', { shiftKey: true }), press('x', { altKey: true })].map((p) => readCommandKey(p, null, 0).action)).toEqual([null, null, null, null]);
  });

  it('deletes on D D within the double-press window only', () => {
    const first = readCommandKey(press('d'), null, 1000);
    expect(first).toEqual({ action: null, pendingD: 1000 });
    expect(readCommandKey(press('D'), first.pendingD, 1000 + DOUBLE_PRESS_MS).action).toBe('delete');
    expect(readCommandKey(press('d'), first.pendingD, 1001 + DOUBLE_PRESS_MS)).toEqual({ action: null, pendingD: 1001 + DOUBLE_PRESS_MS });
    // Another key between the two D's cancels the first.
    expect(readCommandKey(press('j'), first.pendingD, 1100).pendingD).toBeNull();
  });
});

describe('findDropIndex', () => {
  it('places a dragged cell before or after the one it is dropped on', () => {
    // cells a b c d; a dropped after c → b c a d (index 2); d dropped before b → a d b c (index 1).
    expect(findDropIndex(0, 2, true)).toBe(2);
    expect(findDropIndex(3, 1, false)).toBe(1);
    expect(findDropIndex(1, 1, false)).toBe(1);
    expect(findDropIndex(1, 1, true)).toBe(1);
    expect(findDropIndex(0, 3, true)).toBe(3);
  });
});
