// Test votes: one reviewer's vote, or both reviewers agreeing, with line numbers in the order made.
import type { Stage, Vote } from '../../../src/lib/prisma/screening';
import { rec } from './records';

let line = 1;

/** One vote; lines increase in the order votes are made. */
export const vote = (record: string, stage: Stage, reviewer: string, decision: Vote['decision'], reason: string | null = null): Vote => ({
  line: ++line,
  record,
  stage,
  reviewer,
  decision,
  reason,
  date: null,
});

/** alice and ben cast the same vote on a record at a stage. */
export const agree = (record: string, stage: Stage, decision: Vote['decision'], reason: string | null = null) => [
  vote(record, stage, 'alice', decision, reason),
  vote(record, stage, 'ben', decision, reason),
];

/**
 * A review part-way through screening, shared by the progress and ledger tests:
 * a is included at both stages and a study claims its DOI; b has reviewers disagreeing at title
 * and abstract; c has one vote of two; d is included at both stages, but no study claims it.
 */
export function screeningUnderWay(doiPrefix: string) {
  const [a, b, c, d] = [
    rec({ doi: `10.5555/${doiPrefix}a` }),
    rec({ doi: `10.5555/${doiPrefix}b` }),
    rec({ source: 'psycinfo', position: 1 }),
    rec({ doi: `10.5555/${doiPrefix}d` }),
  ];
  const votes = [
    ...agree(a.key, 'title-abstract', 'include'),
    vote(b.key, 'title-abstract', 'alice', 'include'),
    vote(b.key, 'title-abstract', 'ben', 'exclude'),
    vote(c.key, 'title-abstract', 'alice', 'exclude'),
    ...agree(d.key, 'title-abstract', 'include'),
    ...agree(a.key, 'full-text', 'include'),
    ...agree(d.key, 'full-text', 'include'),
  ];
  return { a, b, c, d, records: [a, b, c, d], votes, studies: { [`10.5555/${doiPrefix}a`]: 'study-a' } };
}
