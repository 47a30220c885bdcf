// Where screening of a tracked review stands, formatted for the review page: votes, open records
// and Cohen's kappa per stage. The counting is deriveFlow's; this only picks and formats.
import { format } from 'd3-format';
import { countNoun, formatCount, formatTwoDecimals, plural } from '../format';
import { hasDatabaseArm } from './box-text';
import type { DerivedFlow } from './derive';
import type { Stage } from './screening';

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
  /** With three or more reviewers: each pair's kappa, as shown ("alice and ben", "0.60", "10 records"); the row's kappa is Light's, their mean. */
  pairs: { reviewers: string; kappa: string; basedOn: string }[];
  /** The stage's row of the screening table, as shown. */
  cells: { records: string; decided: string; awaiting: string; conflicts: string; reviewers: string; basedOn: string; observed: string };
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
  /** The summary's figures as shown: "77" votes, "0" records awaiting votes, "1" conflict open (with the noun that agrees). */
  summary: { votes: string; awaiting: string; awaitingNoun: string; conflicts: string; conflictsNoun: string };
  /** Open conflicts beyond those listed by key, as shown ("12"); null when every one is listed. */
  moreConflicts: string | null;
}

/** The name of each screening stage on the pages. */
export const stageLabels: Record<Stage, string> = { 'title-abstract': 'Title and abstract', 'full-text': 'Full text' };

/** Open conflicts the review page lists by key; the records ledger lists every one. */
export const CONFLICTS_LISTED = 50;

/** One stage's progress, formatted. */
function stageView(derived: DerivedFlow, stage: Stage): StageProgressView {
  const p = derived.progress.stages[stage];
  const k = p.agreement.agreement;
  const kappaRecords = k?.n ?? null;
  const observed = k ? percent(k.observed) : null;
  const kappaText = (value: number | null | undefined) =>
    value === null || value === undefined ? 'not computable' : formatTwoDecimals(value);
  const pairs = (p.agreement.pairs ?? []).map((pair) => ({
    reviewers: pair.reviewers.join(' and '),
    kappa: kappaText(pair.agreement?.kappa),
    basedOn: countNoun(pair.agreement?.n ?? 0, 'record'),
  }));
  const multi = p.agreement.light !== undefined;
  return {
    stage,
    label: stageLabels[stage],
    records: p.records,
    decided: p.decided,
    awaiting: p.awaiting,
    conflicts: p.conflicts,
    reviewers: p.agreement.reviewers,
    kappa: multi ? `${kappaText(p.agreement.light)}${p.agreement.light === null ? '' : ' (Light’s)'}` : kappaText(k?.kappa),
    kappaRecords,
    observed,
    note: p.agreement.note,
    pairs,
    cells: {
      records: formatCount(p.records),
      decided: formatCount(p.decided),
      awaiting: formatCount(p.awaiting.length),
      conflicts: formatCount(p.conflicts.length),
      reviewers: p.agreement.reviewers.length ? p.agreement.reviewers.join(', ') : 'none yet',
      basedOn: multi ? countNoun(pairs.length, 'pair') + ' of reviewers' : kappaRecords === null ? '—' : countNoun(kappaRecords, 'record'),
      observed: observed ?? '—',
    },
  };
}

/** Votes, open records and Cohen's kappa per stage, formatted for the page. */
export function progressView(derived: DerivedFlow): ProgressView {
  // A review that searched no database screens nothing on title and abstract: that stage is left out.
  const screened = hasDatabaseArm(derived.flow) ? (['title-abstract', 'full-text'] as const) : (['full-text'] as const);
  const stages = screened.map((stage) => stageView(derived, stage));
  const awaiting = stages.reduce((n, s) => n + s.awaiting.length, 0);
  const conflictCount = stages.reduce((n, s) => n + s.conflicts.length, 0);
  const conflicts = stages.flatMap((s) => s.conflicts.map((key) => ({ key, stage: s.label }))).slice(0, CONFLICTS_LISTED);
  return {
    votes: derived.progress.votes,
    awaiting,
    conflictCount,
    conflicts,
    stages,
    includedWithoutStudy: derived.progress.includedWithoutStudy,
    summary: {
      votes: formatCount(derived.progress.votes),
      awaiting: formatCount(awaiting),
      awaitingNoun: plural(awaiting, 'record'),
      conflicts: formatCount(conflictCount),
      conflictsNoun: plural(conflictCount, 'conflict'),
    },
    moreConflicts: conflictCount > conflicts.length ? formatCount(conflictCount - conflicts.length) : null,
  };
}
