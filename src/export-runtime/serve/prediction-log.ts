// The prediction log's writer: JSON lines appended to predictions-<start>-<n>.jsonl in the background (a response
// never waits for the disk), the next file started once one would pass maxBytes, flushed on shutdown. A failed write
// is reported and counted, never thrown: the service keeps answering without its log.

import { access, constants, mkdir, open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { OptionsError } from './read-serve-options';

export type LogLineType = 'prediction' | 'feedback';

export interface PredictionLogWriter {
  /** Queues one record as a line; returns at once. */
  append(type: LogLineType, record: Record<string, unknown>): void;
  /** Resolves once every queued line is written (or has failed). */
  flush(): Promise<void>;
  /** Flushes and closes the current file. */
  close(): Promise<void>;
}

export interface LogHooks {
  onWritten(type: LogLineType, count: number): void;
  /** A write failed (`message` names the file and the cause) or `dropped` lines were refused while the disk lagged. */
  onError(kind: 'write' | 'dropped', message: string | null, count: number): void;
}

/** Lines waiting for the disk beyond this many bytes are dropped (and counted) instead of growing the heap. */
const MAX_PENDING_BYTES = 64 * 1024 * 1024;

/** `predictions-20261207T101530123Z-00001.jsonl`: the service's start time, then the file's number. */
export function formatLogFileName(startMs: number, index: number): string {
  return `predictions-${new Date(startMs).toISOString().replace(/[-:.]/g, '')}-${String(index).padStart(5, '0')}.jsonl`;
}

/** Opens the log in `dir` (created when absent); an OptionsError when the folder cannot be written. */
export async function openPredictionLog(dir: string, maxBytes: number, hooks: LogHooks, startMs = Date.now()): Promise<PredictionLogWriter> {
  try {
    await mkdir(dir, { recursive: true });
    await access(dir, constants.W_OK);
  } catch (error) {
    throw new OptionsError(`--log-predictions "${dir}" cannot be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): give a folder this user can write.`);
  }
  let pending: { type: LogLineType; text: string }[] = [];
  let pendingBytes = 0;
  let running: Promise<void> | null = null;
  let file: { handle: FileHandle; path: string; bytes: number } | null = null;
  let index = 0;
  let closed = false;

  const openNext = async () => {
    await file?.handle.close().catch(() => undefined);
    const path = join(dir, formatLogFileName(startMs, ++index));
    file = { handle: await open(path, 'a'), path, bytes: 0 };
    return file;
  };
  const writeBatch = async (batch: { type: LogLineType; text: string }[]) => {
    let current = file ?? (await openNext());
    let chunk: typeof batch = [];
    let chunkBytes = 0;
    const writeChunk = async () => {
      if (chunk.length === 0) return;
      await current.handle.write(chunk.map((line) => line.text).join(''));
      current.bytes += chunkBytes;
      for (const type of ['prediction', 'feedback'] as const) {
        const count = chunk.filter((line) => line.type === type).length;
        if (count > 0) hooks.onWritten(type, count);
      }
      chunk = [];
      chunkBytes = 0;
    };
    for (const line of batch) {
      const bytes = Buffer.byteLength(line.text);
      if (current.bytes + chunkBytes + bytes > maxBytes && current.bytes + chunkBytes > 0) {
        await writeChunk();
        current = await openNext();
      }
      chunk.push(line);
      chunkBytes += bytes;
    }
    await writeChunk();
  };
  const drain = async () => {
    while (pending.length > 0) {
      const batch = pending;
      pending = [];
      pendingBytes = 0;
      try {
        await writeBatch(batch);
      } catch (error) {
        const failed = file as { handle: FileHandle; path: string } | null;
        hooks.onError('write', `prediction log: writing ${failed?.path ?? dir} failed (${(error as Error).message}); ${batch.length} line(s) lost, the next write starts a new file.`, 1);
        await failed?.handle.close().catch(() => undefined);
        file = null;
      }
    }
  };
  const kick = () => {
    running ??= drain().finally(() => {
      running = null;
      if (pending.length > 0) kick();
    });
  };
  const flush = async () => {
    while (running !== null) await running;
  };
  return {
    append(type, record) {
      const text = `${JSON.stringify(record)}\n`;
      if (closed || pendingBytes + text.length > MAX_PENDING_BYTES) {
        hooks.onError('dropped', null, 1);
        return;
      }
      pending.push({ type, text });
      pendingBytes += text.length;
      kick();
    },
    flush,
    async close() {
      closed = true;
      await flush();
      const last = file as { handle: FileHandle } | null;
      file = null;
      await last?.handle.close().catch(() => undefined);
    },
  };
}
