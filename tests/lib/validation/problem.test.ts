// Every message is one line: values printed in a problem cannot start a line of their own or act on the terminal.
import { describe, expect, test } from 'vitest';
import { escapeText, formatProblem, type Problem } from '../../../src/lib/problem';

const problem = (overrides: Partial<Problem>): Problem => ({
  file: 'content/studies/doe-2010.yaml',
  line: 3,
  path: 'title',
  message: 'is wrong',
  severity: 'error',
  ...overrides,
});

describe('escapeText', () => {
  test.each([
    ['a newline', 'a\nb', 'a\\nb'],
    ['a carriage return', 'a\r\nb', 'a\\r\\nb'],
    ['a tab', 'a\tb', 'a\\tb'],
    ['an ANSI colour code', '\u001b[31mred\u001b[0m', '\\u001b[31mred\\u001b[0m'],
    ['a NUL byte and DEL', 'a\u0000b\u007f', 'a\\u0000b\\u007f'],
    ['a C1 control (CSI)', 'a\u009bb', 'a\\u009bb'],
    ['the Unicode line and paragraph separators', 'a\u2028b\u2029c', 'a\\u2028b\\u2029c'],
    ['a bidirectional override', 'abc\u202edef', 'abc\\u202edef'],
  ])('writes %s as an escape', (_, text, escaped) => {
    expect(escapeText(text)).toBe(escaped);
  });

  test('leaves ordinary text, accents and quotes as they are', () => {
    expect(escapeText('Müller, "Ö" – 50% ✓')).toBe('Müller, "Ö" – 50% ✓');
  });
});

describe('formatProblem', () => {
  test('prints file:line field: message', () => {
    expect(formatProblem(problem({}))).toBe('content/studies/doe-2010.yaml:3 title: is wrong');
  });

  test('cannot be made to print a second file:line field: message line by a value with a newline', () => {
    const forged = formatProblem(problem({ message: 'is not allowed (got "x\ncontent/studies/other.yaml:1 id: forged")', path: 'a\nb' }));
    expect(forged.split('\n')).toHaveLength(1);
    expect(forged).toBe('content/studies/doe-2010.yaml:3 a\\nb: is not allowed (got "x\\ncontent/studies/other.yaml:1 id: forged")');
  });

  test('does not pass ANSI escapes to the terminal, in the message or the file name', () => {
    const line = formatProblem(problem({ file: 'studies/\u001b[2Jx.yaml', message: 'got "\u001b[31mred"' }));
    expect(line).not.toMatch(/\u001b/);
    expect(line).toBe('studies/\\u001b[2Jx.yaml:3 title: got "\\u001b[31mred"');
  });
});
