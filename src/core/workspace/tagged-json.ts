// What JSON cannot say, said losslessly: stored records hold typed arrays, Blobs (a Predict cell's CSV, an Export
// cell's zip), Maps, Sets, Dates, NaN, ±Infinity, -0 and undefined. Each becomes an object tagged `$t`; a plain object
// that has its own `$t` key is wrapped (`{ $t: 'object' }`), so decoding never mistakes data for a tag.

import { StudioError } from '../errors';
import { decodeBase64, encodeBase64 } from './base64';
import type { CreateBlob } from './workspace-format';

type TypedArrayName = 'Float64Array' | 'Float32Array' | 'Int32Array' | 'Uint32Array' | 'Int16Array' | 'Uint16Array' | 'Int8Array' | 'Uint8Array' | 'Uint8ClampedArray' | 'BigInt64Array' | 'BigUint64Array';
type TypedArray = Float64Array | Float32Array | Int32Array | Uint32Array | Int16Array | Uint16Array | Int8Array | Uint8Array | Uint8ClampedArray | BigInt64Array | BigUint64Array;
const TYPED: { readonly [K in TypedArrayName]: { BYTES_PER_ELEMENT: number; new (buffer: ArrayBuffer): TypedArray } } = {
  Float64Array, Float32Array, Int32Array, Uint32Array, Int16Array, Uint16Array, Int8Array, Uint8Array, Uint8ClampedArray, BigInt64Array, BigUint64Array,
};

/** A Blob as core sees one (structurally: core has no Blob class). */
interface BlobLike { readonly size: number; readonly type: string; arrayBuffer(): Promise<ArrayBuffer> }

function isBlobLike(value: object): value is BlobLike {
  const v = value as Partial<BlobLike>;
  return typeof v.arrayBuffer === 'function' && typeof v.size === 'number' && typeof v.type === 'string';
}

/** The bytes of every Blob inside `values`, read ahead because encoding is synchronous. */
export async function readBlobBytes(values: readonly unknown[]): Promise<Map<object, Uint8Array>> {
  const found: BlobLike[] = [];
  const seen = new Set<object>();
  const visit = (value: unknown): void => {
    if (typeof value !== 'object' || value === null || seen.has(value) || ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return;
    seen.add(value);
    if (isBlobLike(value)) found.push(value);
    else if (value instanceof Map) for (const [k, v] of value) { visit(k); visit(v); }
    else if (value instanceof Set) for (const v of value) visit(v);
    else for (const v of Object.values(value)) visit(v);
  };
  values.forEach(visit);
  return new Map(await Promise.all(found.map(async (blob) => [blob, new Uint8Array(await blob.arrayBuffer())] as const)));
}

/** `value` as JSON-ready data; Blobs must be in `blobBytes` (readBlobBytes). */
export function encodeTagged(value: unknown, blobBytes: ReadonlyMap<object, Uint8Array>): unknown {
  switch (typeof value) {
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0) ? value : { $t: 'number', v: Object.is(value, -0) ? '-0' : String(value) };
    case 'undefined':
      return { $t: 'undefined' };
    case 'bigint':
      return { $t: 'bigint', v: value.toString() };
    case 'object':
      return value === null ? null : encodeObject(value, blobBytes);
    case 'function':
    case 'symbol':
      throw new StudioError('StorageError', `A stored record holds a ${typeof value}, which cannot be written to a workspace file; this is a bug, please report it.`);
    default:
      return value;
  }
}

function encodeObject(value: object, blobBytes: ReadonlyMap<object, Uint8Array>): unknown {
  const encode = (v: unknown) => encodeTagged(v, blobBytes);
  if (Array.isArray(value)) return Array.from(value, encode);
  if (value instanceof ArrayBuffer) return { $t: 'ArrayBuffer', v: encodeBase64(new Uint8Array(value)) };
  if (ArrayBuffer.isView(value)) {
    const name = value.constructor.name;
    if (!Object.hasOwn(TYPED, name)) throw new StudioError('StorageError', `A stored record holds a ${name}, which a workspace file cannot keep; this is a bug, please report it.`);
    return { $t: name, v: encodeBase64(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)) };
  }
  if (value instanceof Map) return { $t: 'Map', v: Array.from(value, ([k, v]) => [encode(k), encode(v)]) };
  if (value instanceof Set) return { $t: 'Set', v: Array.from(value, encode) };
  if (value instanceof Date) return { $t: 'Date', v: encode(value.getTime()) };
  if (value instanceof Error) return { $t: 'Error', name: value.name, message: value.message };
  const bytes = blobBytes.get(value);
  if (bytes) return { $t: 'Blob', type: (value as BlobLike).type, v: encodeBase64(bytes) };
  const entries: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) Object.defineProperty(entries, k, { value: encode(v), enumerable: true, writable: true, configurable: true });
  return Object.hasOwn(value, '$t') ? { $t: 'object', v: entries } : entries;
}

