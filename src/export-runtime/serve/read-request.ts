// Request plumbing shared by the routes: the error a route answers with, the body read within its size limit, and
// the request id (the caller's x-request-id when it is usable, else a new UUID).

import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { ValidationReason } from './service-metrics';

/** An error answered with `status`, `headers` and a JSON body { error, ...details }; `reason` counts it as refused input. */
export class HttpError extends Error {
  constructor(readonly status: number, message: string, readonly details: Record<string, unknown> = {}, readonly reason: ValidationReason | null = null, readonly headers: Record<string, string> = {}) {
    super(message);
  }
}

/** The body as UTF-8 text; a 413 HttpError once it passes `limitBytes` (declared or received). */
export async function readBody(request: IncomingMessage, limitBytes: number): Promise<string> {
  const declared = Number(request.headers['content-length'] ?? NaN);
  if (declared > limitBytes) throw new HttpError(413, `The body is ${declared} bytes; the limit is ${limitBytes} (MAX_BODY_BYTES / --max-body-bytes).`, {}, 'too_large');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limitBytes) throw new HttpError(413, `The body is over the limit of ${limitBytes} bytes (MAX_BODY_BYTES / --max-body-bytes).`, {}, 'too_large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The body parsed as JSON; a 400 HttpError naming the parser's complaint. */
export function parseJsonBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HttpError(400, `The body is not valid JSON: ${(error as Error).message}.`, {}, 'bad_json');
  }
}

/** The media type of the request, lower case, without parameters ('' when absent). */
export function readContentType(request: IncomingMessage): string {
  return (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

/** The caller's x-request-id when it is 1–128 visible ASCII characters, else a new UUID. */
export function readRequestId(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  const id = Array.isArray(given) ? given[0] : given;
  return id !== undefined && /^[\x21-\x7e]{1,128}$/.test(id) ? id : randomUUID();
}
