// Dates are calendar dates and counts are plausible: the rules every record schema shares.
import { describe, expect, test } from 'vitest';
import { z } from 'astro/zod';
import { count, dateFault, isoDate, latestToday, pastDate, pastMonthOrDate } from '../../src/schemas/common';
import { explainIssue } from '../../src/lib/validation/zod-issues';

/** The one-line messages a value gets from a schema (empty when it is accepted). */
function messages(schema: z.ZodTypeAny, value: unknown): string[] {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.flatMap((i) => explainIssue(i, value, schema)).map((f) => f.message);
}

const daysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('isoDate', () => {
  test.each(['2026-02-28', '2024-02-29', '2000-02-29', '2026-12-31'])('accepts %s', (date) => {
    expect(isoDate.parse(date)).toBe(date);
  });

  test("accepts a YAML Date (as Astro's loader reads an unquoted date) and keeps it as text", () => {
    expect(isoDate.parse(new Date('2026-01-01'))).toBe('2026-01-01');
  });

  test.each([
    ['a 31 February', '2026-02-31', 'is not a calendar date: February 2026 has 28 days'],
    ['a 29 February outside a leap year', '2025-02-29', 'is not a calendar date: February 2025 has 28 days'],
    ['a 29 February of a century year that is not a leap year', '1900-02-29', 'February 1900 has 28 days'],
    ['a 31 April', '2026-04-31', 'April 2026 has 30 days'],
    ['a month 13', '2026-13-01', 'must be a date written YYYY-MM-DD'],
    ['a time stamp with a time zone', '2026-01-01T23:00:00-05:00', 'must be a date written YYYY-MM-DD (got "2026-01-01T23:00:00-05:00")'],
    ['a day and month the wrong way round', '27/11/2026', 'must be a date written YYYY-MM-DD'],
  ])('refuses %s with one message', (_, value, message) => {
    const found = messages(isoDate, value);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(message);
  });

  test('refuses a YAML Date with a time of day (a time stamp), rather than keeping the shifted day', () => {
    expect(messages(isoDate, new Date('2026-01-02T04:00:00Z'))).toEqual(['must be a date written YYYY-MM-DD']);
  });
});

describe('pastDate and pastMonthOrDate', () => {
  test('accept today, and a date that is today east of Greenwich', () => {
    expect(pastDate.parse(daysFromToday(0))).toBe(daysFromToday(0));
    expect(pastDate.parse(latestToday())).toBe(latestToday());
    expect(pastMonthOrDate.parse(daysFromToday(0).slice(0, 7))).toBe(daysFromToday(0).slice(0, 7));
  });

  test.each([
    ['pastDate', daysFromToday(2), pastDate],
    ['pastDate', '2099-01-01', pastDate],
    ['pastMonthOrDate', '2099-01', pastMonthOrDate],
    ['pastMonthOrDate', daysFromToday(2), pastMonthOrDate],
  ])('%s refuses %s', (_, value, schema) => {
    expect(messages(schema, value)).toEqual([expect.stringContaining('must not be in the future')]);
  });

  test('pastMonthOrDate checks the day of a date too', () => {
    expect(messages(pastMonthOrDate, '2011-02-30')).toEqual([expect.stringContaining('February 2011 has 28 days')]);
  });
});

describe('dateFault', () => {
  test('says nothing of a real date or month', () => {
    expect([dateFault('2026-02-28'), dateFault('2026-02', true)]).toEqual([undefined, undefined]);
  });
});

describe('count', () => {
  test.each([0, 1, 10_000_000])('accepts %d', (n) => {
    expect(count.parse(n)).toBe(n);
  });

  test.each([
    ['1e20', 1e20, 'must be at most 10,000,000'],
    ['10,000,001', 10_000_001, 'must be at most 10,000,000'],
    ['.inf', Infinity, 'must be a finite whole number'],
    ['-.inf', -Infinity, 'must be a finite whole number'],
    ['2.5', 2.5, 'expected a whole number, got 2.5'],
    ['-1', -1, 'must not be negative'],
    ['.nan', NaN, 'has the wrong type (expected a number, got NaN)'],
  ])('refuses %s, its first message naming the fault', (_, n, message) => {
    expect(messages(count, n)[0]).toContain(message);
  });
});
