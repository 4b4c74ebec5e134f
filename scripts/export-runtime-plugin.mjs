// A Vite plugin serving the deployable bundle's scripts to the page as `virtual:export-runtime`: their text, built
// from src/export-runtime by buildExportRuntime (the same function the CLI calls), so page and CLI ship the same files.

import { buildExportRuntime } from '../src/export-runtime/build-runtime.ts';

const ID = 'virtual:export-runtime';
const RESOLVED = `\0${ID}`;

/** `import runtime from 'virtual:export-runtime'` → { 'predict.mjs': text, 'serve.mjs': text, 'score.mjs': text }. */
export function exportRuntimePlugin() {
  return {
    name: 'ml-studio-export-runtime',
    resolveId: (id) => (id === ID ? RESOLVED : null),
    async load(id) {
      if (id !== RESOLVED) return null;
      return `export default ${JSON.stringify(await buildExportRuntime())};\n`;
    },
  };
}
