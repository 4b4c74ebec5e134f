// Turns valibot's issues into the sentences a notebook file's problems are reported in: the path in the
// file, the rule and the value found — `cells[3].spec.fractions.train must be between 0 and 1 (got 1.5)`.

import type * as v from 'valibot';

/** Path keys from the document root: property names and array indices. */
export type PathKey = string | number;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `["cells", 3, "spec", "Beak (mm)"]` as `cells[3].spec["Beak (mm)"]`; a leading `notebook` key is left out (cells are what people look for). */
export function formatPath(keys: readonly PathKey[]): string {
  const shown = keys[0] === 'notebook' && keys.length > 1 ? keys.slice(1) : keys;
  let path = '';
  for (const key of shown) {
    if (typeof key === 'number') path += `[${key}]`;
    else if (IDENTIFIER.test(key)) path += path === '' ? key : `.${key}`;
    else path += `[${JSON.stringify(key)}]`;
  }
  return path === '' ? 'the file' : path;
}

/** One problem: `<path> <rule> (got <value>)`; `prefix` is the path of the value the issue's path is relative to. */
export function formatIssue(issue: v.BaseIssue<unknown>, prefix: readonly PathKey[] = []): string {
  const keys = [...prefix, ...(issue.path ?? []).map((item) => item.key as PathKey)];
  // A schema meeting `undefined` in JSON is a missing key; a rule's own check may leave its input out.
  const rule = issue.kind === 'schema' && issue.input === undefined ? 'is missing' : issue.message;
  return `${formatPath(keys)} ${rule}${issue.input === undefined ? '' : ` (got ${describeValue(issue.input)})`}`;
}

/** valibot's own wording replaced by a rule, for type mismatches that carry no message of their own. */
export function describeRule(issue: v.BaseIssue<unknown>): string {
  switch (issue.type) {
    case 'object':
    case 'record':
    case 'variant':
      return `must be an object`;
    case 'array':
      return `must be a list`;
    case 'string':
      return `must be text`;
    case 'number':
      return `must be a number`;
    case 'boolean':
      return `must be true or false`;
    default:
      return `must be ${issue.expected ?? 'something else'}`;
  }
}

/** A short rendering of a bad value: JSON up to 40 characters, "an object" / "a list" for containers. */
export function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value !== null && typeof value === 'object') return 'an object';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}
