import { describe, expect, test } from 'vitest';
import type { Stage, Vote } from '../../../src/lib/prisma/screening';
import type { Note } from '../../../src/lib/screening/files';
import { isVoteError, Workspace, type WorkspaceOptions } from '../../../src/lib/screening/workspace';
import { rec } from '../prisma/records';

let line = 0;
const v = (
  record: string,
  reviewer: string,
  decision: Vote['decision'],
  stage: Stage = 'title-abstract',
  reason: string | null = null,
): Vote => ({
  line: ++line,
  record,
  stage,
  reviewer,
  decision,
  reason,
  date: '2024-02-01',
});

const records = [
  rec({ doi: '10.5555/ws.1', title: 'Alliance in email therapy', abstract: 'An abstract about the alliance.' }),
  rec({ doi: '10.5555/ws.2', title: 'Internet use survey' }),
  rec({ doi: '10.5555/ws.3', title: 'Chat therapy outcomes' }),
  // A duplicate of the first record from another source (same DOI).
  rec({ doi: '10.5555/ws.1', source: 'psycinfo', title: 'Alliance in email therapy' }),
];

const options = (overrides: Partial<WorkspaceOptions> = {}): WorkspaceOptions => ({
  reviewer: 'alice',
  stage: 'title-abstract',
  consensusName: 'consensus',
  votesRequired: { 'title-abstract': 2, 'full-text': 2 },
  reasons: [{ id: 'not-etherapy', label: 'Not e-therapy' }],
  highlight: ['alliance'],
  ...overrides,
});

const workspace = (votes: Vote[], overrides: Partial<WorkspaceOptions> = {}, notes: Note[] = []) => {
  const ws = new Workspace(records, options(overrides));
  ws.load(votes, notes);
  return ws;
};

describe('a reviewer’s workspace', () => {
  test('screens the records left after duplicates, with the sources that found each', () => {
    const ws = workspace([]);
    expect(ws.records.map((r) => r.key)).toEqual(['10.5555/ws.1', '10.5555/ws.2', '10.5555/ws.3']);
    expect(ws.view(0)?.sources).toEqual(['pubmed', 'psycinfo']);
  });

  test('highlights the terms in title and abstract as segments', () => {
    expect(workspace([]).view(0)?.title).toEqual([{ text: 'Alliance', term: 'alliance' }, { text: ' in email therapy' }]);
  });

  test('filters: to screen, screened by me, maybe', () => {
    const ws = workspace([v('10.5555/ws.1', 'alice', 'include'), v('10.5555/ws.2', 'alice', 'maybe'), v('10.5555/ws.3', 'ben', 'exclude')]);
    expect(ws.list('to-screen')).toEqual([2]);
    expect(ws.list('mine')).toEqual([0, 1]);
    expect(ws.list('maybe')).toEqual([1]);
  });

  test('is blind: a record shows my vote and note only, never another reviewer’s', () => {
    const notes: Note[] = [
      { record: '10.5555/ws.1', stage: 'title-abstract', reviewer: 'ben', note: 'ben thinks so', date: null, line: 100 },
      { record: '10.5555/ws.1', stage: 'title-abstract', reviewer: 'alice', note: 'mine', date: null, line: 101 },
    ];
    const ws = workspace([v('10.5555/ws.1', 'ben', 'exclude'), v('10.5555/ws.1', 'alice', 'include')], {}, notes);
    const view = ws.view(0)!;
    expect(view.mine).toMatchObject({ reviewer: 'alice', decision: 'include' });
    expect(view.note).toBe('mine');
    expect(view.votes).toBeUndefined();
    expect(JSON.stringify(view)).not.toMatch(/ben/);
    expect(JSON.stringify(ws.progress())).not.toMatch(/ben|exclude/);
  });

  test('takes my latest vote, also when it names a removed duplicate', () => {
    const ws = workspace([v('10.5555/ws.1', 'alice', 'include'), v('10.5555/ws.1', 'alice', 'exclude')]);
    expect(ws.view(0)?.mine?.decision).toBe('exclude');
  });

  test('counts progress: mine, left, maybe, and records with every required vote', () => {
    const ws = workspace([v('10.5555/ws.1', 'alice', 'include'), v('10.5555/ws.1', 'ben', 'exclude'), v('10.5555/ws.2', 'alice', 'maybe')]);
    expect(ws.progress()).toEqual({ stage: 'title-abstract', total: 3, mine: 2, left: 1, maybe: 1, complete: 1, votesRequired: 2 });
  });

  test('at full text, screens the records included at title and abstract', () => {
    const votes = [
      v('10.5555/ws.1', 'alice', 'include'),
      v('10.5555/ws.1', 'ben', 'maybe'),
      v('10.5555/ws.2', 'alice', 'exclude'),
      v('10.5555/ws.2', 'ben', 'exclude'),
      v('10.5555/ws.3', 'alice', 'include'),
      v('10.5555/ws.3', 'ben', 'exclude'),
    ];
    const ws = workspace(votes, { stage: 'full-text' });
    expect(ws.list('to-screen')).toEqual([0]);
    expect(ws.view(1)).toBeNull();
  });

  test('applies a vote written to disk', () => {
    const ws = workspace([]);
    ws.applyVote(v('10.5555/ws.2', 'alice', 'exclude'));
    expect(ws.list('to-screen')).toEqual([0, 2]);
    expect(ws.labels()).toEqual(new Map([[1, false]]));
  });
});

