import { describe, expect, it } from '@jest/globals';
import { CombinedError } from '@urql/core';
import { describeProblems } from './api.js';

const badInput = (field: string, message: string) =>
  new CombinedError({ graphQLErrors: [{ message, extensions: { code: 'BAD_USER_INPUT', field } }] });

describe('the problems of a refused mutation', () => {
  it('names the field the API named, without its prefix', () => {
    expect(describeProblems(badInput('deadline', 'deadline: must be after the day of the proposal (2026-11-30)')).fields).toEqual([
      { field: 'deadline', message: 'must be after the day of the proposal (2026-11-30)' },
    ]);
  });

  it('points a problem with one counterparty at the counterparties field', () => {
    expect(describeProblems(badInput('counterpartyProvinces[0]', 'counterpartyProvinces[0]: a province cannot make a commitment to itself')).fields).toEqual([
      { field: 'counterpartyProvinces', message: 'a province cannot make a commitment to itself' },
    ]);
  });

  it('marks every field the five-point rule lists as missing', () => {
    const error = badInput('title', 'title: a commitment must be clear on who (rõ người), what (rõ việc): missing title, deadline, responsible.agency, indicator.target');
    expect(describeProblems(error).fields.map((f) => f.field)).toEqual(['title', 'deadline', 'responsible.agency', 'indicator.target']);
  });

  it('keeps other errors as messages with their codes', () => {
    const error = new CombinedError({ graphQLErrors: [{ message: 'stale', extensions: { code: 'CONFLICT' } }] });
    expect(describeProblems(error)).toEqual({ codes: ['CONFLICT'], fields: [], messages: ['stale'] });
  });
});
