import { describe, expect, test } from 'vitest';
import { paginate, pageWindow, studyRow } from '../../src/lib/explorer';
import { facetCounts, parseFacetParams, studyFilters } from '../../src/lib/facets';
import { makeStudy } from '../helpers/factories';

describe('studyRow', () => {
  test('writes a study as the table row, marking unconfirmed values and unnamed instruments', () => {
    const study = makeStudy({
      sample_size: null,
      alliance: { ...makeStudy().alliance, measures: [{ instrument: 'unreported', rater: 'client' }] },
      provenance: { ...makeStudy().provenance, unverified_fields: ['sample_size', 'alliance.measures'] },
    });
    expect(studyRow(study)).toEqual({
      id: 'doe-2010',
      cite: 'Doe & Roe (2010)',
      year: '2010',
      modality: 'Videoconference',
      design: 'Randomized controlled trial',
      n: 'not reported (unconfirmed)',
      measure: 'Not named in the sources read (unconfirmed)',
      finding: 'Equivalent',
    });
  });
});

describe('paginate and pageWindow', () => {
  test('splits 120 items into pages of 50, 50 and 20', () => {
    expect(paginate(Array.from({ length: 120 }, (_, i) => i)).map((p) => p.length)).toEqual([50, 50, 20]);
  });

  test('gives one empty page for no items', () => {
    expect(paginate([])).toEqual([[]]);
  });

  test.each([
    [1, 3, [1, 2, 3]],
    [1, 200, [1, 2, 3, 4, null, 200]],
    [100, 200, [1, null, 97, 98, 99, 100, 101, 102, 103, null, 200]],
  ])('links from page %i of %i to %j', (current, pages, expected) => {
    expect(pageWindow(current, pages)).toEqual(expected);
  });
});

describe('facets', () => {
  const email = makeStudy({ id: 'a-2001', modalities: ['email', 'chat'] });
  const video = makeStudy({ id: 'b-2002' });

  test("give the search index a study's labels for every facet", () => {
    expect(studyFilters(email)).toMatchObject({
      modality: ['Email', 'Chat'],
      design: ['Randomized controlled trial'],
      measure: ['WAI-S'],
      rater: ['Client'],
      decision: ['Included'],
    });
  });

  test('count studies per value, keeping the zero counts of a fixed vocabulary', () => {
    const counts = facetCounts([email, video]);
    expect(counts['modality']).toMatchObject({ email: 1, chat: 1, videoconference: 1, telephone: 0 });
    expect(counts['measure']).toEqual({ 'WAI-S': 2 });
  });

  test('read URL parameters, dropping unknown facets and values', () => {
    expect(parseFacetParams(new URLSearchParams('modality=videoconference&modality=fax&colour=red&measure=WAI'))).toEqual({
      modality: ['videoconference'],
      measure: ['WAI'],
    });
  });
});
