import { describe, expect, test } from 'vitest';
import { deriveFlow } from '../../../src/lib/prisma/derive';
import { csvFlow, csvRowUrls, reportsAnyCount, reviewFlowView, sourceLabel, withSourceLabels } from '../../../src/lib/prisma/review-flow';
import { makeFlow, makeReview, NOTHING_REPORTED } from '../../helpers/factories';
import { review, tracked } from './demo-review';
import { rec } from './records';
import { vote } from './votes';

const link = (path: string) => `/base${path}`;

describe('reviewFlowView of the tracked fixture review', () => {
  const view = reviewFlowView(review, tracked, link);
  const hrefs = new Map(view.spec.boxes.map((b) => [b.id, b.href]));

  test('draws the flow derived from the records, which agrees with the reported one and closes', () => {
    expect(view.source).toBe('derived');
    expect(view.spec.title).toBe('PRISMA 2020 flow diagram, derived from the tracked records');
    expect([view.disagreements, view.openArms, view.trackingProblems]).toEqual([[], [], []]);
  });

  test('counts records per source under the names the review searched under, in the order it lists them', () => {
    expect(view.flow.identified.per_source).toEqual({ PubMed: 18, PsycINFO: 14 });
  });

  test.each([
    ['identified', '/base/reviews/demo-review/records/#identified'],
    ['removed', '/base/reviews/demo-review/records/#duplicates'],
    ['screened', '/base/reviews/demo-review/records/#screened'],
    ['excluded-screening', '/base/reviews/demo-review/records/#excluded-screening'],
    ['sought', '/base/reviews/demo-review/records/#sought'],
    ['not-retrieved', '/base/reviews/demo-review/records/#not-retrieved'],
    ['assessed', '/base/reviews/demo-review/records/#assessed'],
    ['excluded-full-text', '/base/reviews/demo-review/records/#excluded-full-text'],
    ['included', '/base/reviews/demo-review/#included'],
  ] as const)('links the %s box to %s through the link it is given', (box, href) => {
    expect(hrefs.get(box)).toBe(href);
  });

  test('reports where the derived flow and the reported one disagree', () => {
    const misreported = { ...review, flow: { ...review.flow, screened: 24 } };
    expect(reviewFlowView(misreported, tracked, link).disagreements.map((p) => [p.box, p.actual, p.expected])).toEqual([
      ['screened', 24, 25],
    ]);
  });
});

describe('reviewFlowView', () => {
  test('draws the reported flow of an untracked review, only its included box linking anywhere', () => {
    const view = reviewFlowView(review, null, link);
    expect(view.source).toBe('reported');
    expect(view.flow).toBe(review.flow);
    expect(view.spec.boxes.filter((b) => b.href).map((b) => [b.id, b.href])).toEqual([['included', '/base/reviews/demo-review/#included']]);
    expect([view.disagreements, view.trackingProblems]).toEqual([[], []]);
  });

  test('words each fault of the tracking files and screening log as file:line: problem', () => {
    const r = rec({ doi: '10.5555/rf' });
    const faulty = {
      tracking: {
        sources: [{ name: 'pubmed', file: 'reviews/faulty/records/pubmed.nbib' }],
        records: [r],
        screeningFile: 'reviews/faulty/screening.csv',
        problems: [
          {
            file: 'reviews/faulty/records/notes.txt',
            path: '',
            message: 'is not a search-results file Rapport reads',
            severity: 'warning' as const,
          },
        ],
      },
      derived: deriveFlow({ records: [r], votes: [vote('no-such-record', 'title-abstract', 'alice', 'include')], reasons: [] }),
      studies: {},
    };
    const line = faulty.derived.problems[0]?.line;
    expect(reviewFlowView(makeReview({ id: 'faulty' }), faulty, link).trackingProblems).toEqual([
      'reviews/faulty/records/notes.txt: warning: is not a search-results file Rapport reads',
      `reviews/faulty/screening.csv:${line}: "no-such-record" is not the key of any record in the records files`,
    ]);
  });
});

describe('source labels', () => {
  test.each([
    ['pubmed', 'PubMed'],
    ['psycinfo', 'PsycINFO'],
    ['scopus', 'scopus'],
  ])('labels the source file %s as %s', (file, label) => {
    expect(sourceLabel(review, file)).toBe(label);
  });

  test('leaves a flow without per-source counts as it is', () => {
    const flow = { ...review.flow, identified: { ...review.flow.identified, per_source: null } };
    expect(withSourceLabels(review, flow)).toBe(flow);
  });
});

describe('the PRISMA2020 CSV', () => {
  test.each([
    ['a number', { screened: 0 }, true],
    ['a nested number', { identified: { databases: null, per_source: { PubMed: 3 } } }, true],
    ['only nulls', { identified: { databases: null }, screened: null }, false],
    ['nothing', {}, false],
  ])('says whether a flow holding %s reports a count', (_, flow, expected) => {
    expect(reportsAnyCount(flow)).toBe(expected);
  });

  test('writes the reported flow of a tracked review that reports counts', () => {
    expect(csvFlow(review, tracked)).toEqual({ flow: review.flow, source: 'reported' });
  });

  test('writes the derived flow, with the review’s source names, while a tracked review reports no count', () => {
    const underWay = { ...review, flow: makeFlow({}, NOTHING_REPORTED) };
    expect(csvFlow(underWay, tracked)).toEqual({ flow: withSourceLabels(review, tracked.derived.flow), source: 'derived' });
    expect(csvFlow(underWay, null).source).toBe('reported');
  });

  test.each([
    ['database_results', '/base/reviews/demo-review/records/#identified'],
    ['records_screened', '/base/reviews/demo-review/records/#screened'],
    ['dbr_excluded', '/base/reviews/demo-review/records/#excluded-full-text'],
    ['new_studies', '/base/reviews/demo-review/#included'],
    ['website_results', undefined],
    ['no_such_row', undefined],
  ])('gives the %s row the address %s', (data, href) => {
    expect(csvRowUrls(reviewFlowView(review, tracked, link).spec)(data)).toBe(href);
  });
});
