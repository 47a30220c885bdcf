// A group author, written in braces as BibTeX writes one ("{Rapport contributors}"), is one name:
// cited as itself, never as a person "Rapport, C.".
import { describe, expect, test } from 'vitest';
import { author } from '../../src/schemas/common';
import { formatApa, parseAuthor, toCsl } from '../../src/lib/citation';
import { familyName } from '../../src/lib/format';
import { highwireTags } from '../../src/lib/metadata';

const citation = { title: 'A living review', year: 2026, journal: 'Rapport', authors: ['{Rapport contributors}'] };

describe('group authors', () => {
  test.each(['{Rapport contributors}', 'Germain, Vanessa', 'Cook, J. E.'])('the schema accepts %j', (name) => {
    expect(author.safeParse(name).success).toBe(true);
  });

  test.each(['Rapport contributors', '{Rapport, contributors}', '{Rapport} contributors', '{}', 'Germain, {Vanessa}'])(
    'the schema refuses %j',
    (name) => {
      expect(author.safeParse(name).success).toBe(false);
    },
  );

  test('read as one literal name, for citations, and as the family name for short citations', () => {
    expect(parseAuthor('{Rapport contributors}')).toEqual({ literal: 'Rapport contributors' });
    expect(parseAuthor('Cook, J. E.')).toEqual({ family: 'Cook', given: 'J. E.' });
    expect(familyName('{Rapport contributors}')).toBe('Rapport contributors');
  });

  test('cited in APA by its name, with no initials', () => {
    expect(formatApa(toCsl('x', citation))).toBe('Rapport contributors. (2026). A living review. Rapport.');
  });

  test('given to reference managers without its braces', () => {
    expect(
      highwireTags(citation)
        .filter((t) => t.key === 'citation_author')
        .map((t) => t.content),
    ).toEqual(['Rapport contributors']);
  });
});
