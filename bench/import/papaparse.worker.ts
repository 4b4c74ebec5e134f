// Baseline (a): plain papaparse over the File inside a worker, chunked, strings only (no typing, no table).
import Papa from 'papaparse';
import type { ParseRequest, WorkerReply } from './messages';

function reply(message: WorkerReply): void {
  postMessage(message);
}

onmessage = (event: MessageEvent<ParseRequest>) => {
  let rows = 0;
  Papa.parse<string[]>(event.data.file, {
    skipEmptyLines: true,
    chunk: (results) => {
      rows += results.data.length;
    },
    complete: () => reply({ kind: 'done', rows: rows - 1 }), // minus the header line
    error: (error) => reply({ kind: 'error', message: String(error) }),
  });
};

reply({ kind: 'ready', available: true });
