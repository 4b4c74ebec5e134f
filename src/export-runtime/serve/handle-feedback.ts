// POST /feedback: true labels recorded against earlier request ids, one feedback line per request in the prediction
// log ({ requestId, labels }: labels in the request's row order, null where unknown). Needs --log-predictions.

import type { IncomingMessage } from 'node:http';
import type { ServiceContext } from './service-context';
import { HttpError, parseJsonBody, readBody, readContentType } from './read-request';

type Label = string | number | boolean | null;

/** Records one { requestId, labels } object or an array of them; answers how many were recorded. */
export async function handleFeedback(request: IncomingMessage, context: ServiceContext): Promise<{ recorded: number }> {
  if (context.log === null) throw new HttpError(404, 'Feedback is recorded in the prediction log, which is off: start the server with --log-predictions DIR (SERVE_LOG_PREDICTIONS).');
  if (readContentType(request) !== 'application/json') throw new HttpError(415, 'Send application/json: { "requestId": "…", "labels": [ … ] } or an array of such objects.', {}, 'content_type');
  const parsed = parseJsonBody(await readBody(request, context.options.maxBodyBytes));
  const items = Array.isArray(parsed) ? parsed : [parsed];
  const records = items.map((item, i) => readFeedbackItem(item, Array.isArray(parsed) ? `item ${i + 1}` : 'the body'));
  const time = new Date().toISOString();
  for (const { requestId, labels } of records) context.log.append('feedback', { type: 'feedback', time, requestId, labels });
  return { recorded: records.length };
}

function readFeedbackItem(item: unknown, where: string): { requestId: string; labels: Label[] } {
  const { requestId, labels } = (typeof item === 'object' && item !== null ? item : {}) as { requestId?: unknown; labels?: unknown };
  if (typeof requestId !== 'string' || !/^[\x21-\x7e]{1,128}$/.test(requestId)) {
    throw new HttpError(400, `${where} needs "requestId": the id a /predict answer carried (its "requestId" field or x-request-id header).`, {}, 'bad_shape');
  }
  if (!Array.isArray(labels) || labels.some((label) => label !== null && !['string', 'number', 'boolean'].includes(typeof label))) {
    throw new HttpError(400, `${where} needs "labels": an array with one true label per row of request ${requestId} (a string, number, or null when unknown).`, {}, 'bad_shape');
  }
  return { requestId, labels: labels as Label[] };
}
