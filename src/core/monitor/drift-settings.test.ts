import { describe, expect, it } from 'vitest';
import { createRandom } from '../random/prng';
import { DRIFT_REFERENCE } from '../stats/fixtures/read-drift-reference';
import { choosePsiCuts, countPsiBins, measurePsi } from '../stats/measure-psi';
import { classifyPsi, DEFAULT_DRIFT_THRESHOLDS, describeMultipleTesting, resolveDriftThresholds, SMALL_BATCH_ROWS } from './drift-settings';

/** Standard normal draws by Box–Muller over the studio's seeded generator. */
function drawNormals(random: () => number, count: number): Float64Array {
  return Float64Array.from({ length: count }, () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random()));
}

/** Share of `reps` no-drift batches of `rows` rows whose PSI against a fresh 1,000-value reference reaches 0.1 and 0.25. */
function simulateNoDrift(rows: number, reps: number, seed: number): { overWarn: number; overAlert: number } {
  const random = createRandom(seed);
  let warn = 0, alert = 0;
  for (let r = 0; r < reps; r++) {
    const reference = drawNormals(random, 1000).sort();
    const cuts = choosePsiCuts(reference);
    const psi = measurePsi(countPsiBins(reference, cuts), countPsiBins(drawNormals(random, rows), cuts));
    if (psi >= 0.1) warn++;
    if (psi >= 0.25) alert++;
  }
  return { overWarn: warn / reps, overAlert: alert / reps };
}

describe('small batches', () => {
  it('SMALL_BATCH_ROWS is the first simulated size (scripts/reference/monitor_reference.py) with false warnings under 5 % and no false alert', () => {
    const results = DRIFT_REFERENCE.smallBatchSimulation.results;
    expect(results.find((r) => r.overWarn < 0.05 && r.overAlert === 0)?.rows).toBe(SMALL_BATCH_ROWS);
    expect(results.find((r) => r.rows === 70)).toEqual({ rows: 70, meanPsi: expect.any(Number), overWarn: 0.7142, overAlert: 0.1052 });
  });

  it('our PSI gives the same no-drift rates as the numpy simulation (2,000 seeded batches; within 3 standard errors)', () => {
    const at70 = simulateNoDrift(70, 2000, 1);
    const at250 = simulateNoDrift(250, 2000, 2);
    expect(Math.abs(at70.overWarn - 0.7142)).toBeLessThan(3 * Math.sqrt((0.71 * 0.29) / 2000));
    expect(Math.abs(at70.overAlert - 0.1052)).toBeLessThan(3 * Math.sqrt((0.105 * 0.895) / 2000));
    expect(at250.overWarn).toBeLessThan(0.05);
    expect(at250.overAlert).toBe(0);
  });
});

describe('thresholds', () => {
  it('badges PSI from the warning and the alert threshold on, defaults 0.1 and 0.25', () => {
    expect([0, 0.0999, 0.1, 0.2499, 0.25, 3, Number.NaN].map((psi) => classifyPsi(psi, DEFAULT_DRIFT_THRESHOLDS))).toEqual(['ok', 'ok', 'warn', 'warn', 'alert', 'alert', 'ok']);
    expect(resolveDriftThresholds({ psiAlert: 0.5, alpha: undefined })).toEqual({ psiWarn: 0.1, psiAlert: 0.5, alpha: 0.05 });
    expect(() => resolveDriftThresholds({ alpha: 1 })).toThrow('The significance level must be between 0 and 1 (got 1); 0.05 is usual.');
  });

  it('the multiple-testing note counts the tests and names what stays significant', () => {
    expect(describeMultipleTesting(20, 0.05, ['age'])).toBe(
      '20 features were tested (KS for numbers, chi-square for categories); even with no drift each has a 5 % chance of p < 0.05, about 1 false alarm in all, ' +
      'so each p-value is also shown times 20 (Bonferroni, i.e. compared with 0.05 / 20 = 0.0025); significant after it: "age".',
    );
    expect(describeMultipleTesting(0, 0.05, [])).toBe('No feature was tested.');
  });
});
