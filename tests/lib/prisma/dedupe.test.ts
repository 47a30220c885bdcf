import { describe, expect, test } from 'vitest';
import { dedupeRecords, normaliseTitle, titleKey } from '../../../src/lib/prisma/dedupe';
import { rec } from './records';

describe('normaliseTitle', () => {
  test.each([
    ['Évaluation of e-Therapy: a Pilot!', 'evaluationofetherapyapilot'],
    ['[Demo study of chat counselling.]', 'demostudyofchatcounselling'],
    ['The <i>working</i> alliance', 'theworkingalliance'],
    ['  Spaces\tand\nbreaks ', 'spacesandbreaks'],
  ])('normalises %j to %j', (title, expected) => {
    expect(normaliseTitle(title)).toBe(expected);
  });
});

describe('titleKey', () => {
  test('joins title, year and first author family name', () => {
    expect(titleKey(rec({ title: 'A Demo', year: 2011, authors: ['Müller, Anna', 'Doe, J.'] }))).toBe('ademo|2011|muller');
  });
  test.each([
    ['no year', { year: null }],
    ['no authors', { authors: [] }],
    ['a title of punctuation only', { title: '...' }],
  ])('is null for a record with %s', (_, overrides) => {
    expect(titleKey(rec(overrides))).toBeNull();
  });
});

describe('dedupeRecords', () => {
  test('step 1: removes a record with the same DOI as an earlier one', () => {
    const a = rec({ source: 'psycinfo', doi: '10.5555/a', title: 'One title' });
    const b = rec({ source: 'pubmed', doi: '10.5555/a', title: 'A different title entirely', pmid: '1' });
    const result = dedupeRecords([a, b]);
    expect(result.unique).toEqual([a]);
    expect(result.duplicates).toEqual([{ record: b, of: a.key, rule: 'doi' }]);
  });

  test('step 2: removes a record with the same PMID when neither has a DOI', () => {
    const a = rec({ pmid: '39990003', source: 'psycinfo', title: 'Chat counselling' });
    const b = rec({ pmid: '39990003', source: 'pubmed', title: 'Chat counselling (MEDLINE title)' });
    expect(dedupeRecords([a, b]).duplicates).toEqual([{ record: b, of: a.key, rule: 'pmid' }]);
  });

  test('step 2: joins records with the same PMID when only one has a DOI', () => {
    const a = rec({ pmid: '7', doi: '10.5555/seven' });
    const b = rec({ pmid: '7' });
    expect(dedupeRecords([a, b]).duplicates.map((d) => d.rule)).toEqual(['pmid']);
  });

  test('step 2: keeps records apart that share a PMID but carry different DOIs', () => {
    const result = dedupeRecords([rec({ pmid: '7', doi: '10.5555/x' }), rec({ pmid: '7', doi: '10.5555/y' })]);
    expect(result.unique).toHaveLength(2);
  });

  test('step 3: removes a record with the same normalised title, year and first author', () => {
    const a = rec({
      source: 'psycinfo',
      doi: '10.5555/t',
      title: 'Demo Pilot of E-Mail Therapy — Alliance Ratings.',
      year: 2012,
      authors: ['Testa, Dora'],
    });
    const b = rec({
      source: 'pubmed',
      pmid: '20',
      title: 'Demo pilot of e-mail therapy: alliance ratings',
      year: 2012,
      authors: ['Testa, D.'],
    });
    expect(dedupeRecords([a, b]).duplicates).toEqual([{ record: b, of: a.key, rule: 'title' }]);
  });

  test('step 3: ignores diacritics in the title and the first author', () => {
    const a = rec({ title: 'Demo évaluation of online therapy', authors: ['Müller, Anna'] });
    const b = rec({ title: 'Demo evaluation of online therapy', authors: ['Muller, A.'] });
    expect(dedupeRecords([a, b]).duplicates).toHaveLength(1);
  });

  test.each([
    ['different years', { year: 2013 }],
    ['different first authors', { authors: ['Other, Olga'] }],
    ['a different DOI on each', { doi: '10.5555/other' }],
  ])('step 3: keeps same-title records apart with %s', (_, overrides) => {
    const a = rec({ title: 'Same title', year: 2012, authors: ['Testa, Dora'], doi: '10.5555/first' });
    const b = rec({ title: 'Same title', year: 2012, authors: ['Testa, Dora'], ...overrides });
    expect(dedupeRecords([a, b]).unique).toHaveLength(2);
  });

  test('step 3: keeps same-title records apart when their PMIDs differ', () => {
    const result = dedupeRecords([rec({ title: 'Same', pmid: '1' }), rec({ title: 'Same', pmid: '2' })]);
    expect(result.unique).toHaveLength(2);
  });

  test('joins records transitively and maps every key to the kept one', () => {
    const a = rec({ source: 'psycinfo', doi: '10.5555/z', title: 'Chain', year: 2010, authors: ['Roe, Richard'] });
    const b = rec({ source: 'pubmed', pmid: '99', title: 'Chain', year: 2010, authors: ['Roe, R.'] });
    const c = rec({ source: 'embase', pmid: '99', title: 'Chain (Embase)' });
    const result = dedupeRecords([a, b, c]);
    expect(result.unique).toEqual([a]);
    expect(result.duplicates.map((d) => [d.record.key, d.of, d.rule])).toEqual([
      ['pmid:99', '10.5555/z', 'title'],
      ['pmid:99', '10.5555/z', 'pmid'],
    ]);
    expect(result.aliases).toEqual({ '10.5555/z': '10.5555/z', 'pmid:99': '10.5555/z' });
    expect(result.identifiers).toEqual({ '10.5555/z': { dois: ['10.5555/z'], pmids: ['99'] } });
  });

  test('keeps every record of a list without duplicates', () => {
    const records = [rec(), rec(), rec()];
    expect(dedupeRecords(records)).toMatchObject({ unique: records, duplicates: [] });
  });
});
