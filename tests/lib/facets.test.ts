// The facets' vocabularies come from the label records (so the browser bundle needs no schema);
// these tests hold them to the schema's vocabularies, in order.
import { describe, expect, test } from 'vitest';
import { facetOptions, facetValueLabel, facets, parseFacetParams } from '../../src/lib/facets';
import {
  comparators,
  conditions,
  decisions,
  designs,
  modalities,
  outcomeLinks,
  raters,
  verifications,
  vsFaceToFace,
} from '../../src/schemas';
import { UNNAMED_INSTRUMENT } from '../../src/lib/format';
import { makeStudy } from '../helpers/factories';

describe('facets', () => {
  test.each([
    ['modality', modalities],
    ['finding', vsFaceToFace],
    ['outcome', outcomeLinks],
    ['design', designs],
    ['comparator', comparators],
    ['condition', conditions],
    ['rater', raters],
    ['verification', verifications],
    ['decision', decisions],
  ])('offer the %s vocabulary of the schema, in its order', (name, vocabulary) => {
    expect(Object.keys(facets.find((f) => f.name === name)?.values ?? {})).toEqual([...vocabulary]);
  });

  test('name an instrument the sources do not name as everywhere else', () => {
    const study = makeStudy({ alliance: { ...makeStudy().alliance, measures: [{ instrument: 'unreported', rater: 'client' }] } });
    expect(facets.find((f) => f.name === 'measure')?.of(study)).toEqual([UNNAMED_INSTRUMENT]);
  });

  test('label a value by facet name, open facets by the value itself', () => {
    expect(facetValueLabel('modality', 'internet-program')).toBe('Internet programme');
    expect(facetValueLabel('measure', 'WAI-S')).toBe('WAI-S');
    expect(facetValueLabel('colour', 'red')).toBe('red');
  });

  test('offer the values some study has, with counts, in vocabulary order', () => {
    const options = facetOptions([makeStudy({ id: 'a-2001', modalities: ['email', 'chat'] }), makeStudy({ id: 'b-2002' })]);
    expect(options.find((o) => o.facet.name === 'modality')?.options).toEqual([
      { key: 'email', label: 'Email', count: 1 },
      { key: 'chat', label: 'Chat', count: 1 },
      { key: 'videoconference', label: 'Videoconference', count: 1 },
    ]);
  });

  test('ignore URL values that are only inherited property names', () => {
    expect(parseFacetParams(new URLSearchParams('modality=toString&design=constructor'))).toEqual({});
  });
});
