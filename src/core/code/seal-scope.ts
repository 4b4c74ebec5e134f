// Switches off, in the thread about to run a Code cell's source, everything that reaches past the tab's data: the
// network (fetch, XMLHttpRequest, sockets, beacons), storage (IndexedDB, caches), other threads and tabs, Node's
// `process`, and making code from strings (eval, the Function constructors, string timers) — the last because the
// `import()` check in compile-source.ts reads only the cell's own source. Each is replaced on every object of the
// global's prototype chain that holds it, so no original stays reachable by walking prototypes.

import { createCodeCellError } from './map-error-line';

/** Callable globals replaced by a function that throws (so `typeof fetch` still reads "function"). */
const CALLABLE = ['fetch', 'XMLHttpRequest', 'WebSocket', 'WebSocketStream', 'EventSource', 'WebTransport', 'importScripts', 'BroadcastChannel', 'Worker', 'SharedWorker', 'RTCPeerConnection'];
/** Object globals replaced by a getter that throws. */
const OBJECTS = ['indexedDB', 'caches', 'process'];

const offline = (name: string) => `${name} is not available in a Code cell: the notebook runs offline and your data never leaves the tab.`;
const noStrings = (name: string) => `${name} is not available in a Code cell: write the code in the cell itself.`;

type Scope = Record<string, unknown>;

/**
 * Seals `scope` (the thread's global object); throws naming a global it could not replace (the code must then not
 * run). Call it after the source is compiled and before it runs: compiling needs the Function constructor.
 */
export function sealScope(scope: object): void {
  const global = scope as Scope;
  for (const name of CALLABLE) replaceEverywhere(global, name, { value: createBlockedFunction(offline(name)) });
  for (const name of OBJECTS) replaceEverywhere(global, name, { get: createThrower(offline(name)) });
  const navigator = global.navigator;
  if (typeof navigator === 'object' && navigator !== null) replaceEverywhere(navigator as Scope, 'sendBeacon', { value: createBlockedFunction(offline('navigator.sendBeacon')) });
  sealCodeFromStrings(global);
  for (const name of [...CALLABLE, ...OBJECTS]) if (!isSealed(global, name)) throw new Error(`The Code cell could not switch off "${name}" here, so the code was not run.`);
}

function sealCodeFromStrings(global: Scope): void {
  replaceEverywhere(global, 'eval', { value: createBlockedFunction(noStrings('eval')) });
  const makers = [Function, Object.getPrototypeOf(async function () {}).constructor, Object.getPrototypeOf(function* () {}).constructor, Object.getPrototypeOf(async function* () {}).constructor] as Function[];
  const blocked = new Proxy(Function, { apply: createThrower(noStrings('new Function')), construct: createThrower(noStrings('new Function')) });
  for (const maker of makers) Object.defineProperty(maker.prototype, 'constructor', { value: blocked, writable: false, configurable: false });
  replaceEverywhere(global, 'Function', { value: blocked });
  for (const name of ['setTimeout', 'setInterval']) {
    const timer = global[name];
    if (typeof timer !== 'function') continue;
    replaceEverywhere(global, name, {
      value: (handler: unknown, ...rest: unknown[]) => {
        if (typeof handler !== 'function') throw createCodeCellError(`${name} takes a function in a Code cell, not a string of code.`);
        return (timer as (...args: unknown[]) => unknown).call(global, handler, ...rest);
      },
    });
  }
}

/** Replaces `name` on `owner` and every prototype above it that has it as an own property. */
function replaceEverywhere(owner: Scope, name: string, descriptor: { value?: unknown; get?: () => never }): void {
  for (let target: object | null = owner; target !== null; target = Object.getPrototypeOf(target)) {
    if (!Object.hasOwn(target, name)) continue;
    const full = descriptor.get ? { get: descriptor.get, configurable: false } : { value: descriptor.value, writable: false, configurable: false };
    try {
      Object.defineProperty(target, name, full);
    } catch {
      (target as Scope)[name] = descriptor.value; // a non-configurable but writable property takes the value instead
    }
  }
}

/** True when `name` is absent or reading / calling it throws the Code cell's error. */
function isSealed(global: Scope, name: string): boolean {
  if (!(name in global)) return true;
  try {
    const value = global[name];
    return typeof value === 'function' && Object.hasOwn(value, BLOCKED);
  } catch (error) {
    return error instanceof Error && error.message === offline(name);
  }
}

const BLOCKED = Symbol('blocked by the Code cell');

function createBlockedFunction(message: string): () => never {
  const blocked = function () {
    throw createCodeCellError(message);
  };
  Object.defineProperty(blocked, BLOCKED, { value: true });
  return blocked;
}

function createThrower(message: string): () => never {
  return () => {
    throw createCodeCellError(message);
  };
}
