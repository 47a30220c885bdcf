// Where screening of a tracked review stands, formatted for the review page: votes, open records
// and Cohen's kappa per stage. The counting is deriveFlow's; this only picks and formats.
import { format } from 'd3-format';
import type { DerivedFlow } from './derive';
import type { Stage } from './screening';

const kappaFormat = format('.2f');
const percent = format('.0%');

/** One stage's progress, formatted. */
export interface StageProgressView {
  stage: Stage;
  label: string;
  /** Records to decide at this stage. */
  records: number;
  decided: number;
  awaiting: string[];
  conflicts: string[];
  reviewers: string[];
  /** Cohen's kappa to two decimals, or "not computable". */
  kappa: string;
  /** Records both reviewers voted on (what kappa rests on); null when there are none. */
  kappaRecords: number | null;
  /** Observed agreement as a percentage; null without a kappa table. */
  observed: string | null;
  /** Why kappa is not computable; null when it is. */
  note: string | null;
}

/** Where screening stands, for the review page. */
export interface ProgressView {
  votes: number;
  /** Records awaiting votes, both stages together. */
  awaiting: number;
  /** Open conflicts, both stages together. */
  conflictCount: number;
  /** The first open conflicts by record key (at most CONFLICTS_LISTED; the ledger lists them all). */
  conflicts: { key: string; stage: string }[];
  stages: StageProgressView[];
  includedWithoutStudy: string[];
}

/** The name of each screening stage on the pages. */
export const stageLabels: Record<Stage, string> = { 'title-abstract': 'Title and abstract', 'full-text': 'Full text' };

/** Open conflicts the review page lists by key; the records ledger lists every one. */
export const CONFLICTS_LISTED = 50;

/** Votes, open records and Cohen's kappa per stage, formatted for the page. */
export function progressView(derived: DerivedFlow): ProgressView {
  const stages = (['title-abstract', 'full-text'] as const).map((stage): StageProgressView => {
    const p = derived.progress.stages[stage];
    const k = p.agreement.agreement;
    return {
      stage,
      label: stageLabels[stage],
      records: p.records,
      decided: p.decided,
      awaiting: p.awaiting,
      conflicts: p.conflicts,
      reviewers: p.agreement.reviewers,
      kappa: k?.kappa === null || k?.kappa === undefined ? 'not computable' : kappaFormat(k.kappa),
      kappaRecords: k?.n ?? null,
      observed: k ? percent(k.observed) : null,
      note: p.agreement.note,
    };
  });
  return {
    votes: derived.progress.votes,
    awaiting: stages.reduce((n, s) => n + s.awaiting.length, 0),
    conflictCount: stages.reduce((n, s) => n + s.conflicts.length, 0),
    conflicts: stages.flatMap((s) => s.conflicts.map((key) => ({ key, stage: s.label }))).slice(0, CONFLICTS_LISTED),
    stages,
    includedWithoutStudy: derived.progress.includedWithoutStudy,
  };
}
