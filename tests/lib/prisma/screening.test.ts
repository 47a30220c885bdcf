import { describe, expect, test } from 'vitest';
import { vote } from './votes';
import { rec } from './records';
import { deriveFlow } from '../../../src/lib/prisma/derive';
import {
  canonicalRecordKey,
  cohensKappa,
  deriveAgreement,
  parseScreeningCsv,
  resolveStage,
  resolveVotes,
  SCREENING_HEADER,
  type Stage,
  type Vote,
} from '../../../src/lib/prisma/screening';

const csv = (...rows: string[]) => [SCREENING_HEADER, ...rows].join('\n');

describe('parseScreeningCsv', () => {
  test('reads one vote per row with its line number', () => {
    const text = csv('10.5555/a,title-abstract,alice,include,,2024-02-01', 'pmid:7,full-text,ben,exclude,no-alliance-measure,');
    expect(parseScreeningCsv(text)).toEqual({
      problems: [],
      votes: [
        { line: 2, record: '10.5555/a', stage: 'title-abstract', reviewer: 'alice', decision: 'include', reason: null, date: '2024-02-01' },
        { line: 3, record: 'pmid:7', stage: 'full-text', reviewer: 'ben', decision: 'exclude', reason: 'no-alliance-measure', date: null },
      ],
    });
  });

  test('reads CRLF line ends, quoted fields and skips blank lines', () => {
    const text = `${SCREENING_HEADER}\r\n"10.5555/a,b",title-abstract,"Alice ""A"" Example",maybe,,\r\n\r\n`;
    expect(parseScreeningCsv(text).votes).toMatchObject([
      { line: 2, record: '10.5555/a,b', reviewer: 'Alice "A" Example', decision: 'maybe' },
    ]);
  });

  test.each([
    [
      'a header with a column missing',
      'record,stage,reviewer,decision,reason\n',
      {
        line: 1,
        field: 'header',
        message: `the header must be exactly "${SCREENING_HEADER}" (found "record,stage,reviewer,decision,reason")`,
      },
    ],
    ['an empty file', '', { line: 1, field: 'header', message: `the file is empty: it must start with the header "${SCREENING_HEADER}"` }],
  ])('rejects %s', (_, text, problem) => {
    expect(parseScreeningCsv(text)).toEqual({ votes: [], problems: [problem] });
  });

  test.each([
    ['an empty record', ',title-abstract,alice,include,,', 'record', 'is empty: give the record key (DOI, pmid:<n> or the assigned key)'],
    ['an unknown stage', 'x,abstract,alice,include,,', 'stage', 'must be "title-abstract" or "full-text" (found "abstract")'],
    ['an empty reviewer', 'x,title-abstract,,include,,', 'reviewer', "is empty: give the reviewer's name"],
    ['an unknown decision', 'x,title-abstract,alice,yes,,', 'decision', 'must be "include", "exclude" or "maybe" (found "yes")'],
    [
      'a full-text exclusion without a reason',
      'x,full-text,alice,exclude,,',
      'reason',
      `is required for a full-text exclusion: give one of the review's exclusion_reasons ids, or "not-retrieved"`,
    ],
    [
      'a reason on an inclusion',
      'x,full-text,alice,include,not-etherapy,',
      'reason',
      'only belongs to an exclusion (decision is "include")',
    ],
    [
      'not-retrieved at title-abstract',
      'x,title-abstract,alice,exclude,not-retrieved,',
      'reason',
      '"not-retrieved" belongs to the full-text stage: a report not retrieved was sought for full text',
    ],
    [
      'a reason the review does not define',
      'x,full-text,alice,exclude,wrong-thing,',
      'reason',
      `"wrong-thing" is not one of this review's exclusion_reasons ids (not-etherapy) or "not-retrieved"`,
    ],
    [
      'a malformed date',
      'x,title-abstract,alice,include,,1/2/2024',
      'date',
      'must be a date written YYYY-MM-DD, or blank (found "1/2/2024")',
    ],
    [
      'an impossible date',
      'x,title-abstract,alice,include,,2024-02-31',
      'date',
      'must be a date written YYYY-MM-DD, or blank (found "2024-02-31")',
    ],
    [
      'a row with too few fields',
      'x,title-abstract,alice',
      'record',
      'the row has 3 fields; it needs 6 (record,stage,reviewer,decision,reason,date)',
    ],
  ])('rejects a row with %s, naming line and field', (_, row, field, message) => {
    const result = parseScreeningCsv(csv('ok,title-abstract,alice,include,,', row), { reasons: ['not-etherapy'] });
    expect(result.votes.map((v) => v.record)).toEqual(['ok']);
    expect(result.problems).toEqual([{ line: 3, field, message }]);
  });

  test('accepts not-retrieved as a full-text reason without the review defining it', () => {
    expect(parseScreeningCsv(csv('x,full-text,alice,exclude,not-retrieved,'), { reasons: ['not-etherapy'] }).problems).toEqual([]);
  });
});

