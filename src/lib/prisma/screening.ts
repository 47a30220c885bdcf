// The screening log (`screening.csv`): one row per vote. Parsing, per-record decisions and
// agreement between reviewers (Cohen's kappa).
//
// Rules (DESIGN.md "Tracking a review in the repository", decided here):
// - A reviewer's latest vote (lowest in the file) on a record at a stage replaces their earlier ones.
// - Consensus: a vote by a consensus reviewer (default name `consensus`, case-insensitive) settles
//   the record at that stage, whatever the reviewers voted; it is written after their votes, and the
//   latest consensus vote counts. A consensus vote of `maybe` leaves the record open.
// - Without a consensus vote, a record is decided when at least `votesRequired` reviewers (default 2)
//   voted and all agree; reviewers who disagree make a conflict, open until a consensus vote.
// - `maybe` at title-abstract counts as include (the record goes on to full text), so include and
//   maybe agree. At full text `maybe` is not a decision: the record stays open (a conflict) until a
//   consensus vote. At full text reviewers who exclude for different reasons are in conflict too.
// - Not retrieved: a full-text `exclude` with reason `not-retrieved` means the report was sought but
//   could not be obtained. It counts in "Reports not retrieved", not in the exclusion reasons.
// - Kappa: Cohen's kappa on two categories, include versus exclude, with `maybe` counted as include
//   (at both stages: "not excluded"). It uses each of exactly two reviewers' latest votes on the
//   records both voted on; consensus votes are left out, and at full text so are records either
//   reviewer marked `not-retrieved` (no eligibility judgement was made). With three or more
//   reviewers: Cohen's kappa for every pair on the records both voted on, and Light's kappa (Light
//   1971), the mean of the pairs' kappas, as irr::kappam.light computes it for complete ratings.

import { parseCsvText } from './csv-text';

export const stages = ['title-abstract', 'full-text'] as const;
/** A screening stage. */
export type Stage = (typeof stages)[number];

export const voteDecisions = ['include', 'exclude', 'maybe'] as const;
/** A reviewer's vote. */
export type VoteDecision = (typeof voteDecisions)[number];

/** The header `screening.csv` must start with, exactly. */
export const SCREENING_HEADER = 'record,stage,reviewer,decision,reason,date';
/** The reason that marks a full-text report as sought but not retrieved. */
export const NOT_RETRIEVED = 'not-retrieved';
/** Reviewer names whose vote settles a record. */
export const DEFAULT_CONSENSUS_REVIEWERS: readonly string[] = ['consensus'];

/** One vote, from one row of `screening.csv`. */
export interface Vote {
  /** 1-based line in screening.csv; when several files are merged, the vote's order across them (see `at`). */
  line: number;
  /** Record key: a DOI (lower case, whatever case the file gives), `pmid:<n>` or an assigned key such as `psycinfo-4`. */
  record: string;
  stage: Stage;
  reviewer: string;
  decision: VoteDecision;
  /** Exclusion-reason id; null when none was given. */
  reason: string | null;
  /** Date of the vote (YYYY-MM-DD); null when left blank. */
  date: string | null;
  /** Where the vote was read, when several files are merged into one log (`line` then orders votes across files). */
  at?: { file: string; line: number };
}

/** Where a vote stands, for a message: its file inside the review folder (null = screening.csv) and its line there. */
export function voteLocation(vote: Pick<Vote, 'line' | 'at'>): { file: string | null; line: number } {
  return vote.at ? { file: vote.at.file, line: vote.at.line } : { file: null, line: vote.line };
}

/** "screening/alice.csv line 4", or "line 4" of screening.csv. */
export function describeVoteLocation(vote: Pick<Vote, 'line' | 'at'>): string {
  const where = voteLocation(vote);
  return `${where.file ? `${where.file} ` : ''}line ${where.line}`;
}

