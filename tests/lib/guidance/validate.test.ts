// All guide checks together, as `npm run validate` runs them.
import { describe, expect, test } from 'vitest';
import { checkGuides, frontmatterLine } from '../../../src/lib/guidance/validate';
import { guideSchema } from '../../../src/schemas';
import { makeStudy } from '../../helpers/factories';

const study = makeStudy({
  id: 'cook-2002',
  provenance: { verification: 'abstract', unverified_fields: [], sources: [], added: '2026-01-01', updated: '2026-06-01' },
});
const source = (reviewed: string, body: string) =>
  `---\ntitle: G\nsummary: S\naudience: [practitioners]\nreviewed: ${reviewed}\norder: 1\n---\n${body}\n`;
const guide = (reviewed: string, body: string) => ({
  file: 'content/guides/g.mdx',
  source: source(reviewed, body),
  data: guideSchema.parse({ title: 'G', summary: 'S', audience: ['practitioners'], reviewed, order: 1 }),
});

describe('checkGuides', () => {
  test('passes a guide reviewed after its evidence changed', () => {
    expect(checkGuides([guide('2026-06-01', '<Cite id="cook-2002" />')], [study])).toEqual([]);
  });

  test('warns when cited evidence changed after review, on the reviewed line', () => {
    expect(checkGuides([guide('2026-05-01', '<Cite id="cook-2002" />')], [study])).toEqual([
      expect.objectContaining({ severity: 'warning', path: 'reviewed', line: 5 }),
    ]);
  });

  test('reports an unknown id as an error and does not count it towards staleness', () => {
    expect(checkGuides([guide('2026-06-01', '<Cite id="ghost-1999" />')], [study])).toEqual([
      expect.objectContaining({ severity: 'error', line: 8, message: expect.stringContaining('"ghost-1999"') }),
    ]);
  });
});

describe('frontmatterLine', () => {
  test.each([
    ['title', 2],
    ['reviewed', 5],
    ['missing', undefined],
  ])('finds %s on line %s', (field, line) => {
    expect(frontmatterLine(source('2026-01-01', ''), field)).toBe(line);
  });
});
