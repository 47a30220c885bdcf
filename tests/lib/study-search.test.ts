// A study's entry in the search index, made from its record (src/lib/study-search.ts), and the
// labelled rows it shares with the study page (src/lib/study-facts.ts).
import { describe, expect, test } from 'vitest';
import { studySearchRecord, studySearchText } from '../../src/lib/study-search';
import { allianceFactRows, studyFactRows } from '../../src/lib/study-facts';
import { studyRow } from '../../src/lib/explorer';
import { makeStudy } from '../helpers/factories';

describe('the fact rows a study page and its index entry share', () => {
  test('are the study page’s facts in its order, with their values as the page words them', () => {
    const s = makeStudy({ volume: '12', issue: '3', pages: '1-9', intervention: 'Twelve sessions of CBT' });
    expect(studyFactRows(s).map((f) => `${f.label}: ${f.value}`)).toEqual([
      'Design: Randomized controlled trial',
      'Participants: Adults with panic disorder',
      'Conditions: Panic disorder',
      'Sample size: 40',
      'Delivery: Videoconference',
      'Intervention: Twelve sessions of CBT',
      'Compared with: Face-to-face',
      'Journal: Journal of Tests, 12(3), 1-9',
      'Authors: Doe, Jane; Roe, R.',
    ]);
  });

  test('mark a fact unconfirmed when the record lists it, and the journal when any of its parts is', () => {
    const s = makeStudy({ sample_size: null, provenance: { ...makeStudy().provenance, unverified_fields: ['sample_size', 'pages'] } });
    const rows = new Map(studyFactRows(s).map((f) => [f.label, f]));
    expect(rows.get('Sample size')).toMatchObject({ value: 'not reported', unconfirmed: true });
    expect(rows.get('Journal')?.unconfirmed).toBe(true);
    expect(rows.get('Design')?.unconfirmed).toBe(false);
  });

  test('say when the alliance comparison is not reported, which is not a finding', () => {
    const s = makeStudy({ alliance: { ...makeStudy().alliance, vs_face_to_face: 'not-reported', outcome_link: 'positive' } });
    const [compared, outcome] = allianceFactRows(s);
    expect(compared).toMatchObject({ label: 'Compared with face-to-face', value: 'Not reported', notReported: true });
    expect(outcome).toMatchObject({ label: 'Alliance and outcome', notReported: false });
  });

  test('keep an incomplete author list saying so', () => {
    const s = makeStudy({ authors: ['Bouchard, S.'], authors_incomplete: true });
    expect(studyFactRows(s).find((f) => f.label === 'Authors')?.value).toBe('Bouchard, S.; et al. (the other authors are not recorded)');
  });
});

describe('a study’s entry in the search index', () => {
  const study = makeStudy({
    pmid: '12345678',
    alliance: {
      measures: [{ instrument: 'WAI-S', rater: 'client', timing: 'session 3' }],
      vs_face_to_face: 'equivalent',
      outcome_link: 'not-tested',
      finding: 'The alliance was as strong by video as in person',
      effects: [{ kind: 'correlation', label: 'Alliance and symptom change', r: 0.31, n: 40 }],
    },
    reports: [{ title: 'One-year follow-up of the trial', year: 2012, journal: 'Journal of Tests', authors: ['Doe, Jane'] }],
    provenance: {
      ...makeStudy().provenance,
      sources: [{ url: 'https://example.org/doe-2010', note: 'PubMed record with the abstract' }],
    },
  });
  const text = studySearchText(study);

  test('holds the title, identifiers, summary and every labelled fact, each apart from the next', () => {
    expect(text.startsWith('A trial of videoconference therapy. DOI 10.1000/test.2010 · PubMed 12345678. Adults had therapy')).toBe(true);
    for (const f of [...studyFactRows(study), ...allianceFactRows(study)]) expect(text).toContain(`${f.label}: ${f.value}`);
  });

  test('holds the alliance result, its measures and numbers, further reports and what each source is', () => {
    expect(text).toContain('The alliance was as strong by video as in person.');
    expect(text).toContain('WAI-S, Client, session 3.');
    expect(text).toContain('Alliance and symptom change: Correlation r = 0.31 (n = 40).');
    expect(text).toContain('One-year follow-up of the trial (2012).');
    expect(text).toContain('PubMed record with the abstract.');
  });

  test('leaves out the page’s furniture and the web addresses of its sources', () => {
    for (const furniture of ['The study', 'The therapeutic alliance', 'In reviews', 'Sources', 'How sure', 'https://example.org'])
      expect(text).not.toContain(furniture);
  });

  test('is the page’s address with the explorer’s row, filters and sort keys', () => {
    const record = studySearchRecord(study);
    expect(record.url).toBe('/studies/doe-2010/');
    expect(record.language).toBe('en');
    expect(record.meta).toEqual({ ...studyRow(study), title: 'A trial of videoconference therapy' });
    expect(record.filters.type).toEqual(['Study']);
    expect(record.filters.modality).toEqual(['Videoconference']);
    expect(record.sort).toEqual({ year: '2010', size: '40', title: 'a trial of videoconference therapy' });
  });

  test('sorts a study of unknown size first by size, as the explorer does', () => {
    expect(studySearchRecord(makeStudy({ sample_size: null })).sort.size).toBe('0');
  });
});
