// The data layer, tested without a build: astro:content is a stand-in filled here.
import { beforeEach, describe, expect, test } from 'vitest';
import { clearCollections, setCollection } from '../helpers/astro-content';
import { getStudies, getStudy } from '../../src/data/studies';
import { getReviews } from '../../src/data/reviews';
import { evidenceMapFor, forestFor, timelineFor } from '../../src/data/charts';
import { makeReview, makeStudy } from '../helpers/factories';

const entry = (data: { id: string }) => ({ id: data.id, data });

beforeEach(() => {
  clearCollections();
  setCollection('studies', [
    entry(makeStudy({ id: 'b-2010', year: 2010, doi: '10.1000/b' })),
    entry(makeStudy({ id: 'a-2010', year: 2010, doi: '10.1000/a' })),
    entry(makeStudy({ id: 'c-2001', year: 2001, doi: '10.1000/c', reviews: [{ review: 'test-review', decision: 'pending' }] })),
  ]);
  setCollection('reviews', [entry(makeReview({ id: 'z-review' })), entry(makeReview({ id: 'a-review' }))]);
});

describe('src/data/studies', () => {
  test('gives every study record, by year and then id', async () => {
    expect((await getStudies()).map((s) => s.id)).toEqual(['c-2001', 'a-2010', 'b-2010']);
  });

  test('finds one study by id, and nothing for an unknown id', async () => {
    expect((await getStudy('a-2010'))?.id).toBe('a-2010');
    expect(await getStudy('nobody-1999')).toBeUndefined();
  });
});

describe('src/data/reviews', () => {
  test('gives every review record, by id', async () => {
    expect((await getReviews()).map((r) => r.id)).toEqual(['a-review', 'z-review']);
  });
});

describe('src/data/charts', () => {
  test('draws only the evidence: the pending record is in no chart', async () => {
    const studies = await getStudies();
    expect(evidenceMapFor(studies).studies).toBe(2);
    expect(timelineFor(studies).table.rows.map((r) => r[0])).toEqual([2010]);
    expect(JSON.stringify(forestFor(studies))).not.toContain('c-2001');
  });

  test('links each evidence-map cell to the explorer filtered to the included studies', async () => {
    const cell = evidenceMapFor(await getStudies()).cells.find((c) => c.count > 0);
    expect(cell?.href).toMatch(/^\/studies\/\?modality=\w[\w-]*&finding=[\w-]+&decision=included$/);
  });
});
