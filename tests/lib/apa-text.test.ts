import { describe, expect, test } from 'vitest';
import { plainArticleApa } from '../../src/lib/apa-text';
import { citeprocApa, formatApa, toCsl, type CitationFields } from '../../src/lib/citation';
import { seededRandom } from '../../src/lib/random';
import { loadContent } from '../../src/loaders/content';
import { syntheticStudies } from '../../scripts/lib/synthetic';

const content = loadContent('content');

/** Citation fields drawn from pools of plain values (mostly) and of values citeproc rewrites (sometimes). */
function generated(count: number): CitationFields[] {
  const rnd = seededRandom(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const mix = <T>(plain: readonly T[], tricky: readonly T[]): T => (rnd() < 0.85 ? pick(plain) : pick(tricky));
  const family = () =>
    mix(['Chen', 'McLaren', 'García', 'Müller', 'Smith-Jones', 'Ng', 'Li'], ["O'Brien", 'van Dijk', 'de la Cruz', 'ALLCAPS', 'Le-compte']);
  const given = () =>
    mix(['A.', 'Jonathan E.', 'M. S.', 'Marie-Sophie', 'J.-P.', 'Ève', 'A. B. C.', 'Ben'], ["D'Arcy J.", 'JR', 'anna', 'J.P.', 'A.-b.']);
  const title = () =>
    mix(
      [
        'Assessment of the alliance: a trial',
        'Does it work?',
        'A title ending with a full stop.',
        'Online therapy (a pilot) in 2010',
        'e-Therapy and the bond',
        'lower-case start',
        'Alliance, goals; tasks',
        'Part 2. The follow-up',
        'Dr. Who and the alliance',
      ],
      [
        'A "quoted" title',
        "The client's view",
        'Therapy - a view',
        'Rock & roll',
        'Ends with colon:',
        'Wow!',
        'Ends with comma,',
        'Two  spaces',
        'Dash – here',
      ],
    );
  const journal = () =>
    mix(
      [
        'Journal of Synthetic Data',
        'Cyberpsychology, Behavior, and Social Networking',
        'JMIR',
        'Journal of the Society for Research in Therapy',
        'Psychotherapy Research',
      ],
      [
        'J. Med. Internet Res.',
        'Psychotherapy & Psychosomatics',
        'Telemedicine Journal and e-Health',
        'journal of lower case',
        'Studies in the Use of Things',
      ],
    );
  return Array.from({ length: count }, () => {
    const authors = Array.from({ length: 1 + Math.floor(rnd() * (rnd() < 0.1 ? 24 : 4)) }, () => `${family()}, ${given()}`);
    const volume = mix([undefined, '13', '2', '101'], ['Suppl', '0', '1a']);
    const issue = mix([undefined, '1', '4'], ['2-3', 'S1']);
    const pages = mix([undefined, '29-35', '95-105', '999-1007', 'e110', '13'], ['164-8', 'e31-e40', '35-29', 'S1-S9', '12–14']);
    const doi = mix([undefined, '10.1089/cyber.2009.0139', '10.2196/jmir.2084'], ['10.1000/a(b)c', '10.1000/x_y', '10.1000/end.']);
    return {
      title: title(),
      year: 1990 + Math.floor(rnd() * 35),
      journal: journal(),
      authors,
      ...(volume && { volume }),
      ...(issue && { issue }),
      ...(pages && { pages }),
      ...(doi && { doi }),
    } as CitationFields;
  });
}

describe('the fast APA text of a plain journal article', () => {
  const cases: [string, CitationFields[]][] = [
    ['the real study records and their further reports', content.studies.flatMap((s) => [s.data, ...(s.data.reports ?? [])])],
    ['the real review records', content.reviews.map((r) => r.data.citation)],
    ['synthetic benchmark studies', syntheticStudies(200) as unknown as CitationFields[]],
    ['generated records with names, titles and pages citeproc rewrites', generated(1500)],
  ];

  test.each(cases)('is the text citeproc writes, or left to citeproc, for %s', (_, records) => {
    expect(records.length).toBeGreaterThan(0);
    for (const [i, r] of records.entries()) {
      const item = toCsl(`item-${i}`, r);
      const fast = plainArticleApa(item);
      if (fast !== undefined) expect(fast).toBe(citeprocApa(item));
    }
  });

  test('covers the plain records, so a build does not pay for citeproc on them', () => {
    const plain = syntheticStudies(200).map((s, i) => toCsl(`s-${i}`, s as unknown as CitationFields));
    expect(plain.filter((item) => plainArticleApa(item) !== undefined).length).toBe(plain.length);
    const generatedTaken = generated(1500).filter((r, i) => plainArticleApa(toCsl(`g-${i}`, r)) !== undefined).length;
    expect(generatedTaken).toBeGreaterThan(100);
  });

  test.each([
    ['a particle in a family name', { authors: ['van Dijk, J.'] }],
    ['initials without full stops', { authors: ['Ruiz, JR'] }],
    ['straight quotes in the title', { title: 'A "quoted" title' }],
    ['an abbreviated page range', { pages: '164-8' }],
    ['more than 19 authors', { authors: Array.from({ length: 21 }, (_, i) => `Chen, ${String.fromCharCode(65 + i)}.`) }],
  ])('leaves %s to citeproc', (_, overrides) => {
    const base = { title: 'A trial', year: 2010, journal: 'Journal of Tests', authors: ['Chen, A.'] };
    expect(plainArticleApa(toCsl('x', { ...base, ...overrides } as CitationFields))).toBeUndefined();
  });

  test('keeps "et al." for an incomplete author list', () => {
    const item = toCsl('x', {
      title: 'A trial',
      year: 2010,
      journal: 'Journal of Tests',
      authors: ['Chen, A.'],
      authors_incomplete: true,
    } as CitationFields);
    expect(formatApa(item)).toBe('Chen, A., et al. (2010). A trial. Journal of Tests.');
  });
});
