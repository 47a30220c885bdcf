// Test votes: one reviewer's vote, or both reviewers agreeing, with line numbers in the order made.
import type { Stage, Vote } from '../../../src/lib/prisma/screening';

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
export const agree = (record: string, stage: Stage, decision: Vote['decision'], reason: string | null = null) => [vote(record, stage, 'alice', decision, reason), vote(record, stage, 'ben', decision, reason)];
