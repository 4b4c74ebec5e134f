// The service's routes: token checks, dispatch, the JSON or text answer with x-request-id (and x-model-version on
// /predict), then the request counted in the metrics and logged as one JSON line on stdout. A route's failure is an
// answer (4xx for the caller's mistakes, 500 otherwise), never an exception that reaches the server.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { describeChallenge, type TokenRefusal } from './check-bearer-token';
import { handleFeedback } from './handle-feedback';
import { handlePredict } from './handle-predict';
import { HttpError, readRequestId } from './read-request';
import type { ServiceContext } from './service-context';

interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** The version that answered (the main one when nothing was scored). */
  version?: string;
  rows?: number;
}

/** The server's request listener; `writeLine` receives each request's log record. */
export function createRequestHandler(context: ServiceContext, writeLine: (record: Record<string, unknown>) => void): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    const started = performance.now();
    const path = (request.url ?? '/').split('?')[0];
    const requestId = readRequestId(request);
    route(request, path, requestId, context)
      .catch((error: unknown): Answer => {
        if (error instanceof HttpError) {
          if (error.reason !== null) context.metrics.recordValidationFailure(error.reason);
          return { status: error.status, body: { error: error.message, ...error.details, requestId }, headers: { ...error.headers, ...(error.status === 413 ? { connection: 'close' } : {}) } };
        }
        context.warn(`request ${requestId} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return { status: 500, body: { error: `Scoring failed: ${error instanceof Error ? error.message : String(error)}`, requestId } };
      })
      .then((answer) => {
        const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
        const type = typeof answer.body === 'string' ? 'text/plain; version=0.0.4; charset=utf-8' : 'application/json; charset=utf-8';
        response.writeHead(answer.status, { 'content-type': type, 'x-request-id': requestId, ...answer.headers });
        response.end(text);
        const durationMs = performance.now() - started;
        const version = answer.version ?? context.main.version;
        context.metrics.recordRequest(path, answer.status, version, durationMs / 1000);
        writeLine({ method: request.method, path, status: answer.status, rows: answer.rows ?? 0, durationMs: Math.round(durationMs), requestId, modelVersion: version });
      })
      .catch((error: unknown) => context.warn(`request ${requestId}: the answer could not be written (${String(error)})`));
  };
}

async function route(request: IncomingMessage, path: string, requestId: string, context: ServiceContext): Promise<Answer> {
  const method = request.method ?? '';
  if (method === 'GET' && path === '/health') return { status: 200, body: { status: 'ok', task: context.main.predictor.task } };
  if (method === 'GET' && path === '/metrics') {
    requireToken(context.checkMetricsToken, request);
    return { status: 200, body: context.metrics.render() };
  }
  if (method === 'GET' && path === '/metadata') {
    requireToken(context.checkToken, request);
    return { status: 200, body: describeMetadata(context) };
  }
  if (method === 'POST' && path === '/predict') {
    requireToken(context.checkToken, request);
    const answer = await handlePredict(request, requestId, context);
    return { status: 200, body: answer.body, headers: { 'x-model-version': answer.version }, version: answer.version, rows: answer.rows };
  }
  if (method === 'POST' && path === '/feedback') {
    requireToken(context.checkToken, request);
    return { status: 202, body: await handleFeedback(request, context) };
  }
  throw new HttpError(404, `No route ${method} ${path}; use POST /predict, POST /feedback, GET /health, GET /metadata or GET /metrics.`);
}

/** A 401 with the Bearer challenge (counted as an "auth" validation failure) unless the request carries the token. */
function requireToken(check: ((authorization: string | undefined) => TokenRefusal | null) | null, request: IncomingMessage): void {
  const refusal = check?.(request.headers.authorization) ?? null;
  if (refusal === null) return;
  const message = refusal === 'missing' ? 'This server needs a token: send "Authorization: Bearer <token>".' : 'The bearer token is not the one this server was started with.';
  throw new HttpError(401, message, {}, 'auth', { 'www-authenticate': describeChallenge(refusal) });
}

function describeMetadata(context: ServiceContext): Record<string, unknown> {
  const versions = [{ version: context.main.version, role: 'main' }, ...(context.canary ? [{ version: context.canary.model.version, role: context.canary.role, ...(context.canary.role === 'canary' ? { share: context.options.canary?.share } : {}) }] : [])];
  return { ...context.main.metadata, modelVersion: context.main.version, versions };
}
