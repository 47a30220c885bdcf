import { describe, expect, test } from 'vitest';
import { checkFlow, compareFlows, sumLines, sumReasons } from '../../../src/lib/prisma/check';
// makeFlow() is a flow whose arms all close; makeFlow(change) changes its boxes.
import { makeFlow, NOTHING_REPORTED } from '../../helpers/factories';

describe('sumLines and sumReasons', () => {
  test.each([
    [[1, null, 2], 3],
    [[null, undefined], null],
  ])('sumLines(%j) is %j', (lines, expected) => {
    expect(sumLines(...lines)).toBe(expected);
  });
  test.each([
    [{ a: 1, b: 2 }, 3],
    [{}, 0],
    [{ a: 1, b: null }, null],
    [null, null],
  ])('sumReasons(%j) is %j', (counts, expected) => {
    expect(sumReasons(counts)).toBe(expected);
  });
});

describe('checkFlow', () => {
  test('accepts a flow whose every arm closes', () => {
    expect(checkFlow(makeFlow())).toEqual([]);
  });

  test('reports both equations a wrong middle box breaks', () => {
    expect(checkFlow(makeFlow({ sought: 24 })).map((p) => p.box)).toEqual(['sought', 'assessed']);
  });

  test('names the box and both numbers when records screened do not follow from identification', () => {
    expect(
      checkFlow(
        makeFlow({ identified: { databases: 150 }, removed_before_screening: { duplicates: 25 }, screened: 120 }, NOTHING_REPORTED),
      ),
    ).toEqual([
      {
        box: 'screened',
        message: 'screened (120) should equal identified (150) minus removed before screening (25) = 125',
        expected: 125,
        actual: 120,
      },
    ]);
  });

  test.each([
    ['sought', { excluded_screening: 101 }, 'sought (25) should equal screened (125) minus excluded at screening (101) = 24', 24, 25],
    ['assessed', { not_retrieved: 3 }, 'assessed (23) should equal sought (25) minus not retrieved (3) = 22', 22, 23],
    [
      'included_reports',
      { included_reports: 9 },
      'included reports (9) should equal assessed (23) minus excluded at full text (15) = 8',
      8,
      9,
    ],
    [
      'included_studies',
      { included_studies: 9, included_reports: 8 },
      'included studies (9) should not exceed included reports (8): every study has at least one report',
      8,
      9,
    ],
    [
      'identified.per_source',
      { identified: { databases: 150, per_source: { PubMed: 90, PsycINFO: 50 } } },
      'the per-source counts (PubMed 90 + PsycINFO 50 = 140) should add up to identified from databases and registers (150)',
      150,
      140,
    ],
    [
      'screened',
      { removed_before_screening: { duplicates: 20, automation: 3, other: 1 } },
      'screened (125) should equal identified (150) minus removed before screening (24) = 126',
      126,
      125,
    ],
  ])('rejects a flow where %s does not close', (box, change, message, expected, actual) => {
    expect(checkFlow(makeFlow(change))).toEqual([{ box, message, expected, actual }]);
  });

  test.each([
    ['records screened not reported', { screened: null, sought: null }],
    ['no identification line reported', { identified: {}, removed_before_screening: { duplicates: 999 } }],
    [
      'an exclusion reason with no count',
      { excluded_full_text: { 'wrong-population': null, 'no-alliance-measure': 5 }, included_reports: 99 },
    ],
    ['exclusion reasons not reported', { excluded_full_text: null, included_reports: 99 }],
  ])('skips the equations with a null term: %s', (_, change) => {
    expect(checkFlow(makeFlow(change))).toEqual([]);
  });

  test('adds the other-methods arm into the included reports and checks it closes', () => {
    const withOther = {
      included_reports: 10,
      other_methods: { identified: { citations: 4 }, sought: 4, not_retrieved: 1, assessed: 3, excluded: { 'wrong-population': 1 } },
    };
    expect(checkFlow(makeFlow(withOther))).toEqual([]);
    expect(checkFlow(makeFlow({ ...withOther, other_methods: { ...withOther.other_methods, assessed: 2 } }))).toEqual([
      {
        box: 'other_methods.assessed',
        message: 'other methods: assessed (2) should equal sought (4) minus not retrieved (1) = 3',
        expected: 3,
        actual: 2,
      },
      {
        box: 'included_reports',
        message:
          "included reports (10) should equal assessed (23) minus excluded at full text (15) plus other methods' assessed (2) minus excluded (1) = 9",
        expected: 9,
        actual: 10,
      },
    ]);
  });
});

describe('compareFlows', () => {
  test('accepts two flows that agree, matching source names without case', () => {
    const derived = makeFlow({ identified: { databases: 150, registers: 0, per_source: { pubmed: 90, psycinfo: 60 } } });
    expect(compareFlows(makeFlow(), derived)).toEqual([]);
  });

  test('names each box that differs and both numbers', () => {
    const derived = makeFlow({ screened: 126, excluded_full_text: { 'wrong-population': 9, 'no-alliance-measure': 5, 'not-etherapy': 1 } });
    expect(compareFlows(makeFlow(), derived)).toEqual([
      {
        box: 'screened',
        message: 'screened: the review reports 125 but the tracked records and screening log give 126',
        expected: 126,
        actual: 125,
      },
      {
        box: 'excluded_full_text.wrong-population',
        message: 'excluded_full_text.wrong-population: the review reports 10 but the tracked records and screening log give 9',
        expected: 9,
        actual: 10,
      },
      {
        box: 'excluded_full_text.not-etherapy',
        message: 'excluded_full_text.not-etherapy: the review reports 0 but the tracked records and screening log give 1',
        expected: 1,
        actual: 0,
      },
    ]);
  });

  test('skips boxes the review does not report', () => {
    expect(compareFlows(makeFlow({ screened: 125 }, NOTHING_REPORTED), makeFlow({ screened: 125 }))).toEqual([]);
  });

  test('reports a source the review lists but the records files lack', () => {
    const derived = makeFlow({ identified: { databases: 90, per_source: { pubmed: 90 } } });
    expect(compareFlows(makeFlow(), derived).map((p) => p.box)).toEqual(['identified.databases', 'identified.per_source.PsycINFO']);
  });
});
