/// <reference types="vite/client" />
// Studio importer (b): the compute worker's `importFile` (src/workers/compute-api.ts: a large CSV is read in
// ranges on nested workers) run in a worker, the Table sent back with its typed arrays transferred, as the
// product does. Loaded through a glob so the bench builds before it exists.
import type { ParseRequest, WorkerReply } from './messages';
import { collectTransferables } from '../../src/core/table/table-buffers';
import type { Table } from '../../src/core/table/types';

interface ImporterModule {
  computeApi: { importFile(file: Blob, fileName: string, options: never): Promise<{ table: BenchTable }> };
}
interface BenchTable {
  rowCount: number;
  columns: { kind: string; values?: unknown; codes?: Int32Array }[];
}
interface NotebookTypesModule {
  DEFAULT_IMPORT_OPTIONS: unknown;
}

const importers = import.meta.glob<ImporterModule>('../../src/workers/compute-api.ts');
const onePass = import.meta.glob<{ importFile: ImporterModule['computeApi']['importFile'] }>('../../src/core/ingest/import-file.ts');
const notebookTypes = import.meta.glob<NotebookTypesModule>('../../src/core/notebook/types.ts');

function reply(message: WorkerReply, transfer: Transferable[] = []): void {
  postMessage(message, { transfer });
}

/** Loads the importer before saying ready, so module loading is not part of the timed run. */
async function loadImporter(): Promise<{ importFile: ImporterModule['computeApi']['importFile']; options: unknown }> {
  const loadFile = Object.values(importers)[0];
  const loadTypes = Object.values(notebookTypes)[0];
  if (!loadFile || !loadTypes) throw new Error('src/workers/compute-api.ts is not there yet');
  const [{ computeApi }, { DEFAULT_IMPORT_OPTIONS }] = await Promise.all([loadFile(), loadTypes()]);
  return { importFile: computeApi.importFile, options: DEFAULT_IMPORT_OPTIONS };
}

async function start(): Promise<void> {
  let importer: Awaited<ReturnType<typeof loadImporter>>;
  try {
    importer = await loadImporter();
  } catch (error) {
    reply({ kind: 'ready', available: false, reason: describeError(error) });
    return;
  }
  onmessage = async (event: MessageEvent<ParseRequest>) => {
    try {
      const { file, verify } = event.data;
      const result = await importer.importFile(file, file.name, importer.options as never);
      if (verify) {
        // The range import (workers) against core importFile in this thread: every value, not only the row count.
        const { importFile } = await Object.values(onePass)[0]();
        const whole = await importFile(file, file.name, importer.options as never);
        const differences = listDifferences({ ...result, durationMs: 0 }, { ...whole, durationMs: 0 }, 'result');
        reply({ kind: 'done', rows: result.table.rowCount, differences });
        return;
      }
      reply({ kind: 'done', rows: result.table.rowCount, result }, collectTransferables(result.table as unknown as Table));
    } catch (error) {
      reply({ kind: 'error', message: describeError(error) });
    }
  };
  reply({ kind: 'ready', available: true });
}

/** Paths where `a` and `b` differ (typed arrays element by element; first 10). */
function listDifferences(a: unknown, b: unknown, path: string, out: string[] = []): string[] {
  if (out.length >= 10 || Object.is(a, b)) return out;
  if (ArrayBuffer.isView(a) && ArrayBuffer.isView(b)) {
    const [x, y] = [a as unknown as ArrayLike<number>, b as unknown as ArrayLike<number>];
    if (a.constructor !== b.constructor || x.length !== y.length) out.push(`${path}: ${a.constructor.name}(${x.length}) vs ${b.constructor.name}(${y.length})`);
    else for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) return out.push(`${path}[${i}]: ${x[i]} vs ${y[i]}`), out;
    return out;
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return out.push(`${path}: ${String(a)} vs ${String(b)}`), out;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) listDifferences((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`, out);
  return out;
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

void start();
