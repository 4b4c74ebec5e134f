import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readAudit } from './audit-dependencies.mjs';

test('a report without high or critical advisories is clean', () => {
  const report = { vulnerabilities: { a: { severity: 'low', via: ['x'] } }, metadata: { vulnerabilities: { low: 1, moderate: 0, high: 0, critical: 0, total: 1 } } };
  assert.equal(readAudit(JSON.stringify(report)).status, 'clean');
});

test('a high advisory fails and is named with its title', () => {
  const report = { vulnerabilities: { papaparse: { severity: 'high', via: [{ title: 'ReDoS in quote handling' }], fixAvailable: true } }, metadata: { vulnerabilities: { high: 1, total: 1 } } };
  assert.deepEqual(readAudit(JSON.stringify(report)), { status: 'vulnerable', lines: ['papaparse (high): ReDoS in quote handling — fix: npm audit fix'] });
});

test('an unreachable endpoint is unavailable, not a failure', () => {
  assert.equal(readAudit(JSON.stringify({ message: '405 Method Not Allowed', statusCode: 405 })).status, 'unavailable');
  assert.equal(readAudit('').status, 'unavailable');
});
