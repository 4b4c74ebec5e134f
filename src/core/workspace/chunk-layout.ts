// One dataset's column chunks as one binary file, every number little-endian:
//   "MLSC" · layout version u32 (1) · chunk count u32
//   per chunk: column index u32 · chunk index u32 · kind u8 (1 Float64, 2 Int32, 3 Uint8, 4 text) · 3 zero bytes ·
//   rows u32 · text only: UTF-8 byte count u32 · then the values: typed kinds their raw element bytes (NaN
//   payloads, -0 and the missing codes kept bit for bit); text its offsets (rows + 1 × u32, from 0), missing flags
//   (rows × u8), then the UTF-8 bytes. No padding: the reader copies each array onto its own buffer anyway.

import { StudioError } from '../errors';
import type { WorkspaceChunk, WorkspaceChunkValues } from './workspace-format';

const MAGIC = 0x43534c4d; // "MLSC" read as a little-endian u32
const LAYOUT_VERSION = 1;
const KINDS = [null, Float64Array, Int32Array, Uint8Array] as const;
type TextValues = { bytes: Uint8Array; offsets: Uint32Array; missing: Uint8Array };

/** The chunks of one dataset (any order) in the layout above. */
export function writeChunkFile(chunks: readonly WorkspaceChunk[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const header = new DataView(new ArrayBuffer(12));
  header.setUint32(0, MAGIC, true);
  header.setUint32(4, LAYOUT_VERSION, true);
  header.setUint32(8, chunks.length, true);
  parts.push(new Uint8Array(header.buffer));
  for (const chunk of chunks) parts.push(...writeChunk(chunk));
  const file = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    file.set(part, at);
    at += part.length;
  }
  return file;
}

function writeChunk({ columnIndex, chunkIndex, values }: WorkspaceChunk): Uint8Array[] {
  const text = isText(values);
  const head = new DataView(new ArrayBuffer(text ? 20 : 16));
  head.setUint32(0, columnIndex, true);
  head.setUint32(4, chunkIndex, true);
  head.setUint8(8, text ? 4 : KINDS.indexOf(values.constructor as (typeof KINDS)[number]));
  if (!text && head.getUint8(8) < 1) throw new StudioError('StorageError', `A stored chunk holds a ${values.constructor.name}; only Float64, Int32, Uint8 and text chunks can be exported.`);
  head.setUint32(12, text ? values.missing.length : values.length, true);
  const body = text ? [asBytes(values.offsets), values.missing, values.bytes] : [asBytes(values)];
  if (text) head.setUint32(16, values.bytes.length, true);
  return [new Uint8Array(head.buffer), ...body];
}

/** The chunks of a file written by writeChunkFile, each owning its buffer; StorageError naming `path` when damaged. */
export function readChunkFile(file: Uint8Array, datasetId: string, path: string): WorkspaceChunk[] {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const fail = (what: string) => new StudioError('StorageError', `"${path}" in the workspace file is damaged (${what}). Export the workspace again.`);
  if (file.length < 12 || view.getUint32(0, true) !== MAGIC) throw fail('it does not start with MLSC');
  if (view.getUint32(4, true) !== LAYOUT_VERSION) throw fail(`chunk layout ${view.getUint32(4, true)}, this ML Studio reads ${LAYOUT_VERSION}`);
  const count = view.getUint32(8, true);
  const chunks: WorkspaceChunk[] = [];
  let at = 12;
  const take = (length: number): Uint8Array => {
    if (at + length > file.length) throw fail(`chunk ${chunks.length + 1} of ${count} runs past the end`);
    const bytes = file.slice(at, at + length);
    at += length;
    return bytes;
  };
  for (let i = 0; i < count; i++) {
    const head = new DataView(take(16).buffer);
    const kind = head.getUint8(8);
    const rows = head.getUint32(12, true);
    let values: WorkspaceChunkValues;
    if (kind === 4) {
      const byteCount = new DataView(take(4).buffer).getUint32(0, true);
      const offsets = new Uint32Array(take((rows + 1) * 4).buffer);
      values = { offsets, missing: take(rows), bytes: take(byteCount) };
      if (offsets[0] !== 0 || offsets[rows] !== byteCount || offsets.some((o, k) => k > 0 && o < offsets[k - 1])) throw fail(`text chunk ${i + 1} has offsets out of order`);
    } else {
      const type = KINDS[kind] as { BYTES_PER_ELEMENT: number; new (buffer: ArrayBuffer): Float64Array | Int32Array | Uint8Array } | null | undefined;
      if (!type) throw fail(`chunk ${i + 1} has the unknown kind ${kind}`);
      values = new type(take(rows * type.BYTES_PER_ELEMENT).buffer as ArrayBuffer);
    }
    chunks.push({ datasetId, columnIndex: head.getUint32(0, true), chunkIndex: head.getUint32(4, true), values });
  }
  if (at !== file.length) throw fail(`${file.length - at} bytes follow the last chunk`);
  return chunks;
}

function isText(values: WorkspaceChunkValues): values is TextValues {
  return !ArrayBuffer.isView(values);
}

function asBytes(values: Float64Array | Int32Array | Uint8Array | Uint32Array): Uint8Array {
  return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
}
