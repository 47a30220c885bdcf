// The real content folder: it validates, and it says what the reference facts say.
import { describe, expect, test } from 'vitest';
import { loadContent } from '../../src/loaders/content';
import { formatProblem } from '../../src/lib/validation/problem';
import { includedIn } from '../../src/lib/summary';

const content = loadContent('content');
const studies = content.studies.map((s) => s.data);
const reviews = content.reviews.map((r) => r.data);
const sucala = content.reviews.find((r) => r.data.id === 'sucala-2012')?.data;

describe('the real content', () => {
  test('validates with no errors', () => {
    expect(content.problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
  });

  test('has a record for every file read (nothing is dropped)', () => {
    expect(content.studies.length + content.reviews.length + content.guides.length).toBe(content.filesRead);
  });
});

describe('Sucala et al. (2012)', () => {
  test('is cited with its six authors, not the editor or a peer reviewer', () => {
    expect(sucala?.citation.authors.map((a) => a.split(',')[0])).toEqual(['Sucala', 'Schnur', 'Constantino', 'Miller', 'Brackman', 'Montgomery']);
    expect(sucala?.citation).toMatchObject({ year: 2012, doi: '10.2196/jmir.2084', pmid: '22858538', pmcid: 'PMC3411180', volume: '14', issue: '4' });
  });

  test('reports 840 screened and 11 included, and every other box as not reported', () => {
    const flow = sucala!.flow;
    expect(flow.screened).toBe(840);
    expect(flow.included_studies).toBe(11);
    const others = [flow.identified.databases, flow.identified.registers, flow.removed_before_screening.duplicates, flow.excluded_screening, flow.sought, flow.not_retrieved, flow.assessed, flow.excluded_full_text, flow.included_reports];
    expect(others.every((v) => v === null)).toBe(true);
  });

  test('searched PubMed, PsycINFO and CINAHL up to August 2011', () => {
    expect(sucala?.searches.map((s) => s.source)).toEqual(['PubMed', 'PsycINFO', 'CINAHL']);
  });

  test('has eleven included study records, none of them confirmed (the list is reconstructed)', () => {
    const included = includedIn('sucala-2012', studies);
    expect(included).toHaveLength(11);
    const listings = included.map((s) => s.reviews.find((r) => r.review === 'sucala-2012')?.listing);
    expect(listings.every((l) => l === 'probable' || l === 'uncertain')).toBe(true);
  });

  test.each(['greene-2010', 'preschl-2011', 'kiropoulos-2008'])('does not include the candidate %s', (id) => {
    expect(includedIn('sucala-2012', studies).map((s) => s.id)).not.toContain(id);
  });
});

describe('the living update (sucala-update-2026)', () => {
  const update = reviews.find((r) => r.id === 'sucala-update-2026');
  const included = includedIn('sucala-update-2026', studies);

  test('ran no database search: every record came by other methods, each method with its date', () => {
    expect(update?.flow.databases_searched).toBe(false);
    expect(update?.searches).toEqual([]);
    expect(update?.screening?.other_methods?.map((m) => [m.source, m.method])).toEqual([
      ['later-reviews', 'websites'],
      ['primary-studies', 'citations'],
    ]);
  });

  test('was screened by one reviewer, and says so', () => {
    expect(update?.screening?.reviewers).toBe(1);
  });

  // Counted by hand from the two records files and screening/maintainers.csv: 13 reviews looked up
  // (3 not readable), 15 primary studies (5 excluded: 3 guidance not shown to come from a therapist,
  // 1 blended care, 1 tinnitus distress); 10 primary studies and 10 reviews included.
  test('reports the flow counted by hand from its records and votes', () => {
    expect(update?.flow.other_methods).toEqual({
      identified: { websites: 13, organisations: 0, citations: 15 },
      sought: 28,
      not_retrieved: 3,
      assessed: 25,
      excluded: { 'no-clinician-shown': 3, 'not-etherapy': 1, 'not-mental-health': 1, 'no-alliance-measure': 0 },
    });
    expect([update?.flow.included_studies, update?.flow.included_reports, update?.flow.previous?.studies]).toEqual([20, 20, 11]);
  });

  test('includes at least ten records published from 2012 on, each with a source and an honest verification level', () => {
    const recent = included.filter((s) => s.year >= 2012);
    expect(recent.length).toBeGreaterThanOrEqual(10);
    for (const s of included) {
      expect(s.provenance.sources.length).toBeGreaterThan(0);
      expect(['abstract', 'bibliographic']).toContain(s.provenance.verification);
    }
  });

  test('keeps reviews and meta-analyses apart from the primary studies, ten of each', () => {
    expect(included.filter((s) => s.synthesis).length).toBe(10);
    expect(included.filter((s) => !s.synthesis).length).toBe(10);
  });
});

describe('study records', () => {
  test.each(studies.map((s) => [s.id, s] as const))('%s names its sources or says it is unverified', (_, s) => {
    if (s.provenance.verification !== 'unverified') expect(s.provenance.sources.length).toBeGreaterThan(0);
  });

  // A review's sample_size (participants pooled) is never summed, so null there is a plain "not reported".
  test.each(studies.filter((s) => !s.synthesis).map((s) => [s.id, s] as const))('%s marks a missing sample size as unverified', (_, s) => {
    if (s.sample_size === null) expect(s.provenance.unverified_fields).toContain('sample_size');
  });

  test.each([
    ['cook-2002', { doi: '10.1089/109493102753770480', pmid: '12025884', year: 2002 }],
    ['knaevelsrud-2006', { doi: '10.2196/jmir.8.4.e31', pmid: '17213049', pmcid: 'PMC1794007', sample_size: 48 }],
    ['knaevelsrud-2007', { doi: '10.1186/1471-244X-7-13', pmid: '17442125', sample_size: 96, design: 'rct', comparator: 'waitlist' }],
    ['germain-2010', { doi: '10.1089/cyber.2009.0139', pmid: '20528290', sample_size: 46 }],
    ['ertelt-2011', { doi: '10.1002/eat.20874', pmid: '22072405', sample_size: 116 }],
    ['day-2002', { doi: '10.1037/0022-0167.49.4.499', sample_size: 80, design: 'rct' }],
  ])('%s carries the reference citation data', (id, expected) => {
    expect(studies.find((s) => s.id === id)).toMatchObject(expected);
  });
});
