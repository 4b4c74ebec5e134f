// The messages between the import bench page and its two workers (plain data only).

/** Sent by the page: the file to parse; `verify` asks the importer worker to compare its import with a one-pass one. */
export interface ParseRequest {
  file: File;
  verify?: boolean;
}

/** Sent by a worker: ready at start-up, then exactly one of done/error per request. */
export type WorkerReply =
  | { kind: 'ready'; available: boolean; reason?: string }
  | { kind: 'done'; rows: number; result?: unknown; differences?: string[] }
  | { kind: 'error'; message: string };
