// Resolving a guide's citations against the study records.
import { describe, expect, test } from 'vitest';
import { checkGuideCitations, citableStudies, citationError, exclusionOf } from '../../../src/lib/guidance/check';
import { makeStudy } from '../../helpers/factories';

const studies = [
  makeStudy({ id: 'cook-2002' }),
  makeStudy({ id: 'gone-2005', reviews: [{ review: 'test-review', decision: 'excluded', reason: 'wrong-population' }] }),
  makeStudy({ id: 'pending-2011', reviews: [{ review: 'test-review', decision: 'pending' }] }),
  makeStudy({
    id: 'both-2009',
    reviews: [
      { review: 'test-review', decision: 'excluded', reason: 'wrong-population' },
      { review: 'other-review', decision: 'included' },
    ],
  }),
];
const file = 'content/guides/a-guide.mdx';
const check = (body: string) => checkGuideCitations({ file, source: `---\ntitle: x\n---\n${body}` }, studies);

describe('checkGuideCitations', () => {
  test('accepts citations of studies in the evidence', () => {
    expect(check('<Cite id="cook-2002" /> <Evidence ids={["pending-2011", "both-2009"]} about={["alliance.finding"]} />')).toEqual([]);
  });

  test('rejects an unknown id, naming the file, the line and the id, with a suggestion', () => {
    expect(check('\n<Evidence ids={["cook-2020"]} about={["alliance.finding"]} />')).toEqual([
      {
        file,
        line: 5,
        path: '',
        severity: 'error',
        message: '<Evidence> cites study "cook-2020", which is not a study record. Did you mean "cook-2002"?',
      },
    ]);
  });

  test('rejects an unknown id with no near match, naming where the record would be', () => {
    expect(check('<Cite id="nobody-1999" />')[0]?.message).toBe(
      '<Cite> cites study "nobody-1999", which is not a study record: there is no studies/nobody-1999.yaml',
    );
  });

  test('rejects a study the review excluded, giving the review and the reason', () => {
    expect(check('<Point ids={["gone-2005"]} about={["alliance.finding"]}>x</Point>')).toEqual([
      expect.objectContaining({
        file,
        line: 4,
        severity: 'error',
        message:
          '<Point> cites study "gone-2005", which is excluded by review "test-review" (reason: wrong-population): guidance may only cite studies in the evidence',
      }),
    ]);
  });

  test('rejects a citation it cannot read', () => {
    expect(check('<Evidence ids={someIds} about={["alliance.finding"]} />')).toEqual([
      expect.objectContaining({
        line: 4,
        severity: 'error',
        message: expect.stringContaining('must name its studies as ids={["study-id", ...]}'),
      }),
    ]);
  });
});

describe('exclusionOf', () => {
  test.each([
    ['cook-2002', undefined],
    ['pending-2011', undefined],
    ['both-2009', undefined],
    ['gone-2005', 'excluded by review "test-review" (reason: wrong-population)'],
  ])('%s -> %s', (id, expected) => {
    expect(exclusionOf(studies.find((s) => s.id === id)!)).toBe(expected);
  });

  test('citableStudies keeps every study no review excludes outright', () => {
    expect(citableStudies(studies).map((s) => s.id)).toEqual(['cook-2002', 'pending-2011', 'both-2009']);
  });
});

describe('citationError', () => {
  test('names every fault as file:line: message', () => {
    const error = citationError(check('<Cite id="nobody-1999" />\n<Cite id="gone-2005" />'));
    expect(error.message).toMatch(/^Guidance cites studies it may not:\ncontent\/guides\/a-guide\.mdx:4: <Cite> cites study "nobody-1999"/);
    expect(error.message).toContain('content/guides/a-guide.mdx:5: <Cite> cites study "gone-2005"');
  });

  test.each([
    ['<Point ids={["cook-2002"]}>x</Point>', 'Point'],
    ['<Evidence ids={["cook-2002"]} />', 'Evidence'],
  ])('rejects a finding that does not say which facts it relies on: %s', (source, component) => {
    expect(check(source)).toEqual([
      expect.objectContaining({
        file,
        line: 4,
        severity: 'error',
        message: expect.stringContaining(`<${component}> must say which facts the finding relies on, as about={[`),
      }),
    ]);
  });
});