/** A fault in screening.csv: line, column and a sentence. */
export interface ScreeningProblem {
  line: number;
  /** Column name (`record`, `stage`, ...), or `header`. */
  field: string;
  message: string;
}

/** How votes become decisions. */
export interface ScreeningRules {
  /** Reviewer names whose vote settles a record (default `consensus`). */
  consensusReviewers?: readonly string[];
  /** Agreeing reviewers needed to decide a record without a consensus vote (default 2): one number, or one per stage. */
  votesRequired?: number | Partial<Record<Stage, number>>;
}

/**
 * A record key as records are keyed: a DOI compares without regard to case (DOIs are
 * case-insensitive, and records carry them in lower case), so `10.2196/JMIR.2084` is
 * `10.2196/jmir.2084`; `pmid:<n>` and assigned keys stay as they are.
 */
export function canonicalRecordKey(key: string): string {
  const lower = key.toLowerCase();
  return /^10\.\d{4,9}\//.test(lower) ? lower : key;
}

/** A real calendar date written YYYY-MM-DD (2024-02-31 is not one). */
const isIsoDate = (s: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const date = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === s;
};

/**
 * Parses screening.csv text into votes. Rows with a fault are reported and left out.
 * `reasons`, when given, are the review's exclusion-reason ids a vote's reason must be one of
 * (besides `not-retrieved`).
 */
export function parseScreeningCsv(
  text: string,
  options: { reasons?: readonly string[] } = {},
): { votes: Vote[]; problems: ScreeningProblem[] } {
  const votes: Vote[] = [];
  const problems: ScreeningProblem[] = [];
  const parsed = parseCsvText(text);
  problems.push(...parsed.problems.map((p) => ({ line: p.line, field: 'record', message: p.message })));
  const [header, ...rows] = parsed.rows;
  if (!header) {
    problems.push({ line: 1, field: 'header', message: `the file is empty: it must start with the header "${SCREENING_HEADER}"` });
    return { votes, problems };
  }
  const headerText = header.fields.map((f) => f.trim()).join(',');
  if (headerText !== SCREENING_HEADER) {
    problems.push({
      line: header.line,
      field: 'header',
      message: `the header must be exactly "${SCREENING_HEADER}" (found "${headerText}")`,
    });
    return { votes, problems };
  }
  const known = options.reasons ? new Set(options.reasons) : null;
  for (const row of rows) {
    const { line } = row;
    const rowProblems: ScreeningProblem[] = [];
    const fail = (field: string, message: string) => rowProblems.push({ line, field, message });
    if (row.fields.length !== 6) {
      problems.push({ line, field: 'record', message: `the row has ${row.fields.length} fields; it needs 6 (${SCREENING_HEADER})` });
      continue;
    }
    const [record = '', stage = '', reviewer = '', decision = '', reason = '', date = ''] = row.fields.map((f) => f.trim());
    if (!record) fail('record', 'is empty: give the record key (DOI, pmid:<n> or the assigned key)');
    if (!(stages as readonly string[]).includes(stage)) fail('stage', `must be "title-abstract" or "full-text" (found "${stage}")`);
    if (!reviewer) fail('reviewer', "is empty: give the reviewer's name");
    if (!(voteDecisions as readonly string[]).includes(decision))
      fail('decision', `must be "include", "exclude" or "maybe" (found "${decision}")`);
    if (decision === 'exclude' && stage === 'full-text' && !reason) {
      fail('reason', 'is required for a full-text exclusion: give one of the review\'s exclusion_reasons ids, or "not-retrieved"');
    }
    if (reason && decision !== 'exclude' && (voteDecisions as readonly string[]).includes(decision))
      fail('reason', `only belongs to an exclusion (decision is "${decision}")`);
    if (reason === NOT_RETRIEVED && stage === 'title-abstract')
      fail('reason', '"not-retrieved" belongs to the full-text stage: a report not retrieved was sought for full text');
    else if (reason && reason !== NOT_RETRIEVED && known && !known.has(reason)) {
      fail(
        'reason',
        `"${reason}" is not one of this review's exclusion_reasons ids (${[...known].join(', ') || 'none defined'}) or "not-retrieved"`,
      );
    }
    if (date && !isIsoDate(date)) fail('date', `must be a date written YYYY-MM-DD, or blank (found "${date}")`);
    if (rowProblems.length > 0) {
      problems.push(...rowProblems);
      continue;
    }
    votes.push({
      line,
      record: canonicalRecordKey(record),
      stage: stage as Stage,
      reviewer,
      decision: decision as VoteDecision,
      reason: reason || null,
      date: date || null,
    });
  }
  return { votes, problems };
}

