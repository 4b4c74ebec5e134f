// The trees suite's reference side: scikit-learn and XGBoost through /usr/bin/python3 (reference_side.py), one
// fresh process per fit, all cores or one thread (OMP_NUM_THREADS=1 and n_jobs=1).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const PYTHON = '/usr/bin/python3';
const SCRIPT = resolve(import.meta.dirname, 'reference_side.py');

/** Why `module` cannot be imported by the reference Python, or null when it can. */
export function findPythonProblem(module) {
  if (!existsSync(PYTHON)) return `${PYTHON} is missing`;
  try {
    execFileSync(PYTHON, ['-c', `import numpy, ${module}`], { stdio: 'pipe' });
    return null;
  } catch (error) {
    return `${module} is missing for ${PYTHON}: ${String(error.stderr ?? error.message).trim().split('\n').at(-1)}`;
  }
}

/** One reference fit: { fitMs, accuracy, iterations, version }. `threads`: 'all' or 1. */
export function fitReference(data, model, params, threads) {
  const one = { OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };
  const env = threads === 1 ? { ...process.env, ...one } : process.env;
  const args = [SCRIPT, data.file, String(data.rows), String(data.cols), String(data.trainRows), JSON.stringify({ model, params, threads })];
  return JSON.parse(execFileSync(PYTHON, args, { encoding: 'utf8', env, maxBuffer: 16 * 2 ** 20 }).trim().split('\n').at(-1));
}
