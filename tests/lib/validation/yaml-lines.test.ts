// Field lines from one parse: the index maps every path once, so locating many faults stays linear.
import { describe, expect, test } from 'vitest';
import { indexLines, lineOf } from '../../../src/lib/validation/yaml-lines';

const text = [
  'id: a',
  'alliance:',
  '  measures:',
  '    - instrument: WAI',
  '      rater: clinet',
  '    - instrument: ARM',
  '      rater: client',
  'flow:',
  '  per_source:',
  '    "0": 5',
  'list: [1, 2]',
].join('\n');

describe('indexLines', () => {
  const index = indexLines(text);
  test.each([
    [['id'], 1],
    [['alliance', 'measures', 0, 'rater'], 5],
    [['alliance', 'measures', 1, 'instrument'], 6],
    [['alliance', 'measures', 0, 'missing'], 4],
    [['alliance', 'measures', 7], 3],
    [['flow', 'per_source', '0'], 10],
    [['nothing'], 1],
  ] as const)('finds %j on line %i (or its nearest parent)', (segments, line) => {
    expect(index.lineOf(segments)).toBe(line);
    expect(lineOf(text, segments)).toBe(line);
  });

  test('gives no line for an empty text', () => {
    expect(indexLines('').lineOf(['id'])).toBeUndefined();
  });

  test('does not follow aliases (a billion-laughs file is indexed in one pass)', () => {
    const laughs = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...Array.from({ length: 9 }, (_, i) => `${'bcdefghij'[i]}: &${'bcdefghij'[i]} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(', ')}]`),
    ].join('\n');
    const started = performance.now();
    expect(indexLines(laughs).lineOf(['j', 3])).toBe(10);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  test('locates 20,000 faults of a 20,000-item list from one parse, in seconds', () => {
    const big = `items:\n${Array.from({ length: 20_000 }, (_, i) => `  - name: item ${i}\n    value: ${i}`).join('\n')}\n`;
    const started = performance.now();
    const index = indexLines(big);
    const found = Array.from({ length: 20_000 }, (_, i) => index.lineOf(['items', i, 'value']));
    const elapsed = performance.now() - started;
    expect(found).toEqual(Array.from({ length: 20_000 }, (_, i) => 3 + 2 * i));
    expect(elapsed).toBeLessThan(5000);
  });
});
