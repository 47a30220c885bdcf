import { describe, expect, test } from 'vitest';
import { buildFacetIndex, openFacetIndex, queryFacetIndex } from '../../src/lib/facet-index';
import { facets, studyFilters } from '../../src/lib/facets';
import { studyRow, explorerPageSize } from '../../src/lib/explorer';
import { seededRandom } from '../../src/lib/random';
import { studySchema, type Study } from '../../src/schemas';
import { syntheticStudies } from '../../scripts/lib/synthetic';

const studies: Study[] = syntheticStudies(400, 3)
  .map((s) => studySchema.parse(s))
  .sort((a, b) => a.year - b.year || a.id.localeCompare(b.id));
const index = openFacetIndex(JSON.parse(JSON.stringify(buildFacetIndex(studies))));

/** The same question answered the slow way, from the records: what the Pagefind path answers. */
function reference(filters: Record<string, string[]>) {
  const matches = (s: Study, without?: string) =>
    Object.entries(filters).every(([name, labels]) => name === without || (studyFilters(s)[name] ?? []).some((l) => labels.includes(l)));
  const counts: Record<string, Record<string, number>> = {};
  for (const f of facets) {
    counts[f.name] = {};
    for (const s of studies.filter((x) => matches(x, f.name)))
      for (const l of studyFilters(s)[f.name] ?? []) counts[f.name]![l] = (counts[f.name]![l] ?? 0) + 1;
  }
  return { ids: studies.filter((s) => matches(s)).map((s) => s.id), counts };
}

describe('the explorer facet index', () => {
  const rnd = seededRandom(9);
  const queries = Array.from({ length: 40 }, () => {
    const filters: Record<string, string[]> = {};
    for (const f of facets) {
      if (rnd() < 0.7) continue;
      const labels = [...new Set(studies.flatMap((s) => studyFilters(s)[f.name] ?? []))];
      filters[f.name] = labels.filter(() => rnd() < 0.4);
      if (filters[f.name]!.length === 0) filters[f.name] = [labels[0]!];
    }
    return filters;
  });

  test.each(queries.map((q, i) => [i, q] as const))(
    'answers filter combination %i as the records do, with facet counts ignoring their own selection',
    (_, filters) => {
      const want = reference(filters);
      const got = queryFacetIndex(index, { filters, sort: 'year-asc', page: 1 }, '/');
      expect(got.total).toBe(want.ids.length);
      expect(got.rows.map((r) => r.id)).toEqual(want.ids.slice(0, explorerPageSize));
      expect(got.counts).toEqual(want.counts);
    },
  );

  test('gives each row the text and address the server-rendered table gives it', () => {
    const got = queryFacetIndex(index, { filters: {}, sort: 'year-asc', page: 2 }, '/rapport/');
    const want = studies.slice(explorerPageSize, 2 * explorerPageSize);
    expect(got.rows).toEqual(want.map((s) => ({ ...studyRow(s), url: `/rapport/studies/${s.id}/` })));
    expect(got.range).toMatchObject({ page: 2, first: explorerPageSize + 1 });
  });

  test.each([
    ['year-desc', (a: Study, b: Study) => b.year - a.year],
    ['size-desc', (a: Study, b: Study) => (b.sample_size ?? 0) - (a.sample_size ?? 0)],
    ['size-asc', (a: Study, b: Study) => (a.sample_size ?? 0) - (b.sample_size ?? 0)],
    [
      'title-asc',
      (a: Study, b: Study) => (a.title.toLowerCase() < b.title.toLowerCase() ? -1 : a.title.toLowerCase() > b.title.toLowerCase() ? 1 : 0),
    ],
  ] as const)('sorts by %s, ties in table order', (sort, compare) => {
    const all = queryFacetIndex(index, { filters: {}, sort, page: 1 }, '/');
    const order = studies.map((s, i) => [s, i] as const).sort(([a, i], [b, j]) => compare(a, b) || i - j);
    expect(all.rows.map((r) => r.id)).toEqual(order.slice(0, explorerPageSize).map(([s]) => s.id));
  });

  test('matches no study for a label no study has', () => {
    expect(queryFacetIndex(index, { filters: { modality: ['Carrier pigeon'] }, sort: 'year-asc', page: 1 }, '/').total).toBe(0);
  });

  test('answers a facet click at 10,000 studies in well under the 100 ms a click may take', () => {
    const big = syntheticStudies(10_000).map((s) => studySchema.parse(s));
    const large = openFacetIndex(JSON.parse(JSON.stringify(buildFacetIndex(big))));
    const t0 = performance.now();
    queryFacetIndex(
      large,
      { filters: { modality: ['Videoconference'], design: ['Randomized controlled trial'] }, sort: 'size-desc', page: 1 },
      '/',
    );
    expect(performance.now() - t0).toBeLessThan(100);
  });
});
