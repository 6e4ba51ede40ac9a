import { describe, expect, it } from 'vitest';
import { normaliseDate, normaliseStatus, numberFromId, parseFileName } from './decision-fields.js';

describe('normaliseStatus', () => {
  it.each([
    ['Accepted', 'accepted'],
    ['**Approved** on 2020-01-01', 'accepted'],
    ['Proposed', 'proposed'],
    ['Draft', 'proposed'],
    ['under review', 'proposed'],
    ['Deprecated', 'deprecated'],
    ['Rejected', 'rejected'],
    ['Superseded by ADR-12', 'superseded'],
    ['superseded by [ADR-0005](0005-example.md)', 'superseded'],
    ['Accepted, superceded by ADR-7', 'superseded'],
    ['Accepted\n\nSupersedes [1. Record](0001-record.md)', 'accepted'],
    ['Living document', null],
    ['', null],
  ])('%j → %j', (text, status) => {
    expect(normaliseStatus(text)).toBe(status);
  });
});

describe('normaliseDate', () => {
  it.each([
    ['2016-2-12', '2016-02-12'],
    ['2020/01/05', '2020-01-05'],
    ['2020-01-05T10:00:00Z', '2020-01-05'],
    ['05.01.2020', '2020-01-05'],
    ['12 March 2019', '2019-03-12'],
    ['March 12th, 2019', '2019-03-12'],
    ['25/12/2020', '2020-12-25'],
    ['01/05/2020', null],
    ['2021-02-30', null],
    ['someday', null],
    [42, null],
  ])('%j → %j', (value, date) => {
    expect(normaliseDate(value)).toBe(date);
  });

  it('reads YAML dates in UTC', () => {
    expect(normaliseDate(new Date(Date.UTC(2024, 2, 5)))).toBe('2024-03-05');
  });
});

describe('ids from file names and front matter', () => {
  it.each([
    ['docs/decisions/0009-use-plain-junit5.md', 9, 'Use plain junit5'],
    ['adr003-avoid-default-exports.md', 3, 'Avoid default exports'],
    ['ADR-0012_use_pg.md', 12, 'Use pg'],
    ['use-postgres.md', null, 'Use postgres'],
  ])('%s', (fileName, number, title) => {
    expect(parseFileName(fileName)).toEqual({ number, title });
  });

  it.each([
    [12, 12],
    ['0012', 12],
    ['adrs-adr003', 3],
    ['ADR-7', 7],
    ['my-decision', null],
    [null, null],
  ])('front matter id %j', (value, number) => {
    expect(numberFromId(value)).toBe(number);
  });
});
