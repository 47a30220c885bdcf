// The checks read YAML as Astro does (js-yaml), except that dates stay as the text the author wrote.
import { describe, expect, test } from 'vitest';
import yaml from 'js-yaml';
import { parseRecordYaml } from '../../../src/lib/validation/yaml-load';

describe('parseRecordYaml', () => {
  test.each([
    ['an impossible unquoted date, which js-yaml would roll over to 2026-03-02', 'd: 2026-02-30', '2026-02-30'],
    ['an unquoted date', 'd: 2026-02-01', '2026-02-01'],
    [
      'a time stamp with a time zone, which js-yaml would shift to the next day',
      'd: 2026-01-01T23:00:00-05:00',
      '2026-01-01T23:00:00-05:00',
    ],
    ['an explicit !!timestamp', 'd: !!timestamp 2026-02-30', '2026-02-30'],
  ])('keeps %s as text', (_, text, value) => {
    expect(parseRecordYaml(text)).toEqual({ d: value });
  });

  test("shows why: js-yaml's default schema changes the day", () => {
    expect((yaml.load('d: 2026-02-30') as { d: Date }).d.toISOString().slice(0, 10)).toBe('2026-03-02');
  });

  test('reads everything else as Astro does: numbers, null, merge keys, special floats', () => {
    const text = 'n: 40\nx: null\nbase: &b {p: 1}\nm:\n  <<: *b\n  q: 2\ninf: .inf\nbig: 1e20\n';
    expect(parseRecordYaml(text)).toEqual(yaml.load(text));
  });

  test('refuses a file of two documents, as Astro does', () => {
    expect(() => parseRecordYaml('id: a\n---\nid: b\n')).toThrow(/expected a single document/);
  });
});
