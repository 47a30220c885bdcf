// The near-duplicate rule of the importer: the same first author, the same year and a
// near-identical title, numbered alike. Checked on hand-made pairs and on a 40,035-entry synthetic
// search result in which only 15 entries are real duplicates.
import { describe, expect, test } from 'vitest';
import { parseRis, type BibRecord } from '../../../src/lib/bibliography';
import { boundedEditDistance, findDuplicates, firstAuthorKey, similarTitles, titleNumbering } from '../../../src/lib/import/duplicates';
import { planImport } from '../../../src/lib/import/plan';
import { editDistance } from '../../../src/lib/validation/suggest';
import { syntheticEntries, syntheticRis } from '../../../scripts/lib/synthetic';

const base = {
  title: 'Working alliance in e-mail therapy for panic disorder: part 1',
  year: 2011,
  authors: ['Müller-Schmidt, Jörg', 'Doe, Jane'],
};

describe('similarTitles', () => {
  test.each([
    ['the same paper with punctuation and case changed', { title: 'Working Alliance in Email Therapy for Panic Disorder, Part 1.' }],
    ['the same paper with a typo', { title: 'Working aliance in e-mail therapy for panic disorder: part 1' }],
    ['the first author written another way', { authors: ['Muller Schmidt JB'] }],
    ['the part written as a Roman numeral', { title: 'Working alliance in e-mail therapy for panic disorder: part I' }],
  ])('finds %s', (_, change) => {
    expect(similarTitles(base, { ...base, ...change })).toBe(true);
  });

  test.each([
    ['the next part of a series', { title: 'Working alliance in e-mail therapy for panic disorder: part 2' }],
    ['the next part as a Roman numeral', { title: 'Working alliance in e-mail therapy for panic disorder: part II' }],
    ['the same title by another first author', { authors: ['Doe, Jane', 'Müller-Schmidt, Jörg'] }],
    ['the same title in another year', { year: 2012 }],
    ['a record without authors', { authors: [] }],
    ['a record with a different DOI', { doi: '10.5555/other' }],
  ])('does not take %s for a duplicate', (_, change) => {
    expect(similarTitles({ ...base, doi: '10.5555/one' }, { ...base, doi: '10.5555/one', ...change })).toBe(false);
  });

  test.each([
    ['Alliance online, part 2', ['2']],
    ['Alliance online: Part II', ['2']],
    ['Study I and study two of the alliance', ['1', '2']],
    ['Alliance in 2010: experiment B', ['2010', 'b']],
    ['No numbers at all', []],
  ])('numbers "%s" as %j', (title, numbering) => {
    expect(titleNumbering(title)).toEqual(numbering);
  });

  test('compares first authors by normalised family name', () => {
    expect(firstAuthorKey(['Müller-Schmidt, Jörg'])).toBe(firstAuthorKey(['Muller Schmidt J']));
    expect(firstAuthorKey([])).toBe('');
  });

  test('bounds the edit distance as the full Levenshtein distance would', () => {
    const words = ['alliance', 'aliance', 'alliances', 'balance', 'e-therapy', 'etherapy', '', 'a'];
    for (const a of words)
      for (const b of words)
        for (const max of [0, 1, 2, 3]) expect(boundedEditDistance(a, b, max)).toBe(Math.min(editDistance(a, b), max + 1));
  });
});

describe('findDuplicates on a large synthetic search result', () => {
  // 20 distinct papers, 10,000 "part 1"/"part 2" pairs, 10,000 pairs of one title by two first
  // authors, and 15 real near-duplicates (a distinct paper re-cased, one letter dropped, no DOI).
  const entries = syntheticEntries({ distinct: 20, parts: 10_000, otherAuthor: 10_000, nearCopies: 15, seed: 7 });
  const { records } = parseRis(syntheticRis(entries), 'synthetic');

  test('finds the 15 real duplicates and no other, in seconds', () => {
    expect(records).toHaveLength(40_035);
    const started = performance.now();
    const { fresh, duplicates } = findDuplicates([], records);
    const seconds = (performance.now() - started) / 1000;
    expect(duplicates.map((d) => d.reason)).toEqual(Array(15).fill('similar-title'));
    expect(duplicates.map((d) => ('entry' in d.of ? d.of.entry.doi : undefined))).toEqual(
      duplicates.map((d) => entries.find((e) => e.doi && e.title.toLowerCase().replace(/a/, '') === d.record.title)?.doi),
    );
    expect(fresh).toHaveLength(40_020);
    expect(seconds).toBeLessThan(10);
  });

  test('checks against studies already in the repository the same way', () => {
    const known = records.slice(0, 20_000).map((r, i) => ({ id: `s-${i}`, file: `studies/s-${i}.yaml`, ...r }));
    const { duplicates } = findDuplicates(
      known,
      records.slice(20_000).map(({ doi: _, ...r }): BibRecord => r),
    );
    expect(duplicates.every((d) => d.reason === 'similar-title' || d.reason === 'title')).toBe(true);
    expect(duplicates).toHaveLength(15);
  });
});

describe('planImport: years', () => {
  test.each([
    ['before 1950', 1899, 'has the year 1899, before 1950, the earliest year a study record takes'],
    ['in the future', 2031, 'has the year 2031, which is in the future (this is 2026): check the year in the export'],
  ])('explains an entry dated %s, naming the year', (_, year, reason) => {
    const { records } = parseRis(`TY  - JOUR\nTI  - An old report\nAU  - Doe, Jane\nPY  - ${year}\nJO  - J\nER  - \n`, 's');
    const plan = planImport({ records, problems: [] }, [], new Set(), { review: 'r', today: '2026-01-15', origin: 's.ris' });
    expect(plan.drafts).toEqual([]);
    expect(plan.unusable).toEqual([{ record: records[0], reason: expect.stringContaining(reason) }]);
  });
});
