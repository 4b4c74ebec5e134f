// Hash routes of the app: `#/` is Home, `#/notebook/<id>` opens a notebook.
// Pure parse/format so the router class stays a thin wrapper over `location.hash`.

import type { NotebookId } from '../core/notebook/types';

export type Route = { kind: 'home' } | { kind: 'notebook'; id: NotebookId } | { kind: 'not-found'; hash: string };

/** Reads a `location.hash` value ("", "#/", "#/notebook/abc") into a Route; ids are URI-decoded. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '');
  if (path === '' || path === '/') return { kind: 'home' };
  const match = /^\/notebook\/([^/]+)$/.exec(path);
  if (match) return { kind: 'notebook', id: decodeURIComponent(match[1]) as NotebookId };
  return { kind: 'not-found', hash };
}

/** The `href` for a route, e.g. "#/notebook/abc". */
export function formatRoute(route: Route): string {
  if (route.kind === 'notebook') return `#/notebook/${encodeURIComponent(route.id)}`;
  if (route.kind === 'not-found') return route.hash;
  return '#/';
}
