// serve.mjs: the bundle's model behind HTTP (Node's `http` only). POST /predict takes JSON { "rows": [...] } or
// text/csv; GET /health and GET /metadata. Settings come from the environment (see README.md); every request is one
// JSON log line on stdout; SIGTERM / SIGINT close the server and exit 0.

import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InvalidRowsError, loadBundle, readCsvText, toPrediction, type Predictor } from './predict';

interface Settings {
  port: number;
  maxBodyBytes: number;
  requestTimeoutMs: number;
  allowUnseen: boolean;
  folder: string;
}

/** An error answered with `status` and a JSON body { error, ...details }. */
class HttpError extends Error {
  constructor(readonly status: number, message: string, readonly details: Record<string, unknown> = {}) {
    super(message);
  }
}

function readSettings(env: NodeJS.ProcessEnv): Settings {
  const number = (name: string, fallback: number) => {
    const value = env[name] === undefined || env[name] === '' ? fallback : Number(env[name]);
    if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number ≥ 0, got "${env[name]}".`);
    return value;
  };
  return {
    port: number('PORT', 8080), maxBodyBytes: number('MAX_BODY_BYTES', 10 * 1024 * 1024), requestTimeoutMs: number('REQUEST_TIMEOUT_MS', 30_000),
    allowUnseen: env.ALLOW_UNSEEN === '1' || env.ALLOW_UNSEEN === 'true', folder: env.BUNDLE_DIR ?? dirname(fileURLToPath(import.meta.url)),
  };
}

function log(record: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...record })}\n`);
}

async function readBody(request: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(request.headers['content-length'] ?? NaN);
  if (declared > limit) throw new HttpError(413, `The body is ${declared} bytes; the limit is ${limit} (MAX_BODY_BYTES).`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new HttpError(413, `The body is over the limit of ${limit} bytes (MAX_BODY_BYTES).`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function handlePredict(request: IncomingMessage, predictor: Predictor, settings: Settings): Promise<{ body: unknown; rows: number }> {
  const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json' && type !== 'text/csv') throw new HttpError(415, `Send application/json ({"rows": [...]}) or text/csv, not "${type || 'no content type'}".`);
  const text = await readBody(request, settings.maxBodyBytes);
  try {
    if (type === 'text/csv') {
      const table = readCsvText(text);
      const scored = await predictor.predictTable(table);
      const failed = scored.report.typeChanges.filter((change) => change.failures > 0);
      if (failed.length > 0) throw new HttpError(422, `Values that cannot be read: ${failed.map((f) => `column "${f.column}": ${f.failures} value(s) are not ${f.expected}`).join('; ')}.`, { typeErrors: failed });
      if (!settings.allowUnseen && scored.report.unseenCategories.length > 0) {
        const unseen = scored.report.unseenCategories;
        throw new HttpError(422, `Categories never seen in training: ${unseen.map((u) => `"${u.column}": ${u.values.map((v) => JSON.stringify(v)).join(', ')}`).join('; ')}. Send known categories, or start the server with ALLOW_UNSEEN=1.`, { unseenCategories: unseen });
      }
      return { body: toPrediction(scored), rows: table.rowCount };
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new HttpError(400, `The body is not valid JSON: ${(error as Error).message}.`);
    }
    const rows = (parsed as { rows?: unknown } | null)?.rows;
    if (typeof parsed !== 'object' || parsed === null || !Array.isArray(rows)) throw new HttpError(400, 'Send a JSON object with "rows": an array of objects, one per row.');
    return { body: await predictor.predict(rows as Record<string, unknown>[], { allowUnseen: settings.allowUnseen }), rows: rows.length };
  } catch (error) {
    if (error instanceof InvalidRowsError) {
      throw new HttpError(422, error.message, { problems: error.problems, missingColumns: error.missingColumns, unseenCategories: error.unseenCategories });
    }
    if (error instanceof Error && error.name === 'DataError') throw new HttpError(400, error.message);
    throw error;
  }
}

async function main(): Promise<void> {
  const settings = readSettings(process.env);
  const predictor = await loadBundle(settings.folder);
  const read = (name: string) => readFile(`${settings.folder}/${name}`, 'utf8');
  const metadata = { manifest: JSON.parse(await read('manifest.json').catch(() => 'null')), schema: predictor.schema, metrics: JSON.parse(await read('metrics.json').catch(() => 'null')), modelCard: await read('model-card.md').catch(() => null) };
  const send = (response: ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    response.end(JSON.stringify(body));
  };
  const server = createServer((request, response) => {
    const started = performance.now();
    const path = (request.url ?? '/').split('?')[0];
    let rows = 0;
    const route = async (): Promise<[number, unknown]> => {
      if (request.method === 'GET' && path === '/health') return [200, { status: 'ok', task: predictor.task }];
      if (request.method === 'GET' && path === '/metadata') return [200, metadata];
      if (request.method === 'POST' && path === '/predict') {
        const result = await handlePredict(request, predictor, settings);
        rows = result.rows;
        return [200, result.body];
      }
      throw new HttpError(404, `No route ${request.method ?? ''} ${path}; use GET /health, GET /metadata or POST /predict.`);
    };
    route()
      .catch((error: unknown): [number, unknown] => {
        if (error instanceof HttpError) return [error.status, { error: error.message, ...error.details }];
        return [500, { error: `Scoring failed: ${error instanceof Error ? error.message : String(error)}` }];
      })
      .then(([status, body]) => {
        if (status === 413) response.setHeader('connection', 'close');
        send(response, status, body);
        log({ method: request.method, path, status, rows, durationMs: Math.round(performance.now() - started) });
      });
  });
  server.requestTimeout = settings.requestTimeoutMs;
  server.headersTimeout = Math.min(settings.requestTimeoutMs, 60_000);
  server.listen(settings.port, () => {
    const address = server.address();
    log({ event: 'listening', port: typeof address === 'object' && address ? address.port : settings.port, task: predictor.task });
  });
  const shutdown = (signal: string) => {
    log({ event: 'shutdown', signal });
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`serve.mjs: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