/** Where a record stands at one stage. */
export type StageStatus = 'awaiting' | 'include' | 'exclude' | 'conflict';

/** A record's decision at one stage, with the votes it rests on. */
export interface StageDecision {
  record: string;
  stage: Stage;
  /** `awaiting`: too few votes; `conflict`: open until a consensus vote; else the decision. */
  status: StageStatus;
  /** The exclusion reason when excluded (null when none was given). */
  reason: string | null;
  /** How the decision was reached; null while open. */
  settledBy: 'agreement' | 'consensus' | null;
  /** Why the record is open, in a sentence; null when decided. */
  note: string | null;
  /** Every vote on the record at this stage, in file order. */
  votes: Vote[];
}

/** Agreeing reviewers a record needs at `stage` (default 2). */
export function votesRequiredAt(rules: ScreeningRules, stage: Stage): number {
  const r = rules.votesRequired;
  return (typeof r === 'number' ? r : r?.[stage]) ?? 2;
}

const isConsensus = (reviewer: string, rules: ScreeningRules) =>
  (rules.consensusReviewers ?? DEFAULT_CONSENSUS_REVIEWERS).some((name) => name.toLowerCase() === reviewer.toLowerCase());

/** Each reviewer's latest vote (consensus reviewers left out), in order of the reviewers' names. */
export function latestVotes(votes: readonly Vote[], rules: ScreeningRules = {}): Vote[] {
  const latest = new Map<string, Vote>();
  for (const vote of [...votes].sort((a, b) => a.line - b.line)) if (!isConsensus(vote.reviewer, rules)) latest.set(vote.reviewer, vote);
  return [...latest.values()].sort((a, b) => a.reviewer.localeCompare(b.reviewer));
}

/** Decides one record at one stage from its votes (see the rules at the top of this file). */
export function resolveStage(record: string, stage: Stage, votes: readonly Vote[], rules: ScreeningRules = {}): StageDecision {
  const ordered = [...votes].sort((a, b) => a.line - b.line);
  const base = { record, stage, votes: ordered };
  const open = (status: 'awaiting' | 'conflict', note: string): StageDecision => ({ ...base, status, reason: null, settledBy: null, note });
  const consensus = ordered.filter((v) => isConsensus(v.reviewer, rules)).pop();
  if (consensus) {
    if (consensus.decision === 'maybe') return open('conflict', `the consensus vote (${describeVoteLocation(consensus)}) is "maybe"`);
    return {
      ...base,
      status: consensus.decision,
      reason: consensus.decision === 'exclude' ? consensus.reason : null,
      settledBy: 'consensus',
      note: null,
    };
  }
  const latest = latestVotes(ordered, rules);
  if (latest.length === 0) return open('awaiting', 'no votes yet');
  const position = (v: Vote) => {
    if (v.decision === 'maybe') return stage === 'title-abstract' ? 'include' : 'maybe';
    return stage === 'full-text' && v.decision === 'exclude' ? `exclude:${v.reason ?? ''}` : v.decision;
  };
  const positions = new Set(latest.map(position));
  const who = latest.map((v) => `${v.reviewer} ${v.decision}${v.reason && v.decision === 'exclude' ? ` (${v.reason})` : ''}`).join(', ');
  if (positions.size > 1) return open('conflict', `reviewers disagree: ${who}`);
  const required = votesRequiredAt(rules, stage);
  if (latest.length < required) return open('awaiting', `${latest.length} of ${required} votes cast (${who})`);
  const [agreed] = positions;
  if (agreed === 'maybe') return open('conflict', `"maybe" at full text needs a consensus vote: ${who}`);
  const excluded = agreed?.startsWith('exclude') ?? false;
  const reason = excluded ? (stage === 'full-text' ? (latest[0]?.reason ?? null) : (latest.find((v) => v.reason)?.reason ?? null)) : null;
  return { ...base, status: excluded ? 'exclude' : 'include', reason, settledBy: 'agreement', note: null };
}

