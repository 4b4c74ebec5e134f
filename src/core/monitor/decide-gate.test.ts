import { describe, expect, it } from 'vitest';
import { decideGate, type GateInput } from './decide-gate';

const BASE: GateInput = {
  champion: { primary: 0.82, slices: { 'region = EU': 0.8, 'region = US': 0.85 } },
  challenger: { primary: 0.83, slices: { 'region = EU': 0.79, 'region = US': 0.86 } },
  primary: 'accuracy', direction: 'higher', delta: 0.01, slices: ['region = EU', 'region = US'], sliceTolerance: 0.02,
};

describe('decideGate', () => {
  it('passes when the primary gain reaches δ (0.83 − 0.82 counts as 0.01) and no slice falls beyond the tolerance, saying why', () => {
    expect(decideGate(BASE)).toEqual({
      passed: true,
      reasons: [
        'accuracy: the challenger beats the champion by at least δ — challenger 0.83, champion 0.82 (higher is better; gain 0.01, δ = 0.01).',
        'Slice "region = EU" holds: accuracy 0.8 → 0.79 (worse by 0.01, tolerance 0.02).',
        'Slice "region = US" holds: accuracy 0.85 → 0.86 (worse by 0, tolerance 0.02).',
      ],
    });
  });

  it('fails a gain below δ and names the numbers', () => {
    expect(decideGate({ ...BASE, delta: 0.02 })).toEqual({
      passed: false,
      reasons: ['accuracy: the challenger does not beat the champion by at least δ — challenger 0.83, champion 0.82 (higher is better; gain 0.01, δ = 0.02).'],
    });
  });

  it('fails a monitored slice that regresses beyond the tolerance, listing every failed condition', () => {
    const challenger = { primary: 0.8, slices: { 'region = EU': 0.7, 'region = US': 0.86 } };
    expect(decideGate({ ...BASE, challenger }).reasons).toEqual([
      'accuracy: the challenger does not beat the champion by at least δ — challenger 0.8, champion 0.82 (higher is better; gain -0.02, δ = 0.01).',
      'Slice "region = EU" regresses beyond the tolerance: accuracy 0.8 → 0.7 (worse by 0.1, tolerance 0.02).',
    ]);
  });

  it('reads lower-is-better metrics the other way round', () => {
    const input: GateInput = { ...BASE, primary: 'rmse', direction: 'lower', delta: 0.5, slices: ['north'], sliceTolerance: 0.1, champion: { primary: 10, slices: { north: 9 } }, challenger: { primary: 9.4, slices: { north: 9.2 } } };
    expect(decideGate(input)).toEqual({ passed: false, reasons: ['Slice "north" regresses beyond the tolerance: rmse 9 → 9.2 (worse by 0.2, tolerance 0.1).'] });
    expect(decideGate({ ...input, sliceTolerance: 0.2 }).passed).toBe(true);
  });

  it('with an interval of the difference (logged traffic), asks it to lie wholly on the better side of 0', () => {
    const input: GateInput = { ...BASE, slices: [], delta: 0, challenger: { primary: 0.9, slices: {} } };
    expect(decideGate({ ...input, difference: { low: 0.02, high: 0.14, level: 0.95 } }).reasons).toEqual([
      'accuracy: the challenger beats the champion by at least δ — challenger 0.9, champion 0.82 (higher is better; gain 0.08, δ = 0).',
      'Not chance: the 95 % interval of challenger − champion on accuracy is [0.02, 0.14], wholly above 0 (higher is better).',
    ]);
    expect(decideGate({ ...input, difference: { low: -0.01, high: 0.14, level: 0.95 } })).toEqual({ passed: false, reasons: ['Possibly chance: the 95 % interval of challenger − champion on accuracy is [-0.01, 0.14], which includes 0; log more labelled traffic for a narrower interval.'] });
    const lower: GateInput = { ...input, primary: 'rmse', direction: 'lower', champion: { primary: 10, slices: {} }, challenger: { primary: 12, slices: {} } };
    expect(decideGate({ ...lower, difference: { low: 1, high: 3, level: 0.9 } }).reasons).toEqual([
      'rmse: the challenger does not beat the champion by at least δ — challenger 12, champion 10 (lower is better; gain -2, δ = 0).',
      'Worse: the 90 % interval of challenger − champion on rmse is [1, 3], wholly on the worse side of 0 (lower is better).',
    ]);
    expect(decideGate({ ...input, difference: { low: Number.NaN, high: Number.NaN, level: 0.95 } }).reasons).toEqual(['The difference on accuracy has no interval (too few labelled rows on a side), so the gain cannot be told from chance.']);
  });

  it('fails when a score is missing, and refuses a negative δ or tolerance', () => {
    const missing = decideGate({ ...BASE, challenger: { primary: Number.NaN, slices: { 'region = US': 0.9 } } });
    expect(missing.reasons).toEqual([
      'accuracy is missing for the challenger, so the challenger cannot be shown to be better.',
      'Slice "region = EU": accuracy is missing for the challenger, so a regression there cannot be ruled out.',
    ]);
    expect(() => decideGate({ ...BASE, delta: -0.1 })).toThrow('The gate\'s δ must be a number ≥ 0 (got -0.1)');
    expect(() => decideGate({ ...BASE, sliceTolerance: Number.NaN })).toThrow('The slice tolerance must be a number ≥ 0 (got NaN)');
  });
});
