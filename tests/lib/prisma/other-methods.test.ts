// The other-methods arm of PRISMA 2020, derived from records files the review names in
// `screening.other_methods`, checked against counts worked out by hand below; and a review whose
// only arm is other methods, drawn and described without a database search.
import { describe, expect, test } from 'vitest';
import { checkFlow, compareFlows } from '../../../src/lib/prisma/check';
import { deriveFlow } from '../../../src/lib/prisma/derive';
import { describeFlow, layoutPrismaFlow } from '../../../src/lib/prisma/layout';
import { flowSchema } from '../../../src/schemas';
import { rec } from './records';
import { agree, vote } from './votes';

const reasons = [
  { id: 'not-etherapy', label: 'Not delivered as e-therapy' },
  { id: 'no-alliance-measure', label: 'No measure of the alliance' },
];
const otherMethods = [
  { source: 'citations', method: 'citations' as const },
  { source: 'websites', method: 'websites' as const },
];

// Both arms. By hand:
//   databases (pubmed): p1, p2, p3                                   identified 3, duplicates 0
//     p1 TA include → FT include; p2 TA exclude; p3 TA include → FT exclude no-alliance-measure
//     screened 3, excluded 1, sought 2, not retrieved 0, assessed 2, excluded (no-alliance-measure) 1, included 1
//   citations: c1, c2, c3, c4, c1dup (same DOI as p1: found by the search already) identified 5
//   websites:  w1, w2 (w2 has c2's DOI: found by citations already)              identified 2
//     sought: c1, c2, c3, c4, w1 = 5 (c1dup and w2 are duplicates, not sought)
//     c1 FT include; c2 FT not-retrieved; c3 FT exclude not-etherapy; c4 FT include; w1 FT include
//     not retrieved 1, assessed 4, excluded (not-etherapy) 1, included 3
//   included reports 1 + 3 = 4; c4 and w1 are two reports of one study (study-x), so included studies 3
const p1 = rec({ source: 'pubmed', doi: '10.5555/p1' });
const p2 = rec({ source: 'pubmed', doi: '10.5555/p2' });
const p3 = rec({ source: 'pubmed', doi: '10.5555/p3' });
const c1 = rec({ source: 'citations', doi: '10.5555/c1' });
const c2 = rec({ source: 'citations', doi: '10.5555/c2' });
const c3 = rec({ source: 'citations', doi: '10.5555/c3' });
const c4 = rec({ source: 'citations', doi: '10.5555/c4' });
const c1dup = rec({ source: 'citations', doi: '10.5555/p1' });
const w1 = rec({ source: 'websites', doi: '10.5555/w1' });
const w2 = rec({ source: 'websites', doi: '10.5555/c2' });
const records = [c1, c2, c3, c4, c1dup, p1, p2, p3, w1, w2];
const votes = [
  ...agree(p1.key, 'title-abstract', 'include'),
  ...agree(p2.key, 'title-abstract', 'exclude'),
  ...agree(p3.key, 'title-abstract', 'include'),
  ...agree(p1.key, 'full-text', 'include'),
  ...agree(p3.key, 'full-text', 'exclude', 'no-alliance-measure'),
  ...agree(c1.key, 'full-text', 'include'),
  ...agree(c2.key, 'full-text', 'exclude', 'not-retrieved'),
  ...agree(c3.key, 'full-text', 'exclude', 'not-etherapy'),
  ...agree(c4.key, 'full-text', 'include'),
  ...agree(w1.key, 'full-text', 'include'),
];
const studies = { '10.5555/c4': 'study-x', '10.5555/w1': 'study-x', '10.5555/p1': 'study-p', '10.5555/c1': 'study-c' };

