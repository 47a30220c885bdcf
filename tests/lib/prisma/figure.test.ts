import { describe, expect, test } from 'vitest';
import { flowNotices, prismaFigure, TRACKING_PROBLEMS_LISTED, WIDE_DIAGRAM } from '../../../src/lib/prisma/figure';
import { layoutPrismaFlow, prismaBoxText } from '../../../src/lib/prisma/layout';
import { progressView } from '../../../src/lib/prisma/progress';
import { reviewCsvUrls, csvRowUrls, reviewFlowView } from '../../../src/lib/prisma/review-flow';
import { makeFlow } from '../../helpers/factories';
import { review, tracked } from './demo-review';

const link = (path: string) => `/base${path}`;

describe('prismaBoxText', () => {
  const withPrevious = makeFlow({ previous: { studies: 3, reports: 4 } });

  test('gives the same rows and links as the whole layout, without placing a box', () => {
    const hrefFor = (box: string) => (box === 'screened' ? '/records/#screened' : undefined);
    const text = prismaBoxText(withPrevious, { hrefFor });
    const spec = layoutPrismaFlow(withPrevious, { hrefFor });
    expect(text.rows).toEqual(spec.rows);
    expect(text.boxes.map((b) => [b.id, b.href])).toEqual(spec.boxes.map((b) => [b.id, b.href]));
    expect(text.boxes.some((b) => 'x' in b)).toBe(false);
  });

  test('gives the CSV of a review the same links from the box text as from the laid-out diagram', () => {
    const fromText = reviewCsvUrls(review, tracked, link);
    const fromSpec = csvRowUrls(reviewFlowView(review, tracked, link).spec);
    expect(['database_results', 'duplicates', 'records_screened', 'dbr_excluded', 'new_studies', 'website_results'].map(fromText)).toEqual(
      ['database_results', 'duplicates', 'records_screened', 'dbr_excluded', 'new_studies', 'website_results'].map(fromSpec),
    );
  });
});

describe('prismaFigure', () => {
  test('groups the diagram’s table by stage, each row with the address of its box', () => {
    const figure = prismaFigure(
      layoutPrismaFlow(makeFlow({ not_retrieved: null }), { hrefFor: (box) => (box === 'included' ? '/#included' : undefined) }),
    );
    expect(figure.groups.map((g) => g.stage)).toEqual(['Identification', 'Screening', 'Included']);
    expect(figure.groups[1]?.rows.find((r) => r.label === 'Reports not retrieved')).toEqual({
      label: 'Reports not retrieved',
      text: 'not reported',
      href: undefined,
      notReported: true,
    });
    expect(figure.groups[2]?.rows[0]).toEqual({ label: 'Studies included in review', text: '7', href: '/#included', notReported: false });
  });

  test(`takes the full width for a diagram wider than ${WIDE_DIAGRAM} px, and words the flow without its title`, () => {
    const basic = prismaFigure(layoutPrismaFlow(makeFlow()));
    expect([basic.wide, prismaFigure(layoutPrismaFlow(makeFlow({ previous: { studies: 1, reports: 1 } }))).wide]).toEqual([false, true]);
    expect(basic.words).toMatch(/^Identification: 150 records were identified/);
  });
});

describe('flowNotices', () => {
  test.each([
    [1, 1, '1 box', '1 problem', null],
    [2, TRACKING_PROBLEMS_LISTED + 3, '2 boxes', '13 problems', '3'],
  ])('words %i disagreeing boxes and %i tracking problems', (boxes, problems, disagreeing, trackingCount, more) => {
    const box = { box: 'screened', message: '', expected: 1, actual: 2 };
    const notices = flowNotices(
      Array.from({ length: boxes }, () => box),
      Array.from({ length: problems }, (_, i) => `problem ${i}`),
    );
    expect(notices).toMatchObject({ disagreeing, trackingCount, trackingMore: more });
    expect(notices.trackingListed).toHaveLength(Math.min(problems, TRACKING_PROBLEMS_LISTED));
  });
});

describe('progressView as the page shows it', () => {
  const progress = progressView(tracked.derived);

  test('words the summary figures with the nouns that agree with them', () => {
    expect([progress.summary, progress.moreConflicts]).toEqual([
      { votes: '77', awaiting: '0', awaitingNoun: 'records', conflicts: '0', conflictsNoun: 'conflicts' },
      null,
    ]);
  });

  test('gives each stage’s row of the screening table as shown', () => {
    expect(progress.stages[1]?.cells).toEqual({
      records: '10',
      decided: '10',
      awaiting: '0',
      conflicts: '0',
      reviewers: 'alice, ben',
      basedOn: '9 records',
      observed: '78%',
    });
  });
});
