// validate compiles each guide's MDX, so a syntax error that would fail the build fails validate first, on its line.
import { describe, expect, test } from 'vitest';
import { checkMdxSyntax } from '../../../src/lib/validation/mdx-syntax';

const frontmatter = '---\ntitle: T\nsummary: S\n---\n';
const lines = frontmatter.split('\n').length - 1;

describe('checkMdxSyntax', () => {
  test('accepts a guide with components, expressions and Markdown', () => {
    expect(checkMdxSyntax(`${frontmatter}\n# Title\n\n<Evidence ids={["doe-2010"]} />\n\nText with *emphasis*.\n`, lines)).toBeNull();
  });

  test('ignores the frontmatter, whose YAML is not MDX', () => {
    expect(checkMdxSyntax('---\ntitle: "{not an expression"\n---\n\nBody.\n', 3)).toBeNull();
  });

  test.each([
    ['an unclosed expression', `${frontmatter}\n# Title\n\nSome {broken expression\n`, 8, 'expected a corresponding closing brace'],
    ['an unclosed component', `${frontmatter}\n<Point ids={["a"]}>\ntext\n`, 6, 'Expected a closing tag for `<Point>`'],
    ['an HTML comment (MDX has none)', `${frontmatter}\nText.\n\n<!-- note -->\n`, 8, 'Unexpected character `!`'],
    ['an expression that is not JavaScript', `${frontmatter}\n{1 +}\n`, 6, 'Could not parse expression'],
  ])('reports %s on its line of the whole file', (_, source, line, reason) => {
    const fault = checkMdxSyntax(source, lines);
    expect(fault?.line).toBe(line);
    expect(fault?.message).toContain('is not valid MDX: ');
    expect(fault?.message).toContain(reason);
  });
});
