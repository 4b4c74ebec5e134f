// The checks across a file's embedded models that no single schema sees: one entry per model name, one per
// version number, one run per version, at most one version in production, and each monitored batch filed under
// its own version.

import type { EmbeddedModel } from './file-types';
import { formatPath } from './format-issues';

/** Every problem of `models` (empty when there is none), each `<path> <rule> (got <value>)`. */
export function checkFileModels(models: readonly EmbeddedModel[]): string[] {
  const problems: string[] = [];
  const names = new Map<string, number>();
  models.forEach((model, index) => {
    const earlier = names.get(model.name);
    if (earlier !== undefined) problems.push(`${formatPath(['models', index, 'name'])} must be unique (got ${JSON.stringify(model.name)}, the name of models[${earlier}])`);
    else names.set(model.name, index);
    for (const problem of checkVersions(model, index)) problems.push(problem); // no spread: versions may be 100,000s
  });
  return problems;
}

function checkVersions(model: EmbeddedModel, modelIndex: number): string[] {
  const problems: string[] = [];
  const numbers = new Map<number, number>();
  const runs = new Map<string, number>();
  let production: number | null = null;
  model.versions.forEach((entry, index) => {
    const path = (...keys: (string | number)[]) => formatPath(['models', modelIndex, 'versions', index, ...keys]);
    if (numbers.has(entry.version)) problems.push(`${path('version')} must be unique (got ${entry.version}, the number of versions[${numbers.get(entry.version)}])`);
    else numbers.set(entry.version, index);
    if (runs.has(entry.run.id)) problems.push(`${path('run', 'id')} must be unique in the model (got ${JSON.stringify(entry.run.id)}, the run of versions[${runs.get(entry.run.id)}])`);
    else runs.set(entry.run.id, index);
    if (entry.stage === 'production') {
      if (production !== null) problems.push(`${path('stage')} must not be "production" too: versions[${production}] is in production, and a model has one production version at most (got "production")`);
      else production = index;
    }
    (entry.monitorHistory ?? []).forEach((batch, at) => {
      if (batch.modelName !== model.name || batch.version !== entry.version) {
        problems.push(`${path('monitorHistory', at)} must be a batch of ${model.name} v${entry.version} (got ${JSON.stringify(`${batch.modelName} v${batch.version}`)})`);
      }
    });
  });
  return problems;
}
