import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { StepKind, StepOf } from '../../transform/step-types';
import { CELL_KINDS, CELL_KIND_ORDER } from '../cell-kinds';
import type { CellKind, CellSpecs } from '../types';
import { describeRule, formatIssue } from './format-issues';
import { CELL_SPEC_SCHEMAS, FILE_CELL_KINDS } from './spec-schemas';
import { STEP_SCHEMAS } from './step-schemas';

// Compile-time: each schema's output has exactly its type's keys, optional ones included (`satisfies` in the
// schema files checks the value types). A schema that forgets or adds a field makes `npm run check` fail here,
// naming the kind.
type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false;
type SpecMismatch = { [K in CellKind]: SameKeys<v.InferOutput<(typeof CELL_SPEC_SCHEMAS)[K]>, CellSpecs[K]> extends true ? never : K }[CellKind];
type StepMismatch = { [K in StepKind]: SameKeys<v.InferOutput<(typeof STEP_SCHEMAS)[K]>, StepOf<K>> extends true ? never : K }[StepKind];
const specKeysMatch: [SpecMismatch] extends [never] ? true : SpecMismatch = true;
const stepKeysMatch: [StepMismatch] extends [never] ? true : StepMismatch = true;

/** The problems `spec` has as a `kind` cell's spec at cells[3], as a file reader reports them. */
function problemsOf(kind: CellKind, spec: unknown): string[] {
  const result = v.safeParse(CELL_SPEC_SCHEMAS[kind], spec, { message: describeRule });
  return result.success ? [] : result.issues.map((issue) => formatIssue(issue, ['cells', 3, 'spec']));
}

describe('cell spec schemas', () => {
  it('cover every cell kind of the registry', () => {
    expect([specKeysMatch, stepKeysMatch]).toEqual([true, true]);
    expect([...FILE_CELL_KINDS].sort()).toEqual([...CELL_KIND_ORDER].sort());
  });

  it.each(CELL_KIND_ORDER)('accept the default %s spec as it is', (kind) => {
    const spec = CELL_KINDS[kind].createSpec();
    expect(v.parse(CELL_SPEC_SCHEMAS[kind], spec)).toEqual(spec);
  });

  it('name the path, the rule and the value of each problem', () => {
    const split = CELL_KINDS.split.createSpec();
    expect(problemsOf('split', { ...split, fractions: { train: 1.5, validation: 0.15, test: 0.15 } })).toEqual([
      'cells[3].spec.fractions.train must be between 0 and 1 (got 1.5)',
    ]);
    expect(problemsOf('split', { ...split, fractions: { train: 0.5, validation: 0.15, test: 0.15 } })).toEqual([
      'cells[3].spec.fractions must add up to 1 (train + validation + test) (got 0.8)',
    ]);
    expect(problemsOf('split', { ...split, seed: 1.5, cv: { kind: 'loo', k: 1 } })).toEqual([
      'cells[3].spec.seed must be a whole number (got 1.5)',
      'cells[3].spec.cv.kind must be one of "kfold", "stratified", "group", "timeseries" (got "loo")',
      'cells[3].spec.cv.k must be a whole number from 2 to 50 (got 1)',
    ]);
    expect(problemsOf('evaluate', { ...CELL_KINDS.evaluate.createSpec(), threshold: '0.5', normalize: undefined })).toEqual([
      'cells[3].spec.threshold must be a number (got "0.5")',
      'cells[3].spec.normalize is missing',
    ]);
    expect(problemsOf('problem', { ...CELL_KINDS.problem.createSpec(), target: 3, secondaryMetrics: ['accuracy', 'auc'] })).toEqual([
      'cells[3].spec.target must be text or null (got 3)',
      `cells[3].spec.secondaryMetrics[1] must be one of "roc-auc", "pr-auc", "accuracy", "balanced-accuracy", "f1", "precision", "recall", "macro-f1", "log-loss", "rmse", "mae", "r2", "mape", "silhouette", "davies-bouldin" (got "auc")`,
    ]);
    expect(problemsOf('compare', { ...CELL_KINDS.compare.createSpec(), alpha: 1 })).toEqual(['cells[3].spec.alpha must be between 0 and 1, both excluded (got 1)']);
  });

  it('check the column overrides key by key, names like "__proto__" included', () => {
    const overrides = JSON.parse('{"__proto__": "numeric", "Beak (mm)": "float", "constructor": "excluded"}');
    const spec = { ...CELL_KINDS.data.createSpec(), columnOverrides: overrides };
    expect(problemsOf('data', spec)).toEqual(['cells[3].spec.columnOverrides["Beak (mm)"] must be one of "numeric", "categorical", "datetime", "boolean", "text", "excluded" (got "float")']);
    const good = JSON.parse('{"__proto__": "numeric", "constructor": "excluded"}');
    const parsed = v.parse(CELL_SPEC_SCHEMAS.data, { ...spec, columnOverrides: good });
    expect(Object.entries(parsed.columnOverrides)).toEqual([['__proto__', 'numeric'], ['constructor', 'excluded']]);
  });

  it('check pipeline steps by kind, and an unknown step kind names the known ones', () => {
    const steps = [
      { kind: 'impute', id: 'impute-1', columns: ['Age'], strategy: 'median' },
      { kind: 'bin', id: 'bin-1', columns: { rule: 'numeric' }, method: 'uniform', nBins: 1 },
      { kind: 'drop', id: 'drop-1', columns: { rule: 'name' } },
      { kind: 'explode', id: 'x-1' },
    ];
    expect(problemsOf('prepare', { steps })).toEqual([
      'cells[3].spec.steps[1].nBins must be a whole number of at least 2 (got 1)',
      'cells[3].spec.steps[2].columns.pattern must be given when the rule is "name"',
      'cells[3].spec.steps[3].kind must be one of "drop", "cast", "impute", "scale", "log1p", "yeo_johnson", "one_hot", "ordinal", "target_encode", "bin", "date_parts", "derive", "filter", "dedupe", "cap_outliers", "resample" (got "explode")',
    ]);
  });

  it('check a Train candidate against its family and its hyperparameter schema', () => {
    const train = CELL_KINDS.train.createSpec();
    expect(problemsOf('train', { ...train, candidates: [{ family: 'xgboost', params: {} }] })[0]).toMatch(/^cells\[3\]\.spec\.candidates\[0\]\.family must be one of "most_frequent", .* \(got "xgboost"\)$/);
    expect(problemsOf('train', { ...train, candidates: [{ family: 'knn', params: { k: 0 } }] })).toEqual([
      'cells[3].spec.candidates[0].params are not accepted: knn: hyperparameter "k" is 0; use a value from 1 to 1000.',
    ]);
    expect(problemsOf('train', { ...train, candidates: [{ family: 'knn', params: { k: 3, weights: 'distance' } }] })).toEqual([]);
  });
});
