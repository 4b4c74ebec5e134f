// Builds the bundle's three scripts from src/export-runtime with rolldown (Vite's bundler), in memory: each an ES
// module with core and papaparse inside (serve.mjs also fflate, to read a zipped bundle), no dependency at run time.
// serve.mjs (serve.ts + serve/) and score.mjs import ./predict.mjs, the bundle's copy, instead of carrying core twice
// more. Node-side only: the CLI calls it, and the Vite plugin (scripts/export-runtime-plugin.mjs) serves the same
// strings to the page as `virtual:export-runtime`.

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown, type Plugin } from 'rolldown';
import type { ExportRuntime } from '../core/export/assemble-bundle';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ENTRIES = { 'predict.mjs': 'predict.ts', 'serve.mjs': 'serve.ts', 'score.mjs': 'score.ts' } as const;
const NEURAL_STUB = '\0export-runtime:neural-stub';

/**
 * The neural family trains and predicts with TensorFlow.js, megabytes the scripts would carry for one family: the
 * bundle leaves it out, and a neural run's model.json is refused with a message pointing at model.onnx.
 */
const NEURAL_STUB_CODE = `
export const NEURAL_KIND = 'neural_network';
export const neuralNetworkFamily = {
  kind: 'neural_network', label: 'Neural network', group: 'neural', tasks: ['binary', 'multiclass', 'regression'], params: [], capabilities: {},
  fit() { throw new Error('Training is not part of an exported bundle.'); },
  fromJSON() { throw new Error('The JavaScript scripts of a bundle cannot run a neural network (TensorFlow.js is left out); run model.onnx with ONNX Runtime instead.'); },
};`;

/**
 * Keeps serve/score's imports of predict.ts (from this folder or serve/) as a run-time import of the bundle's
 * ./predict.mjs, and stubs the neural family.
 */
function createRuntimePlugin(entry: string): Plugin {
  return {
    name: 'export-runtime',
    resolveId(source, importer) {
      const isPredict = (source === './predict' || source === '../predict') && importer?.startsWith(HERE) && join(dirname(importer), source) === `${HERE}predict`;
      if (isPredict && entry !== 'predict.ts') return { id: './predict.mjs', external: true };
      if (source === './neural' && importer?.endsWith('/core/models/registry.ts')) return NEURAL_STUB;
      return null;
    },
    load(id) {
      return id === NEURAL_STUB ? NEURAL_STUB_CODE : null;
    },
  };
}

/** The three scripts' source text, built from their single sources. */
export async function buildExportRuntime(): Promise<ExportRuntime> {
  const built = await Promise.all(Object.entries(ENTRIES).map(async ([file, entry]) => {
    const bundle = await rolldown({
      input: `${HERE}${entry}`,
      platform: 'neutral',
      external: [/^node:/, 'stream'],
      plugins: [createRuntimePlugin(entry)],
      resolve: { mainFields: ['module', 'main'] },
      logLevel: 'silent',
    });
    const { output } = await bundle.generate({ format: 'esm', codeSplitting: false, comments: { legal: false } });
    await bundle.close();
    return [file, `// ${file}: built by ML Studio from src/export-runtime/${entry}; see README.md.\n${output[0].code}`] as const;
  }));
  return Object.fromEntries(built) as ExportRuntime;
}
