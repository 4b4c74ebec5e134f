// A returned or logged value as plain JSON data: typed arrays become arrays, Maps objects, Sets arrays, dates ISO
// text, big integers text; functions and symbols are left out (as JSON.stringify leaves them out). Throws a
// TypeError on a circular reference, as JSON.stringify does.

/** `value` made plain for JSON (undefined for a function or symbol at the top, as JSON.stringify gives). */
export function toPlainJson(value: unknown, seen: Set<object> = new Set()): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return String(value);
  if (typeof value !== 'object') return undefined; // undefined, function, symbol
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (ArrayBuffer.isView(value)) return value instanceof DataView ? null : Array.from(value as unknown as ArrayLike<number | bigint>, (item) => toPlainJson(item, seen));
  if (seen.has(value)) throw new TypeError('circular reference');
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => toPlainJson(item, seen) ?? null);
    if (value instanceof Set) return [...value].map((item) => toPlainJson(item, seen) ?? null);
    const entries = value instanceof Map ? [...value].map(([k, v]) => [String(k), v] as const) : Object.entries(value);
    const plain: Record<string, unknown> = {};
    for (const [key, item] of entries) {
      const converted = toPlainJson(item, seen);
      // defineProperty: a key such as "__proto__" stays a key
      if (converted !== undefined) Object.defineProperty(plain, key, { value: converted, enumerable: true, writable: true, configurable: true });
    }
    return plain;
  } finally {
    seen.delete(value);
  }
}
