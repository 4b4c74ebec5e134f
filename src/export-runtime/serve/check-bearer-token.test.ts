// Bearer tokens and canary routing: the pure checks behind the service's 401s and x-model-version.

import { describe, expect, it } from 'vitest';
import { createTokenCheck, describeChallenge } from './check-bearer-token';
import { createVersionChooser, hashToUnit } from './choose-version';

describe('createTokenCheck', () => {
  it('accepts exactly the token, under any case of "Bearer", and says why it refuses', () => {
    const check = createTokenCheck('s3cret');
    expect([check('Bearer s3cret'), check('bearer s3cret'), check('Bearer  s3cret ')]).toEqual([null, null, null]);
    expect([check(undefined), check(''), check('Basic czNjcmV0'), check('Bearer')]).toEqual(['missing', 'missing', 'missing', 'missing']);
    expect([check('Bearer s3cre'), check('Bearer s3cret2'), check('Bearer S3CRET')]).toEqual(['invalid', 'invalid', 'invalid']);
    expect([describeChallenge('missing'), describeChallenge('invalid')]).toEqual(['Bearer realm="mlstudio"', 'Bearer realm="mlstudio", error="invalid_token"']);
  });
});

describe('createVersionChooser', () => {
  it('sends a key to the same version every time, and a share of distinct keys close to the share', () => {
    const choose = createVersionChooser(0.25, 'x-request-key', () => 0.99);
    const picks = Array.from({ length: 4000 }, (_, i) => choose({ 'x-request-key': `user-${i}` }));
    expect(Math.abs(picks.filter((p) => p === 'canary').length / 4000 - 0.25)).toBeLessThanOrEqual(0.02);
    expect(picks.slice(0, 50)).toEqual(Array.from({ length: 50 }, (_, i) => choose({ 'x-request-key': `user-${i}` })));
    expect(hashToUnit('user-0')).toBe(hashToUnit('user-0'));
  });

  it('routes a request without the key at random, and never or always at shares 0 and 1', () => {
    const draws = [0.1, 0.3];
    const choose = createVersionChooser(0.25, 'x-user', () => draws.shift() as number);
    expect([choose({}), choose({ 'x-user': '' })]).toEqual(['canary', 'main']);
    expect(createVersionChooser(0, 'x-user')({ 'x-user': 'a' })).toBe('main');
    expect(createVersionChooser(1, 'x-user')({ 'x-user': 'a' })).toBe('canary');
  });
});
