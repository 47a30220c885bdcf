// The checks across records for the update's new fields: a review's synthesis.includes names records
// that exist, and a review's databases_searched agrees with its records folder.
import { describe, expect, test } from 'vitest';
import { deriveFlow } from '../../../src/lib/prisma/derive';
import { crossCheck } from '../../../src/lib/validation/cross-checks';
import { checkReviewFlows } from '../../../src/lib/validation/flow-checks';
import { makeReview, makeStudy } from '../../helpers/factories';
import { rec } from '../prisma/records';
import { agree } from '../prisma/votes';

const review = makeReview();
const file = (id: string) => ({ file: `content/studies/${id}.yaml` });
const meta = (includes: string[]) =>
  makeStudy({
    id: 'meta-2019',
    doi: '10.5555/meta.2019',
    pmid: '99990001',
    design: 'meta-analysis',
    synthesis: { searched_to: '2018-06', studies_included: 2, pooled: [], includes },
  });

describe('synthesis.includes across records', () => {
  test('accepts ids of study records kept here', () => {
    const problems = crossCheck(
      [
        { ...file('doe-2010'), data: makeStudy() },
        { ...file('meta-2019'), data: meta(['doe-2010']) },
      ],
      [{ file: 'content/reviews/test-review.yaml', data: review }],
    );
    expect(problems).toEqual([]);
  });

  test('names an id that is no study record, at its place in the list', () => {
    const problems = crossCheck(
      [
        { ...file('doe-2010'), data: makeStudy() },
        { ...file('meta-2019'), data: meta(['doe-2010', 'nobody-2001']) },
      ],
      [{ file: 'content/reviews/test-review.yaml', data: review }],
    );
    expect(problems.map((p) => [p.file, p.path, p.severity])).toEqual([
      ['content/studies/meta-2019.yaml', 'synthesis.includes[1]', 'error'],
    ]);
    expect(problems[0]?.message).toBe('names "nobody-2001", which is not a study record: list only studies kept in content/studies/');
  });

  test('does not judge a link to a record that was refused (its own file has the error)', () => {
    const problems = crossCheck(
      [{ ...file('meta-2019'), data: meta(['broken-2001']) }],
      [{ file: 'content/reviews/test-review.yaml', data: review }],
      new Set(['broken-2001']),
    );
    expect(problems).toEqual([]);
  });
});

describe('databases_searched against the records folder', () => {
  const otherMethods = [{ source: 'citations', method: 'citations' as const }];
  const c1 = rec({ source: 'citations', doi: '10.5555/dbs.1' });
  const votes = agree(c1.key, 'full-text', 'exclude', 'wrong-population');
  const reported = (flow: Record<string, unknown>) =>
    makeReview({
      flow: {
        other_methods: { identified: { citations: 1 }, sought: 1, not_retrieved: 0, assessed: 1, excluded: { 'wrong-population': 1 } },
        included_studies: 0,
        included_reports: 0,
        ...flow,
      } as never,
    });
  const paths = (r: ReturnType<typeof reported>, sources: string[]) =>
    checkReviewFlows('r.yaml', r, [], deriveFlow({ records: [c1], votes, reasons: r.exclusion_reasons, otherMethods, sources })).map(
      (p) => p.path,
    );

  test('accepts a review that says no database was searched when every records file is another method', () => {
    expect(paths(reported({ databases_searched: false }), ['citations'])).toEqual([]);
  });

  test('refuses "no database was searched" when the folder holds a database file', () => {
    expect(paths(reported({ databases_searched: false }), ['citations', 'pubmed'])).toContain('flow.databases_searched');
  });

  test('asks for databases_searched: false when a review reports database boxes but every records file is another method', () => {
    expect(paths(reported({ screened: 0 }), ['citations'])).toEqual(['flow.databases_searched']);
  });
});
