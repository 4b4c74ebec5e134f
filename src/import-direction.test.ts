// Keeps the layers honest: imports run ui → state → {workers, storage} → core, and a test fails naming the file and
// the import that runs against them. core/ imports nothing of ours outside core and none of the browser-side
// packages; workers/ and storage/ never import state/ or ui/ (a worker may read storage, storage never a worker);
// state/ never imports ui/; ui/ never imports workers/ or storage/ and takes its types from core/. Type-only
// imports count: a type borrowed across the line is a dependency too. test-support/ is for tests and fixtures only.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

type Layer = 'core' | 'workers' | 'storage' | 'state' | 'ui' | 'test-support' | 'export-runtime';

/** What each layer may import of ours. */
const ALLOWED: Record<Layer, readonly Layer[]> = {
  core: ['core'],
  storage: ['storage', 'core'],
  workers: ['workers', 'storage', 'core'],
  state: ['state', 'workers', 'storage', 'core'],
  // ui holds src/cli too (files outside the layers), which builds the bundle's scripts with export-runtime/build-runtime.
  ui: ['ui', 'state', 'core', 'export-runtime'],
  'test-support': ['test-support', 'workers', 'storage', 'core'],
  // The deployable bundle's scripts (predict.mjs, serve.mjs, score.mjs): core bundled in, nothing else of ours.
  'export-runtime': ['export-runtime', 'core'],
};

/** Packages a layer must not import: core stays pure TypeScript that runs in Node, a worker and the page. */
const FORBIDDEN_PACKAGES: Partial<Record<Layer, RegExp>> = {
  core: /^(comlink|idb|svelte|plotly\.js|fake-indexeddb|node:)/,
  ui: /^(comlink|idb)$/,
  'export-runtime': /^(comlink|idb|svelte|plotly\.js|fake-indexeddb)/,
};

// import … from '…' (type-only too, across lines), export … from '…', import '…', import('…'), import.meta.glob('…'), new URL('…', import.meta.url)
const IMPORT = /(?:^|[\s;{}])(?:import|export)\s[^'";]*?\bfrom\s*['"]([^'"]+)['"]|(?:^|[\s;{}])import\s*['"]([^'"]+)['"]|\bimport(?:\.meta\.glob(?:<[^>]*>)?)?\(\s*['"]([^'"]+)['"]|new URL\(\s*['"]([^'"]+)['"],\s*import\.meta\.url/g;

/** The layer of a path relative to src/ (files at the top, main.ts and App.svelte, belong to the page: ui). */
function findLayer(path: string): Layer {
  const top = path.split('/')[0];
  if (top === 'core' || top === 'workers' || top === 'storage' || top === 'state' || top === 'ui' || top === 'test-support' || top === 'export-runtime') return top;
  return 'ui';
}

const isTestOnly = (path: string): boolean => /\.test\.ts$/.test(path) || /(^|\/)fixtures\//.test(path);

/** Every import of `source` (a file at `path`, relative to src/) that runs against the direction, as "file imports 'spec' (layer → layer)". */
function findDirectionViolations(path: string, source: string): string[] {
  const from = findLayer(path);
  const problems: string[] = [];
  for (const match of source.matchAll(IMPORT)) {
    const spec = match[1] ?? match[2] ?? match[3] ?? match[4];
    if (!spec.startsWith('.')) {
      if (FORBIDDEN_PACKAGES[from]?.test(spec) && !isTestOnly(path)) problems.push(`${path} imports '${spec}' (${from} must not use that package)`);
      continue;
    }
    const target = normalize(join(dirname(path), spec));
    if (target.startsWith('..')) continue;
    const to = findLayer(target);
    if (to === 'test-support') {
      if (!isTestOnly(path) && from !== 'test-support') problems.push(`${path} imports '${spec}' (test-support is for tests and fixtures only)`);
      continue;
    }
    if (!ALLOWED[from].includes(to)) problems.push(`${path} imports '${spec}' (${from} → ${to} runs against ui → state → {workers, storage} → core)`);
  }
  return problems;
}

function listSourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listSourceFiles(path);
    return /\.(ts|svelte)$/.test(entry.name) ? [path] : [];
  });
}

const SRC = dirname(fileURLToPath(import.meta.url));

describe('import direction', () => {
  it('holds for every file under src/', () => {
    const files = listSourceFiles(SRC);
    expect(files.length).toBeGreaterThan(500);
    const problems = files.flatMap((file) => findDirectionViolations(relative(SRC, file), readFileSync(file, 'utf8')));
    expect(problems).toEqual([]);
  });

  it('names the file and the import that runs against the direction, type-only and multi-line imports included', () => {
    expect([
      ...findDirectionViolations('core/train/x.ts', "import { transfer } from 'comlink';\nimport type { Studio } from '../../state/studio.svelte';"),
      ...findDirectionViolations('ui/cells/x/View.svelte', "<script lang=\"ts\">\n  import type {\n    ExplainResult,\n  } from '../../../workers/explain-run';\n</script>"),
      ...findDirectionViolations('storage/runs.ts', "export { readStoredRun } from '../workers/stored-runs';"),
      ...findDirectionViolations('state/x.ts', "const view = await import('../ui/plots/Plot.svelte');"),
      ...findDirectionViolations('workers/x.ts', "import { studio } from '../state/studio.svelte';\nimport { tableOf } from '../test-support/table-builders';"),
    ]).toEqual([
      "core/train/x.ts imports 'comlink' (core must not use that package)",
      "core/train/x.ts imports '../../state/studio.svelte' (core → state runs against ui → state → {workers, storage} → core)",
      "ui/cells/x/View.svelte imports '../../../workers/explain-run' (ui → workers runs against ui → state → {workers, storage} → core)",
      "storage/runs.ts imports '../workers/stored-runs' (storage → workers runs against ui → state → {workers, storage} → core)",
      "state/x.ts imports '../ui/plots/Plot.svelte' (state → ui runs against ui → state → {workers, storage} → core)",
      "workers/x.ts imports '../state/studio.svelte' (workers → state runs against ui → state → {workers, storage} → core)",
      "workers/x.ts imports '../test-support/table-builders' (test-support is for tests and fixtures only)",
    ]);
  });

  it('lets each layer import downwards, and tests and fixtures use test-support', () => {
    expect([
      ...findDirectionViolations('ui/cells/x/View.svelte', "import { METRICS } from '../../../core/problem/metrics';\nimport { Studio } from '../../../state/studio.svelte';"),
      ...findDirectionViolations('state/x.ts', "import { getTrainingPool } from '../workers/clients';\nimport { saveNotebook } from '../storage/notebooks';"),
      ...findDirectionViolations('workers/stored-runs.ts', "import { openStudioDb } from '../storage/db';\nimport { transfer } from 'comlink';"),
      ...findDirectionViolations('core/x.test.ts', "import { tableOf } from '../test-support/table-builders';\nimport { readFileSync } from 'node:fs';"),
      ...findDirectionViolations('core/explain/fixtures/read.ts', "import { readJsonFixture } from '../../../test-support/model-fixtures';"),
    ]).toEqual([]);
  });
});