/** Decides every voted record at every stage: record key → stage → decision. */
export function resolveVotes(votes: readonly Vote[], rules: ScreeningRules = {}): Map<string, Partial<Record<Stage, StageDecision>>> {
  const grouped = new Map<string, Vote[]>();
  for (const vote of votes) {
    const id = `${vote.stage}\u0000${vote.record}`;
    grouped.set(id, [...(grouped.get(id) ?? []), vote]);
  }
  const out = new Map<string, Partial<Record<Stage, StageDecision>>>();
  for (const group of grouped.values()) {
    const first = group[0];
    if (!first) continue;
    const entry = out.get(first.record) ?? {};
    entry[first.stage] = resolveStage(first.record, first.stage, group, rules);
    out.set(first.record, entry);
  }
  return out;
}

/** Observed agreement, chance agreement and Cohen's kappa of a square table of counts. */
export interface Kappa {
  /** Records rated by both raters. */
  n: number;
  /** Proportion of records on which the raters agree (p_o). */
  observed: number;
  /** Agreement expected by chance from the raters' marginal proportions (p_e). */
  expected: number;
  /** (p_o − p_e) / (1 − p_e); null when p_e = 1 (both raters used one category only). */
  kappa: number | null;
}

/** Cohen's (1960) kappa for a k × k table: rows are rater A's categories, columns rater B's. Null for an empty table. */
export function cohensKappa(table: readonly (readonly number[])[]): Kappa | null {
  const k = table.length;
  if (k === 0 || table.some((row) => row.length !== k)) return null;
  const n = table.reduce((sum, row) => sum + row.reduce((s, x) => s + x, 0), 0);
  if (n === 0) return null;
  let agree = 0;
  let chance = 0;
  for (let i = 0; i < k; i++) {
    agree += table[i]?.[i] ?? 0;
    const rowTotal = table[i]?.reduce((s, x) => s + x, 0) ?? 0;
    const colTotal = table.reduce((s, row) => s + (row[i] ?? 0), 0);
    chance += rowTotal * colTotal;
  }
  const observed = agree / n;
  const expected = chance / (n * n);
  return { n, observed, expected, kappa: expected === 1 ? null : (observed - expected) / (1 - expected) };
}

/** Cohen's kappa between one pair of reviewers at a stage. */
export interface PairAgreement {
  reviewers: [string, string];
  /** 2 × 2 counts, rows = first reviewer, columns = second, order [include, exclude]. */
  table: [[number, number], [number, number]];
  /** Kappa and its parts; null when no record has votes from both. */
  agreement: Kappa | null;
}

/** Agreement between the reviewers at one stage. */
export interface StageAgreement {
  stage: Stage;
  /** The stage's reviewers (consensus reviewers left out), by name. */
  reviewers: string[];
  /** 2 × 2 counts, rows = first reviewer, columns = second, order [include, exclude]; null unless exactly two reviewers. */
  table: [[number, number], [number, number]] | null;
  /** Kappa and its parts; null when it cannot be computed (see `note`), and with three or more reviewers (see `pairs`). */
  agreement: Kappa | null;
  /**
   * With three or more reviewers: Cohen's kappa for every pair, and `light`, their mean (Light's kappa,
   * Light 1971), over the pairs whose kappa is defined; absent with fewer than three.
   */
  pairs?: PairAgreement[];
  light?: number | null;
  /** Why there is no kappa, in a sentence; null when there is one. */
  note: string | null;
}

