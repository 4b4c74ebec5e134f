import { describe, expect, it } from 'vitest';
import { DRIFT_REFERENCE } from '../stats/fixtures/read-drift-reference';
import { roundDeep } from '../stats/fixtures/read-reference';
import { measurePredictionDrift } from './measure-prediction-drift';

const CASE = DRIFT_REFERENCE.numeric.find((c) => c.name === 'normal-shifted')!;
const KS = DRIFT_REFERENCE.ks.find((c) => c.name === 'normal-shifted')!;

describe('measurePredictionDrift', () => {
  it('compares score distributions as scipy does (KS, PSI on the reference deciles), NaN scores left out', () => {
    const drift = measurePredictionDrift([...CASE.reference, Number.NaN], [Number.NaN, ...CASE.batch]);
    expect(roundDeep({ ks: drift.ks, psi: drift.psi, status: drift.status, compared: drift.compared, small: drift.smallSample })).toEqual(roundDeep({
      ks: { statistic: KS.statistic, pValue: KS.pValue, method: 'exact' }, psi: CASE.psi, status: 'alert', compared: { reference: 60, batch: 45 }, small: true,
    }));
  });

  it('refuses a version without reference scores and a batch without any score', () => {
    expect(() => measurePredictionDrift([Number.NaN], [0.2])).toThrow(expect.objectContaining({ name: 'ExportError', message: expect.stringContaining('has no reference scores') }));
    expect(() => measurePredictionDrift([0.1, 0.2], [Number.NaN, Number.NaN])).toThrow('The model gave no finite score on the batch (2 rows)');
  });
});