describe('resolveStage', () => {
  const ta = 'title-abstract' as const;
  const ft = 'full-text' as const;
  test.each<[string, Stage, () => Vote[], { status: string; reason?: string | null; settledBy?: string | null }]>([
    [
      'two reviewers who both include',
      ta,
      () => [vote('r', ta, 'alice', 'include'), vote('r', ta, 'ben', 'include')],
      { status: 'include', settledBy: 'agreement' },
    ],
    [
      'two reviewers who both exclude',
      ta,
      () => [vote('r', ta, 'alice', 'exclude'), vote('r', ta, 'ben', 'exclude')],
      { status: 'exclude', settledBy: 'agreement' },
    ],
    [
      'maybe and include at title-abstract (maybe counts as include)',
      ta,
      () => [vote('r', ta, 'alice', 'maybe'), vote('r', ta, 'ben', 'include')],
      { status: 'include' },
    ],
    [
      'maybe and exclude at title-abstract',
      ta,
      () => [vote('r', ta, 'alice', 'maybe'), vote('r', ta, 'ben', 'exclude')],
      { status: 'conflict' },
    ],
    [
      'include and exclude',
      ta,
      () => [vote('r', ta, 'alice', 'include'), vote('r', ta, 'ben', 'exclude')],
      { status: 'conflict', settledBy: null },
    ],
    [
      'a conflict settled by a consensus vote',
      ta,
      () => [vote('r', ta, 'alice', 'include'), vote('r', ta, 'ben', 'exclude'), vote('r', ta, 'consensus', 'exclude')],
      { status: 'exclude', settledBy: 'consensus' },
    ],
    [
      'a consensus vote of maybe',
      ta,
      () => [vote('r', ta, 'alice', 'include'), vote('r', ta, 'ben', 'exclude'), vote('r', ta, 'Consensus', 'maybe')],
      { status: 'conflict' },
    ],
    ['one vote of the two required', ta, () => [vote('r', ta, 'alice', 'exclude')], { status: 'awaiting' }],
    [
      'a reviewer who changed their mind (the later vote counts)',
      ta,
      () => [vote('r', ta, 'alice', 'exclude'), vote('r', ta, 'ben', 'include'), vote('r', ta, 'alice', 'include')],
      { status: 'include' },
    ],
    [
      'two full-text exclusions for the same reason',
      ft,
      () => [vote('r', ft, 'alice', 'exclude', 'not-etherapy'), vote('r', ft, 'ben', 'exclude', 'not-etherapy')],
      { status: 'exclude', reason: 'not-etherapy' },
    ],
    [
      'two full-text exclusions for different reasons',
      ft,
      () => [vote('r', ft, 'alice', 'exclude', 'not-etherapy'), vote('r', ft, 'ben', 'exclude', 'not-empirical')],
      { status: 'conflict' },
    ],
    [
      'maybe from both reviewers at full text',
      ft,
      () => [vote('r', ft, 'alice', 'maybe'), vote('r', ft, 'ben', 'maybe')],
      { status: 'conflict' },
    ],
    [
      'a reason conflict settled by consensus',
      ft,
      () => [
        vote('r', ft, 'alice', 'exclude', 'not-etherapy'),
        vote('r', ft, 'ben', 'exclude', 'not-empirical'),
        vote('r', ft, 'consensus', 'exclude', 'not-empirical'),
      ],
      { status: 'exclude', reason: 'not-empirical', settledBy: 'consensus' },
    ],
  ])('decides %s', (_, stage, votes, expected) => {
    expect(resolveStage('r', stage, votes())).toMatchObject(expected);
  });

  test('decides on one vote when the rules ask for one', () => {
    expect(resolveStage('r', 'title-abstract', [vote('r', 'title-abstract', 'alice', 'exclude')], { votesRequired: 1 }).status).toBe(
      'exclude',
    );
  });

  test('explains an open record in a sentence', () => {
    const votes = [vote('r', 'full-text', 'alice', 'include'), vote('r', 'full-text', 'ben', 'exclude', 'not-etherapy')];
    expect(resolveStage('r', 'full-text', votes).note).toBe('reviewers disagree: alice include, ben exclude (not-etherapy)');
  });

  test('accepts other names for the consensus reviewer', () => {
    const votes = [
      vote('r', 'title-abstract', 'alice', 'include'),
      vote('r', 'title-abstract', 'ben', 'exclude'),
      vote('r', 'title-abstract', 'carol', 'include'),
    ];
    expect(resolveStage('r', 'title-abstract', votes, { consensusReviewers: ['carol'] }).settledBy).toBe('consensus');
  });
});

