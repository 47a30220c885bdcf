// Values quoted in messages are escaped, so a message stays one line whatever the record holds.
import { describe, expect, test } from 'vitest';
import { studySchema } from '../../../src/schemas';
import { describeValue, explainIssue } from '../../../src/lib/validation/zod-issues';
import { studyInput } from '../../helpers/factories';

describe('describeValue', () => {
  test.each([
    ['a newline', 'a\nb', '"a\\nb"'],
    ['an ANSI escape', '\u001b[31mred', '"\\u001b[31mred"'],
    ['Infinity', Infinity, 'Infinity'],
    ['an invalid date', new Date(NaN), 'an invalid date'],
  ])('renders %s on one line', (_, value, shown) => {
    expect(describeValue(value)).toBe(shown);
  });
});

describe('explainIssue', () => {
  test('quotes a rejected value with a newline and an ANSI escape as escapes', () => {
    const input = { ...studyInput(), design: 'rct\ncontent/studies/x.yaml:1 id: \u001b[31mforged' };
    const result = studySchema.safeParse(input);
    expect(result.success).toBe(false);
    const messages = result.success ? [] : result.error.issues.flatMap((i) => explainIssue(i, input, studySchema)).map((f) => f.message);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('got "rct\\ncontent/studies/x.yaml:1 id: \\u001b[31mforged")');
    expect(messages[0]).not.toMatch(/[\n\u001b]/);
  });
});
