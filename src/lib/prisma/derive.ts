// The PRISMA 2020 flow derived from a tracked review: search records + screening votes.
//
// Box by box (databases-and-registers arm; the other arms are not tracked):
//   identified.per_source      records in each source file (duplicates included)
//   identified.databases       sum over sources not named as registers; registers: sum over those (0 if none)
//   removed.duplicates         records removed by dedupeRecords (./dedupe.ts); automation and other: 0
//   screened                   unique records (every record left after duplicates enters screening)
//   excluded_screening         records decided "exclude" at title-abstract
//   sought                     records decided "include" at title-abstract
//   not_retrieved              sought records decided "exclude" at full text with reason `not-retrieved`
//   assessed                   sought records decided at full text, other than not retrieved
//   excluded_full_text[id]     sought records decided "exclude" at full text, by reason (every review reason listed, 0 when unused)
//   included_reports           sought records decided "include" at full text
//   included_studies           distinct studies among the included reports: a report counts under the study
//                              whose DOI or PMID it carries (`studies`), else as a study of its own
// Records still awaiting votes or in conflict are in none of the decided boxes, so while screening is
// under way the flow does not close (checkFlow says where) and `progress` lists what is open.
import type { Flow } from '../../schemas/flow';
import type { BibRecord } from '../bibliography';
import { normaliseDoi, normalisePmid } from '../bibliography/record';
import { dedupeRecords, type Deduplication } from './dedupe';
import { deriveAgreement, NOT_RETRIEVED, resolveVotes, type ScreeningRules, type Stage, type StageAgreement, type StageDecision, type Vote } from './screening';

/** A review's exclusion reason (the review schema's `exclusion_reasons` items). */
export interface ExclusionReason {
  id: string;
  label: string;
}

/** What the flow is derived from. */
export interface DeriveFlowInput {
  /** Every parsed record from every source, in source order. */
  records: readonly BibRecord[];
  /** Every vote from screening.csv. */
  votes: readonly Vote[];
  /** The review's exclusion reasons, in the order the diagram lists them. */
  reasons: readonly ExclusionReason[];
  /** Identifier (bare lower-case DOI, or `pmid:<n>`) → study id; see studyIndex. */
  studies?: Readonly<Record<string, string>>;
  /** Source names that are trial registers rather than bibliographic databases. */
  registers?: readonly string[];
  rules?: ScreeningRules;
}

/** A fault found while deriving: a vote or record that does not fit. */
export interface DeriveProblem {
  /** Line in screening.csv, when a vote is at fault. */
  line: number | null;
  record: string;
  message: string;
}

/** Screening progress at one stage. */
export interface StageProgress {
  stage: Stage;
  /** Records to be decided at this stage (all unique records at title-abstract; sought reports at full text). */
  records: number;
  /** Records decided (include or exclude). */
  decided: number;
  /** Keys of records with too few votes. */
  awaiting: string[];
  /** Keys of records whose reviewers disagree (or voted maybe at full text), open until a consensus vote. */
  conflicts: string[];
  /** Cohen's kappa between the two reviewers. */
  agreement: StageAgreement;
}

/** Where screening stands. */
export interface ScreeningProgress {
  /** Votes cast (rows of screening.csv that name a known record). */
  votes: number;
  stages: Record<Stage, StageProgress>;
  /** Included records that match no study record's DOI or PMID (each counted as its own study). */
  includedWithoutStudy: string[];
}

/** The derived flow and everything behind it. */
export interface DerivedFlow {
  /** Same shape as a reported flow, so the two compare box by box. */
  flow: Flow;
  progress: ScreeningProgress;
  deduplication: Deduplication;
  /** Kept record key → its decision at each stage it was voted on. */
  decisions: Map<string, Partial<Record<Stage, StageDecision>>>;
  problems: DeriveProblem[];
}

/** Identifier → study id from study records: each study's DOI and PMID, and those of its further reports. */
export function studyIndex(
  studies: readonly { id: string; doi?: string | undefined; pmid?: string | undefined; reports?: readonly { doi?: string | undefined; pmid?: string | undefined }[] | undefined }[],
): Record<string, string> {
  const index: Record<string, string> = {};
  for (const study of studies) {
    for (const report of [study, ...(study.reports ?? [])]) {
      const doi = normaliseDoi(report.doi);
      const pmid = normalisePmid(report.pmid);
      if (doi) index[doi] ??= study.id;
      if (pmid) index[`pmid:${pmid}`] ??= study.id;
    }
  }
  return index;
}