describe('resolveVotes', () => {
  test('decides each record at each stage it was voted on', () => {
    const decisions = resolveVotes([
      vote('a', 'title-abstract', 'alice', 'include'),
      vote('a', 'title-abstract', 'ben', 'include'),
      vote('a', 'full-text', 'alice', 'exclude', 'x'),
    ]);
    expect(decisions.get('a')?.['title-abstract']?.status).toBe('include');
    expect(decisions.get('a')?.['full-text']?.status).toBe('awaiting');
  });
});

describe('cohensKappa', () => {
  // Worked by hand. Two readers say yes or no to 50 grant proposals:
  //              B yes  B no
  //     A yes      20     5     (A: 25 yes)
  //     A no       10    15     (A: 25 no)
  //                30    20
  // p_o = (20 + 15) / 50 = 0.70
  // p_e = (25/50)(30/50) + (25/50)(20/50) = 0.30 + 0.20 = 0.50
  // kappa = (0.70 - 0.50) / (1 - 0.50) = 0.40
  // (The example of the Wikipedia article "Cohen's kappa".)
  test('gives 0.40 for the 2 × 2 grant-proposal example worked by hand', () => {
    const result = cohensKappa([
      [20, 5],
      [10, 15],
    ]);
    expect(result?.observed).toBeCloseTo(0.7, 10);
    expect(result?.expected).toBeCloseTo(0.5, 10);
    expect(result?.kappa).toBeCloseTo(0.4, 10);
  });

  // Published reference: Agresti (1990), Categorical Data Analysis (Wiley), husbands' and wives'
  // answers to "sex is fun for me and my partner" (data of Hout, Duncan & Sobel 1987), 91 couples;
  // reproduced in Friendly (2000), Visualizing Categorical Data, p. 91, and as the SexualFun data of
  // the R package vcd, whose Kappa(SexualFun) gives the unweighted kappa 0.129.
  //   p_o = (7 + 8 + 4 + 14) / 91 = 33/91
  //   p_e = (19·12 + 20·28 + 19·18 + 33·33) / 91² = 2219/8281
  //   kappa = (33/91 − 2219/8281) / (1 − 2219/8281) = 784/6062 = 0.1293
  test('gives 0.129 for the published 4 × 4 SexualFun table (Agresti 1990; vcd::Kappa)', () => {
    const result = cohensKappa([
      [7, 7, 2, 3],
      [2, 8, 3, 7],
      [1, 5, 4, 9],
      [2, 8, 9, 14],
    ]);
    expect(result?.n).toBe(91);
    expect(result?.kappa).toBeCloseTo(784 / 6062, 10);
    expect(result?.kappa).toBeCloseTo(0.1293, 4);
  });

  test.each([
    [
      'perfect agreement',
      [
        [3, 0],
        [0, 7],
      ],
      1,
    ],
    [
      'agreement no better than chance',
      [
        [25, 25],
        [25, 25],
      ],
      0,
    ],
    [
      'one rater always saying the same (p_e = 1 is undefined)',
      [
        [10, 0],
        [0, 0],
      ],
      null,
    ],
  ])('handles %s', (_, table, kappa) => {
    expect(cohensKappa(table)?.kappa).toBe(kappa);
  });

  test.each([
    ['an empty table', []],
    [
      'a table with no counts',
      [
        [0, 0],
        [0, 0],
      ],
    ],
    [
      'a table that is not square',
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
    ],
  ])('gives null for %s', (_, table) => {
    expect(cohensKappa(table)).toBeNull();
  });
});

describe('deriveAgreement', () => {
  test('counts maybe as include and leaves consensus votes out', () => {
    const ta = 'title-abstract' as const;
    const votes = [
      vote('a', ta, 'alice', 'include'),
      vote('a', ta, 'ben', 'include'),
      vote('b', ta, 'alice', 'maybe'),
      vote('b', ta, 'ben', 'exclude'),
      vote('b', ta, 'consensus', 'exclude'),
      vote('c', ta, 'alice', 'exclude'),
      vote('c', ta, 'ben', 'exclude'),
      vote('d', ta, 'alice', 'exclude'),
    ];
    const result = deriveAgreement(votes, ta);
    expect(result.reviewers).toEqual(['alice', 'ben']);
    // rows alice, columns ben, [include, exclude]: a = include/include, b = (maybe→include)/exclude, c = exclude/exclude; d has one vote.
    expect(result.table).toEqual([
      [1, 1],
      [0, 1],
    ]);
    // p_o = 2/3; p_e = (2/3)(1/3) + (1/3)(2/3) = 4/9; kappa = (6/9 − 4/9) / (5/9) = 0.4
    expect(result.agreement?.kappa).toBeCloseTo(0.4, 10);
  });

  test('leaves out full-text records marked not-retrieved', () => {
    const ft = 'full-text' as const;
    const votes = [
      vote('a', ft, 'alice', 'include'),
      vote('a', ft, 'ben', 'exclude', 'x'),
      vote('b', ft, 'alice', 'exclude', 'not-retrieved'),
      vote('b', ft, 'ben', 'exclude', 'not-retrieved'),
    ];
    expect(deriveAgreement(votes, ft).table).toEqual([
      [0, 1],
      [0, 0],
    ]);
  });

  test.each([
    ['one reviewer', [vote('a', 'title-abstract', 'alice', 'include')], 'kappa needs at least two reviewers; title-abstract has 1 (alice)'],
    [
      'no record voted by both',
      [vote('a', 'title-abstract', 'alice', 'include'), vote('b', 'title-abstract', 'ben', 'include')],
      'no record at title-abstract has votes from both alice and ben',
    ],
  ])('gives no kappa for %s, and says why', (_, votes, note) => {
    const result = deriveAgreement(votes, 'title-abstract');
    expect(result.agreement).toBeNull();
    expect(result.note).toBe(note);
  });
});