/** Deepest nesting decoded: stored records are shallow (trees are flat arrays), and recursion past this overflowed the stack. */
export const MAX_TAGGED_DEPTH = 1000;

/** The value `encodeTagged` made `data` from; `path` names the file for the error a bad tag raises. */
export function decodeTagged(data: unknown, createBlob: CreateBlob, path: string, depth = 0): unknown {
  if (typeof data !== 'object' || data === null) return data;
  if (depth > MAX_TAGGED_DEPTH) throw badTag(path, `values nested more than ${MAX_TAGGED_DEPTH} levels deep`);
  const decode = (v: unknown) => decodeTagged(v, createBlob, path, depth + 1);
  if (Array.isArray(data)) return data.map(decode);
  const record = data as Record<string, unknown>;
  if (!Object.hasOwn(record, '$t')) return decodeEntries(record, decode);
  const { $t: tag, v } = record;
  switch (tag) {
    case 'object': return decodeEntries(requireShape(v, isPlainRecord, path, 'an "object" tag without an object'), decode);
    case 'number': return v === '-0' ? -0 : Number(requireShape(v, (x): x is string => typeof x === 'string', path, 'a "number" tag without its text'));
    case 'undefined': return undefined;
    case 'bigint': return BigInt(requireShape(v, (x): x is string => typeof x === 'string' && /^-?\d{1,4000}$/.test(x), path, `a "bigint" tag whose value ${describeTagValue(v)} is not a whole number`));
    case 'Map': return new Map(requireShape(v, isPairList, path, 'a "Map" tag without a list of [key, value] pairs').map(([key, value]) => [decode(key), decode(value)]));
    case 'Set': return new Set(requireShape(v, Array.isArray, path, 'a "Set" tag without a list').map(decode));
    case 'Date': return new Date(decode(v) as number);
    case 'Error': return Object.assign(new Error(String(record.message)), { name: String(record.name) });
    case 'ArrayBuffer': return readBytes(v, path, tag).slice().buffer;
    case 'Blob': return createBlob(readBytes(v, path, tag), String(record.type));
    default: {
      if (typeof tag !== 'string' || !Object.hasOwn(TYPED, tag)) throw badTag(path, `the unknown tag ${JSON.stringify(tag)}`);
      const type = TYPED[tag as TypedArrayName];
      const bytes = readBytes(v, path, tag);
      if (bytes.length % type.BYTES_PER_ELEMENT !== 0) throw badTag(path, `a ${tag} of ${bytes.length} bytes`);
      return new type(bytes.slice().buffer);
    }
  }
}

/** `v` when `test` says it has the shape a tag needs, else the StorageError naming the bad tag. */
function requireShape<T>(v: unknown, test: (v: unknown) => v is T, path: string, what: string): T {
  if (!test(v)) throw badTag(path, what);
  return v;
}

function isPlainRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isPairList(v: unknown): v is [unknown, unknown][] {
  return Array.isArray(v) && v.every((pair) => Array.isArray(pair) && pair.length === 2);
}

function describeTagValue(v: unknown): string {
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function decodeEntries(record: Record<string, unknown>, decode: (v: unknown) => unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  // defineProperty keeps a "__proto__" key as data, as structured clone does.
  for (const [k, v] of Object.entries(record)) Object.defineProperty(out, k, { value: decode(v), enumerable: true, writable: true, configurable: true });
  return out;
}

function readBytes(v: unknown, path: string, tag: string): Uint8Array {
  const bytes = typeof v === 'string' ? decodeBase64(v) : null;
  if (!bytes) throw badTag(path, `a ${tag} whose bytes are not base64`);
  return bytes;
}

function badTag(path: string, what: string): StudioError {
  return new StudioError('StorageError', `"${path}" in the workspace file holds ${what}; the file is damaged. Export the workspace again.`);
}
