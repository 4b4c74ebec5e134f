// Reads a family's fit inputs the same way for every family: hyperparameters against the schema (defaults for
// absent names, range and type checks) and the task a target implies.

import { ModelSpecError } from '../errors';
import { AUTO, type HyperparameterSpec, type Hyperparameters, type HyperparameterValue, type Target, type Task } from './types';

/** Returns every schema parameter (default when absent, 'auto' kept for the family to resolve); throws ModelSpecError for unknown or invalid values. */
export function readParams(kind: string, specs: readonly HyperparameterSpec[], params: Hyperparameters): Hyperparameters {
  const known = new Set(specs.map((spec) => spec.name));
  for (const name of Object.keys(params)) {
    if (!known.has(name)) throw new ModelSpecError(`${kind}: unknown hyperparameter "${name}". Known: ${[...known].join(', ')}.`);
  }
  const out: Hyperparameters = {};
  for (const spec of specs) out[spec.name] = checkValue(kind, spec, params[spec.name] ?? spec.default);
  return out;
}

function checkValue(kind: string, spec: HyperparameterSpec, value: HyperparameterValue): HyperparameterValue {
  const where = `${kind}: hyperparameter "${spec.name}" is ${JSON.stringify(value)}`;
  switch (spec.kind) {
    case 'int':
    case 'float':
      if (value === AUTO && spec.default === AUTO) return value;
      if (typeof value !== 'number' || !Number.isFinite(value) || (spec.kind === 'int' && !Number.isInteger(value))) {
        const auto = spec.default === AUTO ? ` or "${AUTO}"` : '';
        throw new ModelSpecError(`${where}; use ${spec.kind === 'int' ? 'a whole number' : 'a number'} from ${spec.min} to ${spec.max}${auto}.`);
      }
      if (value < spec.min || value > spec.max) throw new ModelSpecError(`${where}; use a value from ${spec.min} to ${spec.max}.`);
      return value;
    case 'choice':
      if (typeof value !== 'string' || !spec.options.includes(value)) {
        throw new ModelSpecError(`${where}; choose one of ${spec.options.join(', ')}.`);
      }
      return value;
    case 'bool':
      if (typeof value !== 'boolean') throw new ModelSpecError(`${where}; use true or false.`);
      return value;
  }
}

/** The supervised task implied by a target: classes → binary / multiclass, no classes → regression. */
export function inferTask(y: Target): Exclude<Task, 'clustering'> {
  if (!y.classes) return 'regression';
  return y.classes.length === 2 ? 'binary' : 'multiclass';
}
