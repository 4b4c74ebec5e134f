import { describe, expect, it } from 'vitest';
import { describeError } from './error-message';
import { DataError, StudioError } from '../core/errors';

describe('describeError', () => {
  it('shows our own errors as they are, also when only name/message crossed a worker', () => {
    expect([
      describeError(new DataError('The file "a.csv" is empty. Choose a file with a header row.')),
      describeError(new StudioError('StorageError', 'ML Studio is open in another tab.')),
      describeError({ name: 'DataError', message: 'Unbalanced quote on line 3.' }),
    ]).toEqual(['The file "a.csv" is empty. Choose a file with a header row.', 'ML Studio is open in another tab.', 'Unbalanced quote on line 3.']);
  });

  it('explains a full quota', () => {
    const error = new Error('quota');
    error.name = 'QuotaExceededError';
    expect(describeError(error)).toBe(
      'The browser refused to store more data (storage is full). Delete datasets you no longer need on the Home page and try again.',
    );
  });

  it('wraps unexpected errors and non-errors', () => {
    expect([describeError(new TypeError('x is undefined')), describeError('boom')]).toEqual([
      'Something went wrong: x is undefined. Try again, or reload the page.',
      'Something went wrong: boom. Try again, or reload the page.',
    ]);
  });
});
