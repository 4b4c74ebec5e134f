import { describe, expect, it } from 'vitest';
import { inferTask, readParams } from './read-params';
import type { HyperparameterSpec } from './types';

const SPECS: HyperparameterSpec[] = [
  { kind: 'int', name: 'k', label: 'k', min: 1, max: 50, default: 5 },
  { kind: 'float', name: 'alpha', label: 'α', min: 0, max: 10, default: 1 },
  { kind: 'choice', name: 'weights', label: 'Weights', options: ['uniform', 'distance'], default: 'uniform' },
  { kind: 'bool', name: 'fit', label: 'Fit', default: true },
  { kind: 'int', name: 'epochs', label: 'Epochs', min: 1, max: 100, default: 'auto' },
];

describe('readParams', () => {
  it('fills defaults and keeps valid values', () => {
    expect(readParams('knn', SPECS, { k: 3, weights: 'distance' })).toEqual({ k: 3, alpha: 1, weights: 'distance', fit: true, epochs: 'auto' });
    expect(readParams('knn', SPECS, { epochs: 40 }).epochs).toBe(40);
  });

  it('takes "auto" only where the default is auto', () => {
    expect(readParams('knn', SPECS, { epochs: 'auto' }).epochs).toBe('auto');
    expect(() => readParams('knn', SPECS, { k: 'auto' })).toThrow('knn: hyperparameter "k" is "auto"; use a whole number from 1 to 50.');
    expect(() => readParams('knn', SPECS, { epochs: 0 })).toThrow('knn: hyperparameter "epochs" is 0; use a value from 1 to 100.');
    expect(() => readParams('knn', SPECS, { epochs: 'many' })).toThrow('knn: hyperparameter "epochs" is "many"; use a whole number from 1 to 100 or "auto".');
  });

  it('names the bad value and the allowed range or choices', () => {
    expect(() => readParams('knn', SPECS, { k: 2.5 })).toThrow('knn: hyperparameter "k" is 2.5; use a whole number from 1 to 50.');
    expect(() => readParams('knn', SPECS, { alpha: 11 })).toThrow('knn: hyperparameter "alpha" is 11; use a value from 0 to 10.');
    expect(() => readParams('knn', SPECS, { weights: 'far' })).toThrow('knn: hyperparameter "weights" is "far"; choose one of uniform, distance.');
    expect(() => readParams('knn', SPECS, { fit: 'yes' })).toThrow('knn: hyperparameter "fit" is "yes"; use true or false.');
    expect(() => readParams('knn', SPECS, { depth: 3 })).toThrow('knn: unknown hyperparameter "depth". Known: k, alpha, weights, fit, epochs.');
  });
});

describe('inferTask', () => {
  it('reads the task from the target', () => {
    const values = Float64Array.from([0, 1]);
    expect([inferTask({ values }), inferTask({ values, classes: ['a', 'b'] }), inferTask({ values, classes: ['a', 'b', 'c'] })]).toEqual(['regression', 'binary', 'multiclass']);
  });
});