describe('record keys in screening.csv', () => {
  test.each([
    ['an upper-case DOI', '10.2196/JMIR.2084', '10.2196/jmir.2084'],
    ['a mixed-case DOI', '10.5555/Demo.ABC-1', '10.5555/demo.abc-1'],
    ['a pmid: key', 'pmid:22858538', 'pmid:22858538'],
    ['an assigned key', 'PsycINFO-4', 'PsycINFO-4'],
  ])('reads %s as the key records carry', (_, written, key) => {
    expect(canonicalRecordKey(written)).toBe(key);
    expect(parseScreeningCsv(csv(`${written},title-abstract,alice,include,,`)).votes[0]?.record).toBe(key);
  });

  test('matches a vote naming a DOI in upper case to its record, and counts it in the derived flow', () => {
    const record = rec({ doi: '10.2196/jmir.2084' });
    const { votes, problems } = parseScreeningCsv(
      csv('10.2196/JMIR.2084,title-abstract,alice,include,,', '10.2196/jmir.2084,title-abstract,ben,include,,'),
    );
    expect(problems).toEqual([]);
    const derived = deriveFlow({ records: [record], votes, reasons: [] });
    expect(derived.problems).toEqual([]);
    expect(derived.records.sought).toEqual(['10.2196/jmir.2084']);
    // A vote built elsewhere (not read from the file) matches as well.
    const direct = deriveFlow({ records: [record], votes: [vote('10.2196/JMIR.2084', 'title-abstract', 'alice', 'exclude')], reasons: [] });
    expect(direct.problems).toEqual([]);
    expect(direct.progress.stages['title-abstract'].awaiting).toEqual(['10.2196/jmir.2084']);
  });
});

describe('agreement between three reviewers', () => {
  // Ten records rated by three reviewers (i = include, e = exclude). Reference values computed
  // independently in R 4 with base R, by the formula of irr::kappam.light (the mean of the pairs'
  // unweighted Cohen's kappa): alice–ben 0.6, alice–carol 0.4, ben–carol 0.0, Light's kappa 1/3.
  const ratings = {
    alice: 'iieeieieei',
    ben: 'ieeeieiiei',
    carol: 'iieieeieee',
  };
  const votes = Object.entries(ratings).flatMap(([reviewer, calls]) =>
    [...calls].map((c, i) => vote(`r${i}`, 'title-abstract', reviewer, c === 'i' ? 'include' : 'exclude')),
  );

  test("gives Cohen's kappa for every pair and Light's kappa, their mean", () => {
    const result = deriveAgreement(votes, 'title-abstract');
    expect(result.reviewers).toEqual(['alice', 'ben', 'carol']);
    expect(result.pairs?.map((p) => [p.reviewers.join('-'), p.agreement?.n, p.agreement?.kappa])).toEqual([
      ['alice-ben', 10, expect.closeTo(0.6, 10)],
      ['alice-carol', 10, expect.closeTo(0.4, 10)],
      ['ben-carol', 10, expect.closeTo(0, 10)],
    ]);
    expect(result.light).toBeCloseTo(1 / 3, 10);
    expect(result.agreement).toBeNull();
    expect(result.note).toBeNull();
  });

  test('says so when no pair has a kappa yet', () => {
    const few = [
      vote('a', 'title-abstract', 'alice', 'include'),
      vote('b', 'title-abstract', 'ben', 'include'),
      vote('c', 'title-abstract', 'carol', 'include'),
    ];
    const result = deriveAgreement(few, 'title-abstract');
    expect(result.light).toBeNull();
    expect(result.note).toBe('no pair of the 3 reviewers has a defined kappa yet');
  });
});
