import { describe, expect, test } from 'vitest';
import { describeVoteLocation, parseScreeningCsv, SCREENING_HEADER } from '../../../src/lib/prisma/screening';
import { deriveFlow } from '../../../src/lib/prisma/derive';
import { rec } from '../prisma/records';
import {
  formatNoteLine,
  formatVoteLine,
  mergeScreeningFiles,
  NOTES_HEADER,
  notesFileName,
  parseNotesCsv,
  reviewerNameProblem,
  voteFileName,
} from '../../../src/lib/screening/files';

describe('reviewerNameProblem', () => {
  test.each(['alice', 'ben-2', 'a', 'x'.repeat(40)])('accepts the plain name %j', (name) => {
    expect(reviewerNameProblem(name)).toBeNull();
  });
  test.each(['Alice', '2ben', '', 'al ice', '../etc', 'a.b', 'x'.repeat(41), 'bob\n'])('refuses %j', (name) => {
    expect(reviewerNameProblem(name)).toMatch(/is not a plain reviewer name/);
  });
});

describe('file names', () => {
  test('a reviewer writes to screening/<name>.csv, the consensus reviewer to consensus.csv', () => {
    expect(voteFileName('alice', 'consensus')).toBe('alice.csv');
    expect(voteFileName('lead', 'lead')).toBe('consensus.csv');
    expect(notesFileName('alice', 'consensus')).toBe('alice.notes.csv');
    expect(notesFileName('lead', 'lead')).toBe('consensus.notes.csv');
  });
});

describe('formatVoteLine', () => {
  test('writes one screening.csv row that parses back to the vote', () => {
    const line = formatVoteLine({
      record: '10.5555/a,b',
      stage: 'full-text',
      reviewer: 'alice',
      decision: 'exclude',
      reason: 'not-etherapy',
      date: '2024-03-01',
    });
    expect(line).toBe('"10.5555/a,b",full-text,alice,exclude,not-etherapy,2024-03-01\n');
    expect(parseScreeningCsv(`${SCREENING_HEADER}\n${line}`).votes).toMatchObject([{ record: '10.5555/a,b', reason: 'not-etherapy' }]);
  });
});

describe('notes', () => {
  test('a note with commas, quotes and line breaks survives a round trip', () => {
    const note = 'Check the "methods", then\nthe appendix';
    const text = `${NOTES_HEADER}\n${formatNoteLine({ record: 'pmid:1', stage: 'title-abstract', note, date: '2024-02-01' })}`;
    expect(parseNotesCsv(text, 'alice', 'screening/alice.notes.csv')).toEqual({
      problems: [],
      notes: [{ record: 'pmid:1', stage: 'title-abstract', reviewer: 'alice', note, date: '2024-02-01', line: 2 }],
    });
  });

  test('a notes file with another header is a problem', () => {
    expect(parseNotesCsv('record,note\n', 'alice', 'f').problems[0]?.message).toMatch(/header must be exactly/);
  });
});

describe('mergeScreeningFiles', () => {
  const row = (reviewer: string, decision = 'include') => `10.5555/a,title-abstract,${reviewer},${decision},,2024-02-01`;
  const file = (name: string, ...rows: string[]) => ({ name, text: [SCREENING_HEADER, ...rows].join('\n') });

  test('orders the shared log before the per-reviewer files, so a reviewer’s own file wins', () => {
    const { votes, problems } = mergeScreeningFiles(
      [file('screening/alice.csv', row('alice', 'exclude')), file('screening.csv', row('alice', 'include'), row('ben'))],
      { consensusName: 'consensus' },
    );
    expect(problems).toEqual([]);
    const alice = votes.filter((v) => v.reviewer === 'alice').sort((a, b) => a.line - b.line);
    expect(alice.map((v) => v.decision)).toEqual(['include', 'exclude']);
  });

  test('a vote in another reviewer’s file is a problem and is left out', () => {
    const { votes, problems } = mergeScreeningFiles([file('screening/alice.csv', row('alice'), row('ben'))], {
      consensusName: 'consensus',
    });
    expect(votes.map((v) => v.reviewer)).toEqual(['alice']);
    expect(problems).toEqual([{ file: 'screening/alice.csv', line: 3, message: expect.stringMatching(/"ben" voted in alice's file/) }]);
  });

  test('consensus.csv holds the consensus reviewer’s votes, whatever the name', () => {
    const { votes, problems } = mergeScreeningFiles([file('screening/consensus.csv', row('lead'))], { consensusName: 'lead' });
    expect(problems).toEqual([]);
    expect(votes).toHaveLength(1);
  });
});

describe('votes merged from several files', () => {
  const files = [
    {
      name: 'screening/alice.csv',
      text: `${SCREENING_HEADER}\n10.5555/a,title-abstract,alice,include,,\n10.5555/missing,title-abstract,alice,exclude,,\n`,
    },
    { name: 'screening.csv', text: `${SCREENING_HEADER}\n10.5555/a,title-abstract,ben,include,,\n` },
  ];

  test('keep the file and line each vote is written on', () => {
    const { votes } = mergeScreeningFiles(files, { consensusName: 'consensus' });
    expect(votes.map((v) => v.at)).toEqual([
      { file: 'screening.csv', line: 2 },
      { file: 'screening/alice.csv', line: 2 },
      { file: 'screening/alice.csv', line: 3 },
    ]);
    expect(votes.map((v) => describeVoteLocation(v))).toEqual([
      'screening.csv line 2',
      'screening/alice.csv line 2',
      'screening/alice.csv line 3',
    ]);
  });

  test('name that file and line when the derivation finds a fault in a vote', () => {
    const { votes } = mergeScreeningFiles(files, { consensusName: 'consensus' });
    const derived = deriveFlow({ records: [rec({ source: 'pubmed', doi: '10.5555/a' })], votes, reasons: [] });
    expect(derived.problems).toEqual([
      {
        file: 'screening/alice.csv',
        line: 3,
        record: '10.5555/missing',
        message: '"10.5555/missing" is not the key of any record in the records files',
      },
    ]);
  });
});