describe('deriveFlow with sources identified by other methods', () => {
  const derived = deriveFlow({ records, votes, reasons, studies, otherMethods });

  test('the databases arm counts only the database records, screened as before', () => {
    expect(derived.flow.identified).toEqual({ databases: 3, registers: 0, per_source: { pubmed: 3 } });
    expect(derived.flow.removed_before_screening).toEqual({ duplicates: 0, automation: 0, other: 0 });
    expect([derived.flow.screened, derived.flow.excluded_screening, derived.flow.sought]).toEqual([3, 1, 2]);
    expect([derived.flow.not_retrieved, derived.flow.assessed]).toEqual([0, 2]);
    expect(derived.flow.excluded_full_text).toEqual({ 'not-etherapy': 0, 'no-alliance-measure': 1 });
  });

  test('derives the other-methods arm box by box: identified per method, sought, not retrieved, assessed, excluded by reason', () => {
    expect(derived.flow.other_methods).toEqual({
      identified: { websites: 2, organisations: 0, citations: 5 },
      sought: 5,
      not_retrieved: 1,
      assessed: 4,
      excluded: { 'not-etherapy': 1, 'no-alliance-measure': 0 },
    });
  });

  test('removes a record found again by other methods from that arm, and not from the databases arm’s duplicates box', () => {
    expect(derived.records.other_methods?.duplicates.map((d) => [d.record.source, d.of])).toEqual([
      ['citations', '10.5555/p1'],
      ['websites', '10.5555/c2'],
    ]);
    expect(derived.records.duplicates).toEqual([]);
    expect(derived.records.other_methods?.sought).toEqual([c1.key, c2.key, c3.key, c4.key, w1.key]);
  });

  test('adds the included reports of both arms and counts each study once', () => {
    expect(derived.flow.included_reports).toBe(4);
    expect(derived.flow.included_studies).toBe(3);
    expect(derived.records.included_studies).toEqual({ 'study-p': [p1.key], 'study-c': [c1.key], 'study-x': [c4.key, w1.key] });
  });

  test('the derived flow closes, and says a database was searched', () => {
    expect(derived.problems).toEqual([]);
    expect(checkFlow(derived.flow)).toEqual([]);
    expect(derived.flow.databases_searched).toBeUndefined();
    expect(flowSchema.parse(derived.flow)).toEqual(derived.flow);
  });

  test('title-abstract progress counts only the database records; full text counts both arms', () => {
    expect(derived.progress.stages['title-abstract'].records).toBe(3);
    expect(derived.progress.stages['full-text'].records).toBe(2 + 5);
    expect(derived.progress.stages['full-text'].decided).toBe(7);
  });

  test('a title-abstract vote on a record found by other methods is a problem naming its file and line', () => {
    const stray = { ...vote(c3.key, 'title-abstract', 'alice', 'include'), at: { file: 'screening/alice.csv', line: 7 } };
    const result = deriveFlow({ records, votes: [...votes, stray], reasons, studies, otherMethods });
    expect(result.problems).toEqual([
      {
        file: 'screening/alice.csv',
        line: 7,
        record: c3.key,
        message: `"${c3.key}" was identified by other methods (citation searching, records file "citations"): such records are not screened on title and abstract, so vote on it at stage "full-text"`,
      },
    ]);
    // The vote does not move the record: it is still assessed and excluded at full text.
    expect(result.flow.other_methods).toEqual(derived.flow.other_methods);
  });

  test('compareFlows finds a reported other-methods box that differs from the derived one', () => {
    const reported = { ...derived.flow, other_methods: { ...derived.flow.other_methods!, assessed: 5 } };
    expect(compareFlows(reported, derived.flow).map((p) => [p.box, p.actual, p.expected])).toEqual([['other_methods.assessed', 5, 4]]);
  });
});

// Only other methods. By hand: citations c1..c4 (identified 4, no database file at all);
// c1 include, c2 not retrieved, c3 exclude not-etherapy, c4 include: sought 4, not retrieved 1,
// assessed 3, excluded 1, included 2 reports of 2 studies.
describe('a review that searched no database', () => {
  const onlyCitations = [c1, c2, c3, c4];
  const votesOnly = votes.filter((v) => onlyCitations.some((r) => r.key === v.record));
  const derived = deriveFlow({ records: onlyCitations, votes: votesOnly, reasons, otherMethods, sources: ['citations'] });

  test('says no database or register was searched, and its databases boxes are 0', () => {
    expect(derived.flow.databases_searched).toBe(false);
    expect(derived.flow.identified).toEqual({ databases: 0, registers: 0, per_source: {} });
    expect([derived.flow.screened, derived.flow.sought, derived.flow.assessed]).toEqual([0, 0, 0]);
    expect(derived.flow.other_methods).toEqual({
      identified: { websites: 0, organisations: 0, citations: 4 },
      sought: 4,
      not_retrieved: 1,
      assessed: 3,
      excluded: { 'not-etherapy': 1, 'no-alliance-measure': 0 },
    });
    expect([derived.flow.included_reports, derived.flow.included_studies]).toEqual([2, 2]);
    expect(checkFlow(derived.flow)).toEqual([]);
  });

  test('a database file with no record still counts as a search run', () => {
    const withEmpty = deriveFlow({ records: onlyCitations, votes: votesOnly, reasons, otherMethods, sources: ['citations', 'pubmed'] });
    expect(withEmpty.flow.databases_searched).toBeUndefined();
  });

  test('the diagram draws the other-methods arm alone, in the first column, and says no database was searched', () => {
    const spec = layoutPrismaFlow(derived.flow, { reasons });
    const ids = spec.boxes.map((b) => b.id);
    expect(ids).toEqual([
      'header-other',
      'other-identified',
      'other-sought',
      'other-not-retrieved',
      'other-assessed',
      'other-excluded',
      'included',
    ]);
    const box = (id: string) => spec.boxes.find((b) => b.id === id)!;
    expect(box('header-other').lines.join(' ')).toBe('Identification of studies via other methods No database or register was searched');
    expect(box('other-identified').x).toBe(box('included').x);
    expect(spec.arrows.find((a) => a.from === 'other-assessed' && a.to === 'included')?.points).toEqual([
      [box('other-assessed').x + box('other-assessed').width / 2, box('other-assessed').y + box('other-assessed').height],
      [box('other-assessed').x + box('other-assessed').width / 2, box('included').y],
    ]);
    expect(spec.rows.map((r) => r.box)).not.toContain('identified');
    expect(spec.width).toBeLessThan(layoutPrismaFlow(deriveFlow({ records, votes, reasons, studies, otherMethods }).flow).width);
  });

  test('the text alternative says no database or register was searched and gives the other-methods numbers', () => {
    const words = describeFlow(derived.flow, (id) => reasons.find((r) => r.id === id)?.label ?? id);
    expect(words).toBe(
      'PRISMA 2020 flow diagram. No database or register was searched: every record was identified by other methods. ' +
        'Other methods: records identified from websites 0, organisations 0, citation searching 4; reports sought 4, not retrieved 1, assessed 3, excluded 1 (Not delivered as e-therapy: 1). ' +
        'Included: 2 studies (2 reports).',
    );
    expect(words).not.toContain('databases');
  });
});
