// One writer per notebook across tabs. The tab holding the Web Lock `ml-studio:notebook:<id>` saves; a tab that finds
// it held opens read-only. "Take over" asks the writer, on a BroadcastChannel of the same name, to save what it has
// and let go (it goes read-only itself); the asking tab then waits for the lock to be free and reloads as the writer.
// Where the browser has no Web Locks every tab writes, as before.

/** writer: this tab saves; reader: another tab holds the notebook; released: another tab took it over from this one. */
export type TabRole = 'writer' | 'reader' | 'released';

/** The part of `navigator.locks` used here. */
export interface LockManagerLike {
  request(name: string, options: { ifAvailable?: boolean; signal?: AbortSignal }, callback: (lock: unknown) => Promise<unknown> | unknown): Promise<unknown>;
}

/** The part of a BroadcastChannel used here. */
export interface ChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  close(): void;
}

export interface TabLockOptions {
  /** The lock's and channel's name (`lockNameOf(notebookId)`). */
  readonly name: string;
  /** Called before this tab lets the notebook go to a tab that takes over: stop runs, save pending edits. */
  readonly beforeRelease: () => Promise<void>;
  /** This tab's role changed after the claim (writer → released). */
  readonly onRoleChange: (role: TabRole) => void;
  /** Defaults: navigator.locks and BroadcastChannel, where the browser has them. */
  readonly locks?: LockManagerLike | null;
  readonly openChannel?: (name: string) => ChannelLike | null;
}

export interface TabLock {
  readonly role: TabRole;
  /** Asks the writer tab to let go and waits until the lock is free: true then (reload to become the writer), false after `timeoutMs`. */
  requestTakeOver(timeoutMs?: number): Promise<boolean>;
  /** Lets the lock go and stops listening (the notebook page closes). */
  release(): void;
}

type Message = { kind: 'take-over' } | { kind: 'released' } | { kind: 'who-holds' } | { kind: 'held' };

/** How long a live writer has to answer "who holds it?", and how long a lock with no live writer is waited for. */
const ANSWER_MS = 300;
const DYING_HOLDER_MS = 3000;

/** The lock (and channel) name of a notebook. */
export function lockNameOf(notebookId: string): string {
  return `ml-studio:notebook:${notebookId}`;
}

/** Claims the notebook for this tab: writer when no other tab holds it, else reader. */
export async function claimTabLock(options: TabLockOptions): Promise<TabLock> {
  const locks = options.locks === undefined ? readLockManager() : options.locks;
  if (!locks) return { role: 'writer', requestTakeOver: async () => true, release: () => undefined };
  const channel = (options.openChannel ?? openBroadcastChannel)(options.name);
  let letGo = () => {};
  const held = new Promise<void>((resolve) => (letGo = resolve));
  const take = (request: { ifAvailable?: boolean; signal?: AbortSignal }) => new Promise<boolean>((resolve) => {
    locks.request(options.name, request, async (lock) => {
      resolve(lock !== null);
      if (lock !== null) await held;
    }).catch(() => resolve(false));
  });
  const answers = new Set<(message: Message) => void>();
  channel?.addEventListener('message', (event: MessageEvent<Message>) => answers.forEach((listener) => listener(event.data)));
  let granted = await take({ ifAvailable: true });
  // Held, but by whom? A page being reloaded or closed still holds it for a moment and cannot answer: when no
  // writer answers, the lock is waited for a little before this tab settles for reading.
  if (!granted && channel && !(await hearAnswer(channel, answers, { kind: 'who-holds' }, 'held', ANSWER_MS))) {
    granted = await take({ signal: AbortSignal.timeout(DYING_HOLDER_MS) });
  }
  const state = { role: (granted ? 'writer' : 'reader') as TabRole };
  answers.add((message) => {
    if (message?.kind === 'who-holds' && state.role === 'writer') channel?.postMessage({ kind: 'held' } satisfies Message);
    if (message?.kind !== 'take-over' || state.role !== 'writer') return;
    void options.beforeRelease().finally(() => {
      state.role = 'released';
      letGo();
      options.onRoleChange('released');
      channel?.postMessage({ kind: 'released' } satisfies Message);
    });
  });
  return {
    get role() {
      return state.role;
    },
    async requestTakeOver(timeoutMs = 5000) {
      if (!channel) return false;
      const released = hearAnswer(channel, answers, { kind: 'take-over' }, 'released', timeoutMs);
      // A writer that closed meanwhile answers nothing, but its lock is free: that counts too.
      const free = waitUntilFree(locks, options.name);
      return Promise.race([released.then((ok) => ok && free), free]);
    },
    release() {
      letGo();
      channel?.close();
    },
  };
}

/** Posts `message` and resolves true when a `kind` answer comes within `timeoutMs`, else false. */
function hearAnswer(channel: ChannelLike, answers: Set<(message: Message) => void>, message: Message, kind: Message['kind'], timeoutMs: number): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const listener = (answer: Message) => {
      if (answer?.kind !== kind) return;
      done(true);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    const done = (heard: boolean) => {
      clearTimeout(timer);
      answers.delete(listener);
      resolve(heard);
    };
    answers.add(listener);
    channel.postMessage(message);
  });
}

/** Resolves true once the lock is free (taken and let go at once), which may be never while another tab holds it. */
function waitUntilFree(locks: LockManagerLike, name: string): Promise<boolean> {
  return locks.request(name, {}, () => true).then(() => true);
}

function readLockManager(): LockManagerLike | null {
  return (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks ?? null;
}

function openBroadcastChannel(name: string): ChannelLike | null {
  return typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : null;
}
