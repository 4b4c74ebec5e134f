// Hash routes of the app: `#/` is Home, `#/notebook/<id>` opens a notebook, `#/runs` lists every stored run,
// `#/models` the registry and `#/models/<name>` one registered model. Pure parse/format so the router class stays a
// thin wrapper over `location.hash`.

import type { NotebookId } from '../core/notebook/types';

export type Route =
  | { kind: 'home' }
  | { kind: 'notebook'; id: NotebookId }
  | { kind: 'runs' }
  | { kind: 'models' }
  | { kind: 'model'; name: string }
  | { kind: 'not-found'; hash: string };

/** Reads a `location.hash` value ("", "#/", "#/notebook/abc", "#/models/churn") into a Route; ids and names are URI-decoded. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '');
  if (path === '' || path === '/') return { kind: 'home' };
  if (path === '/runs') return { kind: 'runs' };
  if (path === '/models') return { kind: 'models' };
  const notebook = /^\/notebook\/([^/]+)$/.exec(path);
  if (notebook) return { kind: 'notebook', id: decodeURIComponent(notebook[1]) as NotebookId };
  const model = /^\/models\/([^/]+)$/.exec(path);
  if (model) return { kind: 'model', name: decodeURIComponent(model[1]) };
  return { kind: 'not-found', hash };
}

/** The `href` for a route, e.g. "#/notebook/abc" or "#/models/penguins%20species". */
export function formatRoute(route: Route): string {
  switch (route.kind) {
    case 'notebook':
      return `#/notebook/${encodeURIComponent(route.id)}`;
    case 'runs':
      return '#/runs';
    case 'models':
      return '#/models';
    case 'model':
      return `#/models/${encodeURIComponent(route.name)}`;
    case 'not-found':
      return route.hash;
    case 'home':
      return '#/';
  }
}
