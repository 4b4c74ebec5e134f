// serve.mjs: the bundle's model behind HTTP (Node's `http` only). POST /predict takes JSON { "rows": [...] } or
// text/csv; POST /feedback, GET /health, /metadata and /metrics (Prometheus). Flags or environment variables (see
// `node serve.mjs --help` and README.md); every request is one JSON line on stdout; SIGTERM / SIGINT let requests in
// flight finish, flush the prediction log and exit 0. A bad flag or bundle prints one sentence and exits 2.

import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeServeFlags } from './serve/serve-flags';
import { OptionsError, readServeOptions } from './serve/read-serve-options';
import { startService } from './serve/start-service';

function writeLine(record: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...record })}\n`);
}

/** stderr lines for problems that do not stop the service, at most one a second (a full disk must not flood it). */
function createWarn(): (message: string) => void {
  let lastMs = 0;
  let skipped = 0;
  return (message) => {
    const now = Date.now();
    if (now - lastMs < 1_000) {
      skipped++;
      return;
    }
    process.stderr.write(`serve.mjs: ${message}${skipped > 0 ? ` (${skipped} similar message(s) skipped)` : ''}\n`);
    lastMs = now;
    skipped = 0;
  };
}

async function main(): Promise<number | null> {
  const options = readServeOptions(process.argv.slice(2), process.env, dirname(fileURLToPath(import.meta.url)));
  if (options === 'help') {
    process.stdout.write(describeServeFlags());
    return 0;
  }
  const service = await startService(options, { writeLine, warn: createWarn() });
  const { main, canary, log } = service.context;
  writeLine({
    event: 'listening', port: service.port, task: main.predictor.task, modelVersion: main.version,
    ...(canary ? { [canary.role]: canary.model.version, ...(canary.role === 'canary' ? { canaryShare: options.canary?.share } : {}) } : {}),
    auth: options.token !== null, predictionLog: log !== null ? options.log?.dir : null,
  });
  const shutdown = (signal: string) => {
    writeLine({ event: 'shutdown', signal });
    setTimeout(() => process.exit(0), 5_000).unref();
    void service.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  return null;
}

main().then(
  (code) => {
    if (code !== null) process.exit(code);
  },
  (error: unknown) => {
    process.stderr.write(`serve.mjs: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(error instanceof OptionsError ? 2 : 1);
  },
);