/** Derives every PRISMA 2020 box of the databases-and-registers arm, and screening progress (rules at the top of this file). */
export function deriveFlow(input: DeriveFlowInput): DerivedFlow {
  const problems: DeriveProblem[] = [];
  const deduplication = dedupeRecords(input.records);

  const votes: Vote[] = [];
  for (const vote of input.votes) {
    const kept = deduplication.aliases[vote.record];
    if (kept === undefined) problems.push({ line: vote.line, record: vote.record, message: `"${vote.record}" is not the key of any record in the records files` });
    else votes.push(kept === vote.record ? vote : { ...vote, record: kept });
  }
  const decisions = resolveVotes(votes, input.rules);

  const perSource: Record<string, number> = {};
  for (const record of input.records) perSource[record.source] = (perSource[record.source] ?? 0) + 1;
  const registerSet = new Set(input.registers ?? []);
  const sum = (pick: (source: string) => boolean) => Object.entries(perSource).reduce((s, [source, n]) => (pick(source) ? s + n : s), 0);

  const excluded: Record<string, number> = Object.fromEntries(input.reasons.map((r) => [r.id, 0]));
  const known = new Set(input.reasons.map((r) => r.id));
  const progress = (stage: Stage, records: number): StageProgress => ({ stage, records, decided: 0, awaiting: [], conflicts: [], agreement: deriveAgreement(votes, stage, input.rules) });
  const ta = progress('title-abstract', deduplication.unique.length);
  let excludedScreening = 0;
  let sought = 0;
  let notRetrieved = 0;
  let assessed = 0;
  const includedReports: string[] = [];
  const soughtKeys: string[] = [];

  const track = (p: StageProgress, key: string, decision: StageDecision | undefined) => {
    const status = decision?.status ?? 'awaiting';
    if (status === 'awaiting') p.awaiting.push(key);
    else if (status === 'conflict') p.conflicts.push(key);
    else p.decided += 1;
    return status;
  };

  for (const record of deduplication.unique) {
    const stagesOf = decisions.get(record.key) ?? {};
    const status = track(ta, record.key, stagesOf['title-abstract']);
    if (status === 'exclude') excludedScreening += 1;
    if (status === 'include') {
      sought += 1;
      soughtKeys.push(record.key);
    } else if (stagesOf['full-text']) {
      const line = stagesOf['full-text'].votes[0]?.line ?? null;
      problems.push({ line, record: record.key, message: `"${record.key}" has full-text votes but was not included at title-abstract screening (${status === 'exclude' ? 'it was excluded' : `it is ${status}`})` });
    }
  }

  const ft = progress('full-text', sought);
  for (const key of soughtKeys) {
    const decision = decisions.get(key)?.['full-text'];
    const status = track(ft, key, decision);
    if (status === 'include') {
      assessed += 1;
      includedReports.push(key);
    } else if (status === 'exclude') {
      const reason = decision?.reason ?? 'unspecified';
      if (reason === NOT_RETRIEVED) {
        notRetrieved += 1;
        continue;
      }
      assessed += 1;
      if (!known.has(reason) && excluded[reason] === undefined) {
        problems.push({ line: decision?.votes[0]?.line ?? null, record: key, message: `"${reason}" is not one of the review's exclusion_reasons ids (${[...known].join(', ') || 'none defined'})` });
      }
      excluded[reason] = (excluded[reason] ?? 0) + 1;
    }
  }

  const studies = new Set<string>();
  const includedWithoutStudy: string[] = [];
  for (const key of includedReports) {
    const ids = deduplication.identifiers[key] ?? { dois: [], pmids: [] };
    const study = [...ids.dois, ...ids.pmids.map((p) => `pmid:${p}`)].map((id) => input.studies?.[id]).find((s) => s !== undefined);
    if (study === undefined) includedWithoutStudy.push(key);
    studies.add(study ?? `record:${key}`);
  }

  const flow: Flow = {
    identified: { databases: sum((s) => !registerSet.has(s)), registers: sum((s) => registerSet.has(s)), per_source: perSource },
    removed_before_screening: { duplicates: deduplication.duplicates.length, automation: 0, other: 0 },
    screened: deduplication.unique.length,
    excluded_screening: excludedScreening,
    sought,
    not_retrieved: notRetrieved,
    assessed,
    excluded_full_text: excluded,
    included_studies: studies.size,
    included_reports: includedReports.length,
  };
  return {
    flow,
    progress: { votes: votes.length, stages: { 'title-abstract': ta, 'full-text': ft }, includedWithoutStudy },
    deduplication,
    decisions,
    problems,
  };
}
