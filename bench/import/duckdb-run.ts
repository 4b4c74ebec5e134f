/// <reference types="vite/client" />
// Reference (c2): DuckDB-WASM reading the same File into a table. Its wasm and worker come from the package's
// dist/ folder through Vite `?url` imports (DuckDB's "manual bundles"), so nothing is fetched from a CDN. The
// page is not cross-origin isolated, so this is DuckDB's single-threaded "eh" build (exceptions in wasm; every
// Chromium the bench runs supports them) — its own worker, as `AsyncDuckDB` always runs in one.
import * as duckdb from '@duckdb/duckdb-wasm';
import ehModuleUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';

const FILE_NAME = 'bench-input.csv';

/** A started DuckDB (worker running, wasm instantiated): what is outside the timed run. */
export interface StartedDuckDb {
  /** Registers the File, runs `CREATE TABLE t AS SELECT * FROM read_csv_auto(...)` and counts the rows. */
  readCsv(file: File): Promise<{ rows: number; columns: number }>;
  close(): Promise<void>;
}

/** Starts DuckDB's worker and instantiates its wasm; rejects with DuckDB's message when it cannot run here. */
export async function startDuckDb(): Promise<StartedDuckDb> {
  const worker = new Worker(ehWorkerUrl);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  try {
    await db.instantiate(ehModuleUrl);
    // No extension downloads: the bench machine is offline, and read_csv is built in.
    await db.open({ query: { castBigIntToDouble: true } });
  } catch (error) {
    worker.terminate();
    throw error;
  }
  const connection = await db.connect();
  await connection.query('SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;');
  return {
    async readCsv(file) {
      await db.registerFileHandle(FILE_NAME, file, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true);
      await connection.query(`CREATE OR REPLACE TABLE t AS SELECT * FROM read_csv_auto('${FILE_NAME}')`);
      const counted = await connection.query('SELECT count(*) AS n FROM t');
      const described = await connection.query('DESCRIBE t');
      return { rows: Number(counted.getChildAt(0)?.get(0)), columns: described.numRows };
    },
    async close() {
      await connection.close();
      await db.terminate();
      worker.terminate();
    },
  };
}