describe('records found by other methods', () => {
  // ws.4 came by citation searching; ws.1 was found again by citation searching (the search found it first).
  const citations = [
    rec({ doi: '10.5555/ws.4', source: 'citations', title: 'Video therapy alliance' }),
    rec({ doi: '10.5555/ws.1', source: 'citations', title: 'Alliance in email therapy' }),
  ];
  const mixed = (stage: Stage, votes: Vote[] = []) => {
    const ws = new Workspace([...citations, ...records], options({ stage, otherSources: ['citations'] }));
    ws.load(votes, []);
    return ws;
  };

  test('are not offered at title and abstract, and a record the search found stays under the search', () => {
    const ws = mixed('title-abstract');
    expect(ws.records.map((r) => `${r.source}:${r.doi}`)).toEqual([
      'pubmed:10.5555/ws.1',
      'pubmed:10.5555/ws.2',
      'pubmed:10.5555/ws.3',
      'citations:10.5555/ws.4',
    ]);
    expect(ws.list('to-screen')).toEqual([0, 1, 2]);
    expect(isVoteError(ws.checkVote({ record: '10.5555/ws.4', decision: 'include' }, '2024-05-01'))).toBe(true);
  });

  test('are at full text from the start, beside the records included at title and abstract', () => {
    const ws = mixed('full-text', [v('10.5555/ws.1', 'alice', 'include'), v('10.5555/ws.1', 'ben', 'include')]);
    expect(ws.list('to-screen')).toEqual([0, 3]);
    expect(ws.checkVote({ record: '10.5555/ws.4', decision: 'exclude', reason: 'not-etherapy' }, '2024-05-01')).toMatchObject({
      stage: 'full-text',
      record: '10.5555/ws.4',
    });
  });
});

describe('checkVote', () => {
  const ws = workspace([]);
  const ft = workspace([v('10.5555/ws.1', 'alice', 'include'), v('10.5555/ws.1', 'ben', 'include')], { stage: 'full-text' });

  test('turns a browser vote into a row for my file, under the kept key', () => {
    expect(ws.checkVote({ record: '10.5555/ws.1', decision: 'include' }, '2024-05-01')).toEqual({
      record: '10.5555/ws.1',
      stage: 'title-abstract',
      reviewer: 'alice',
      decision: 'include',
      reason: null,
      date: '2024-05-01',
    });
    expect(ft.checkVote({ record: '10.5555/ws.1', decision: 'exclude', reason: 'not-retrieved' }, '2024-05-01')).toMatchObject({
      reason: 'not-retrieved',
    });
  });

  test.each([
    ['a record not at this stage', ft, { record: '10.5555/ws.2', decision: 'include' }, 'record'],
    ['an unknown record', ws, { record: '10.5555/nope', decision: 'include' }, 'record'],
    ['an unknown decision', ws, { record: '10.5555/ws.1', decision: 'yes' }, 'decision'],
    ['a reason on an include', ws, { record: '10.5555/ws.1', decision: 'include', reason: 'not-etherapy' }, 'reason'],
    ['a full-text exclusion without a reason', ft, { record: '10.5555/ws.1', decision: 'exclude' }, 'reason'],
    ['an unknown reason', ft, { record: '10.5555/ws.1', decision: 'exclude', reason: 'bored' }, 'reason'],
    ['not-retrieved at title and abstract', ws, { record: '10.5555/ws.1', decision: 'exclude', reason: 'not-retrieved' }, 'reason'],
    ['a body that is not an object', ws, 'include', ''],
  ])('refuses %s', (_, space, body, field) => {
    const result = space.checkVote(body, '2024-05-01');
    expect(isVoteError(result) && result.field).toBe(field);
  });
});

describe('the consensus reviewer’s workspace', () => {
  const votes = [
    v('10.5555/ws.1', 'alice', 'include'),
    v('10.5555/ws.1', 'ben', 'exclude'),
    v('10.5555/ws.2', 'alice', 'exclude'),
    v('10.5555/ws.2', 'ben', 'exclude'),
    v('10.5555/ws.3', 'alice', 'include'),
  ];
  const notes: Note[] = [
    { record: '10.5555/ws.1', stage: 'title-abstract', reviewer: 'ben', note: 'no alliance measure', date: null, line: 50 },
  ];

  test('lists the records whose reviewers disagree once every required reviewer voted', () => {
    const ws = workspace(votes, { reviewer: 'consensus' }, notes);
    expect(ws.mode).toBe('consensus');
    expect(ws.list('to-screen')).toEqual([0]);
    expect(ws.progress()).toMatchObject({ total: 1, mine: 0, left: 1 });
  });

  test('shows each reviewer’s vote with its reason and note', () => {
    const ws = workspace(votes, { reviewer: 'consensus' }, notes);
    expect(ws.view(0)?.votes).toEqual([
      { reviewer: 'alice', decision: 'include', reason: null, date: '2024-02-01', note: null },
      { reviewer: 'ben', decision: 'exclude', reason: null, date: '2024-02-01', note: 'no alliance measure' },
    ]);
  });

  test('moves a settled conflict to "screened by me"', () => {
    const ws = workspace([...votes, v('10.5555/ws.1', 'consensus', 'include')], { reviewer: 'consensus' });
    expect(ws.list('to-screen')).toEqual([]);
    expect(ws.list('mine')).toEqual([0]);
  });

  test('waits for the third reviewer when three are required', () => {
    const ws = workspace(votes, { reviewer: 'consensus', votesRequired: { 'title-abstract': 3, 'full-text': 3 } });
    expect(ws.list('to-screen')).toEqual([]);
  });

  test('uses the consensus name the review gives', () => {
    const ws = workspace(votes, { reviewer: 'lead', consensusName: 'lead' });
    expect(ws.mode).toBe('consensus');
    expect(ws.list('to-screen')).toEqual([0]);
  });
});
