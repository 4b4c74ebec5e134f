import { describe, expect, it } from 'vitest';
import { MODEL_CATALOG } from '../models/catalog';
import { readParams } from '../models/read-params';
import { buildSearchSpace } from './search-space';
import { enumerateGrid } from './grid';

describe('tuning hints on the model families', () => {
  it('keep every hint inside the schema bounds, log hints above 0, each low-cost start inside its hint', () => {
    const problems: string[] = [];
    for (const family of MODEL_CATALOG) {
      for (const spec of family.params) {
        if ((spec.kind === 'int' || spec.kind === 'float') && spec.tune) {
          const { min, max, log, lowCost } = spec.tune;
          if (!(spec.min <= min && min < max && max <= spec.max)) problems.push(`${family.kind}.${spec.name}: hint ${min}..${max} outside ${spec.min}..${spec.max}`);
          if (log && min <= 0) problems.push(`${family.kind}.${spec.name}: log hint from ${min}`);
          if (lowCost !== undefined && !(min <= lowCost && lowCost <= max)) problems.push(`${family.kind}.${spec.name}: lowCost ${lowCost}`);
          if (spec.kind === 'int' && !Number.isInteger(min + max + (lowCost ?? 0))) problems.push(`${family.kind}.${spec.name}: fractional int hint`);
        }
        if (spec.kind === 'choice' && Array.isArray(spec.tune)) {
          for (const option of spec.tune as readonly string[]) if (!spec.options.includes(option)) problems.push(`${family.kind}.${spec.name}: option ${option}`);
        }
        if (spec.when) {
          const parent = family.params.find((p) => p.name === spec.when!.param);
          const options: readonly unknown[] = parent?.kind === 'choice' ? parent.options : parent?.kind === 'bool' ? [false, true] : [];
          if (!spec.when.in.every((value) => options.includes(value))) problems.push(`${family.kind}.${spec.name}: condition on ${spec.when.param}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('give each tunable family a default space whose grid readParams accepts, never searching a seed', () => {
    const tunable = MODEL_CATALOG.filter((family) => family.params.some((spec) => spec.tune !== undefined));
    expect(tunable.map((f) => f.kind)).toEqual([
      'linear_regression', 'logistic_regression', 'knn', 'naive_bayes', 'kmeans', 'decision_tree', 'random_forest', 'gradient_boosting', 'neural_network',
    ]);
    for (const family of tunable) {
      const space = buildSearchSpace(family, null);
      expect(space.params.map((p) => p.name)).not.toContain('seed');
      for (const point of enumerateGrid(space, 2)) expect(() => readParams(family.kind, family.params, point)).not.toThrow();
    }
  });

  it('name the budget parameter of boosting, the forest and the network as a whole-number schema parameter', () => {
    const budgets = MODEL_CATALOG.filter((f) => f.capabilities.budgetParam).map((f) => [f.kind, f.capabilities.budgetParam]);
    expect(budgets).toEqual([['random_forest', 'nEstimators'], ['gradient_boosting', 'maxIter'], ['neural_network', 'epochs']]);
    for (const family of MODEL_CATALOG.filter((f) => f.capabilities.budgetParam)) {
      expect(family.params.find((p) => p.name === family.capabilities.budgetParam)?.kind).toBe('int');
    }
  });

  it('mark the conditional parameters: l1_ratio under elastic net, the feature fraction under "fraction", boosting patience under early stopping', () => {
    const conditions = MODEL_CATALOG.flatMap((f) => f.params.filter((p) => p.when).map((p) => `${f.kind}.${p.name} ← ${p.when!.param} ∈ ${p.when!.in.join('|')}`));
    expect(conditions).toEqual([
      'linear_regression.alpha ← penalty ∈ l2|l1|elasticnet',
      'linear_regression.l1_ratio ← penalty ∈ elasticnet',
      'decision_tree.maxFeaturesFraction ← maxFeatures ∈ fraction',
      'random_forest.maxFeaturesFraction ← maxFeatures ∈ fraction',
      'gradient_boosting.nIterNoChange ← earlyStopping ∈ auto|on',
      'gradient_boosting.tol ← earlyStopping ∈ auto|on',
      'gradient_boosting.validationFraction ← earlyStopping ∈ auto|on',
    ]);
  });
});