/** The 2 × 2 table of two reviewers' latest votes, over the records both voted on (see the rules at the top of this file). */
function pairTable(byRecord: ReadonlyMap<string, Vote[]>, stage: Stage, a: string, b: string, rules: ScreeningRules) {
  const table: [[number, number], [number, number]] = [
    [0, 0],
    [0, 0],
  ];
  const category = (v: Vote): 0 | 1 => (v.decision === 'exclude' ? 1 : 0);
  for (const recordVotes of byRecord.values()) {
    const latest = latestVotes(recordVotes, rules);
    const va = latest.find((v) => v.reviewer === a);
    const vb = latest.find((v) => v.reviewer === b);
    if (!va || !vb) continue;
    if (stage === 'full-text' && (va.reason === NOT_RETRIEVED || vb.reason === NOT_RETRIEVED)) continue;
    table[category(va)][category(vb)] += 1;
  }
  return table;
}

/** Every pair's kappa and Light's kappa, their mean, for three or more reviewers. */
function multiRaterAgreement(byRecord: ReadonlyMap<string, Vote[]>, stage: Stage, reviewers: readonly string[], rules: ScreeningRules) {
  const pairs: PairAgreement[] = [];
  reviewers.forEach((a, i) =>
    reviewers.slice(i + 1).forEach((b) => {
      const table = pairTable(byRecord, stage, a, b, rules);
      pairs.push({ reviewers: [a, b], table, agreement: cohensKappa(table) });
    }),
  );
  const defined = pairs.map((p) => p.agreement?.kappa).filter((k): k is number => typeof k === 'number');
  const light = defined.length > 0 ? defined.reduce((s, k) => s + k, 0) / defined.length : null;
  const note = light === null ? `no pair of the ${reviewers.length} reviewers has a defined kappa yet` : null;
  return { pairs, light, note };
}

/** Cohen's kappa between the two reviewers at one stage (see the rules at the top of this file). */
export function deriveAgreement(votes: readonly Vote[], stage: Stage, rules: ScreeningRules = {}): StageAgreement {
  const atStage = votes.filter((v) => v.stage === stage);
  const byRecord = new Map<string, Vote[]>();
  for (const vote of atStage) byRecord.set(vote.record, [...(byRecord.get(vote.record) ?? []), vote]);
  const reviewers = [...new Set(atStage.filter((v) => !isConsensus(v.reviewer, rules)).map((v) => v.reviewer))].sort((a, b) =>
    a.localeCompare(b),
  );
  const none = (note: string): StageAgreement => ({ stage, reviewers, table: null, agreement: null, note });
  if (reviewers.length >= 3) {
    const multi = multiRaterAgreement(byRecord, stage, reviewers, rules);
    return { stage, reviewers, table: null, agreement: null, pairs: multi.pairs, light: multi.light, note: multi.note };
  }
  const [a, b] = reviewers;
  if (reviewers.length !== 2 || a === undefined || b === undefined) {
    return none(
      `kappa needs at least two reviewers; ${stage} has ${reviewers.length}${reviewers.length > 0 ? ` (${reviewers.join(', ')})` : ''}`,
    );
  }
  const table = pairTable(byRecord, stage, a, b, rules);
  const agreement = cohensKappa(table);
  if (!agreement) return { ...none(`no record at ${stage} has votes from both ${a} and ${b}`), table };
  const note = agreement.kappa === null ? 'kappa is undefined: both reviewers put every record in the same category' : null;
  return { stage, reviewers, table, agreement, note };
}
