// Guards the first page load: nothing the main thread imports statically may reach TensorFlow.js (the model
// registry and the neural family belong to workers; the page lists families through core/models/catalog).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = dirname(fileURLToPath(import.meta.url));
// Static value imports only: `import … from '…'`, `export … from '…'`, `import '…'`; `import type` is erased, and
// dynamic import() and new URL(…) workers load lazily.
const STATIC_IMPORT = /^\s*(?:import|export)\s(?!type\s)[^'"`]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm;

function resolveLocal(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}/index.ts`]) if (existsSync(candidate) && !candidate.endsWith('/')) {
    if (candidate.endsWith('.ts') || candidate.endsWith('.svelte')) return candidate;
  }
  return null;
}

function collectStaticImports(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(STATIC_IMPORT)) {
      const spec = match[1] ?? match[2];
      if (spec.startsWith('.')) {
        const next = resolveLocal(file, spec.replace(/\?.*$/, ''));
        if (next) queue.push(next);
      } else packages.add(spec);
    }
  }
  return { files, packages };
}

describe('main-thread imports', () => {
  it('never reach TensorFlow.js, the model registry or the neural family', () => {
    const { files, packages } = collectStaticImports(resolve(SRC, 'main.ts'));
    expect(files.size).toBeGreaterThan(50);
    expect([...packages].filter((p) => p.startsWith('@tensorflow'))).toEqual([]);
    expect([...files].map((f) => f.slice(SRC.length + 1)).filter((f) => /core\/models\/(registry|neural\/(?!params))|core\/train\/(fit-prepared|train-candidate|cross-validate)/.test(f))).toEqual([]);
  });
});
