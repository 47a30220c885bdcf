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
// Each box's records are returned with it (`records`, FlowRecords) and every count is the length of
// its list, so the records ledger and the diagram read one derivation and cannot disagree.
// Records still awaiting votes or in conflict are in none of the decided boxes, so while screening is
// under way the flow does not close (checkFlow says where) and `progress` lists what is open.
//
// The other-methods arm (sources the review's `screening.other_methods` names: citation searching,
// websites, organisations), as PRISMA 2020 draws it:
//   other_methods.identified[method]  records in the files of that method (duplicates included)
//   other_methods.sought              every such record that is not a duplicate of a record found
//                                     earlier (database sources come first, then these, in file order):
//                                     records found by other methods are not screened on title and abstract
//   other_methods.not_retrieved       sought records decided "exclude" at full text with reason `not-retrieved`
//   other_methods.assessed            sought records decided at full text, other than not retrieved
//   other_methods.excluded[id]        sought records decided "exclude" at full text, by reason
//   included_reports, included_studies count the reports included in both arms (studies once)
// A title-abstract vote on such a record is a problem (file and line). A duplicate of a database
// record is removed from this arm (it was found by the search already) and is in the ledger's
// duplicates, not in the databases arm's "duplicates removed" box. When the review names other
// methods and has no other records file, no database or register was searched: the flow says
// `databases_searched: false` and its databases-and-registers boxes are 0.
import type { ExclusionReason, Flow, OtherMethod } from '../../schemas';
import type { BibRecord } from '../bibliography';
import { otherMethodLabels } from '../labels';
import { normaliseDoi, normalisePmid } from '../bibliography/record';
import { contentKey, isContentKey } from '../screening/keys';
import { dedupeRecords, type Deduplication, type Duplicate } from './dedupe';
import {
  canonicalRecordKey,
  deriveAgreement,
  NOT_RETRIEVED,
  resolveVotes,
  type ScreeningRules,
  type Stage,
  type StageAgreement,
  type StageDecision,
  type Vote,
  voteLocation,
} from './screening';

/** A review's exclusion reason (the review schema's `exclusion_reasons` items). */
export type { ExclusionReason } from '../../schemas';

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
  /** Sources identified by other methods (the review's `screening.other_methods`): their records form the other-methods arm. */
  otherMethods?: readonly { source: string; method: OtherMethod }[];
  /** Every records file's source name, records or none; when omitted, the sources of `records`. A database file with no record still counts as a search run. */
  sources?: readonly string[];
  rules?: ScreeningRules;
}

/** A fault found while deriving: a vote or record that does not fit. */
export interface DeriveProblem {
  /** Line of the vote at fault in its file (null when no vote is). */
  line: number | null;
  /** The vote's file inside the review folder, e.g. `screening/alice.csv`; null or absent: screening.csv. */
  file?: string | null;
  /** `warning`: the vote counts, but should be rewritten (an old positional key); absent: an error. */
  severity?: 'warning';
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

/**
 * The records behind each box of the derived flow. The flow's counts are the lengths of these
 * lists, so the records ledger, which lists them, and the diagram, which counts them, cannot disagree.
 */
export interface FlowRecords {
  /** Every record of each source, duplicates included, in input order (source → records; keys repeat across duplicates). */
  identified: Record<string, BibRecord[]>;
  /** Records removed as duplicates (deduplication.duplicates). */
  duplicates: readonly Duplicate[];
  /** Keys of the records screened: every record kept after duplicates are removed, in input order. */
  screened: string[];
  /** Keys of the records excluded at title-abstract. */
  excluded_screening: string[];
  /** Keys of the records included at title-abstract: the reports sought. */
  sought: string[];
  /** Keys of the reports sought whose full text was not retrieved. */
  not_retrieved: string[];
  /** Keys of the reports decided at full text, other than not retrieved. */
  assessed: string[];
  /** Reason id → keys of the reports excluded at full text for it; every review reason first (empty when unused), others after. */
  excluded_full_text: Record<string, string[]>;
  /** Keys of the reports included at full text, in both arms (the databases arm's first). */
  included_reports: string[];
  /** Study id → keys of its included reports (both arms); a report no study record claims is a study of its own, `record:<key>`. */
  included_studies: Record<string, string[]>;
  /** The other-methods arm; absent when the review names no other methods. */
  other_methods?: OtherMethodsRecords;
}

/** The records behind each box of the other-methods arm. */
export interface OtherMethodsRecords {
  /** Every record of each other-methods source, duplicates included (source → records). */
  identified: Record<string, BibRecord[]>;
  /** Source → its method, in the order the review lists them. */
  methods: Record<string, OtherMethod>;
  /** Records of these sources removed as duplicates of a record found earlier (by a database or an earlier source). */
  duplicates: readonly Duplicate[];
  /** Keys of the reports sought: every record of these sources kept after duplicates, in input order. */
  sought: string[];
  not_retrieved: string[];
  assessed: string[];
  /** Reason id → keys of the reports excluded for it; every review reason first. */
  excluded: Record<string, string[]>;
  /** Keys of the reports included from this arm (also in FlowRecords.included_reports). */
  included_reports: string[];
}

/** The derived flow and everything behind it. */
export interface DerivedFlow {
  /** Same shape as a reported flow, so the two compare box by box; every count is the length of a list in `records`. */
  flow: Flow;
  /** The records behind each box. */
  records: FlowRecords;
  progress: ScreeningProgress;
  deduplication: Deduplication;
  /** Kept record key → its decision at each stage it was voted on. */
  decisions: Map<string, Partial<Record<Stage, StageDecision>>>;
  problems: DeriveProblem[];
}

/** The citation fields a study record's reports are matched to search records by. */
interface IndexedReport {
  doi?: string | undefined;
  pmid?: string | undefined;
  title?: string | undefined;
  year?: number | undefined;
  authors?: readonly string[] | undefined;
}

/**
 * Identifier → study id from study records: each study's DOI and PMID, and those of its further
 * reports; a report with neither is indexed by its content key (title, year, first author), so a
 * search record without identifiers still finds the study that reports it.
 */
export function studyIndex(
  studies: readonly (IndexedReport & { id: string; reports?: readonly IndexedReport[] | undefined })[],
): Record<string, string> {
  const index: Record<string, string> = {};
  for (const study of studies) {
    for (const report of [study, ...(study.reports ?? [])]) {
      const doi = normaliseDoi(report.doi);
      const pmid = normalisePmid(report.pmid);
      if (doi) index[doi] ??= study.id;
      if (pmid) index[`pmid:${pmid}`] ??= study.id;
      if (!doi && !pmid && report.title)
        index[contentKey({ title: report.title, year: report.year ?? null, authors: report.authors ?? [] })] ??= study.id;
    }
  }
  return index;
}

type Decisions = DerivedFlow['decisions'];

/**
 * Votes under the key of the record kept for theirs (a vote may name a removed duplicate; a DOI
 * matches in any case); a vote naming no record is a problem.
 */
function keptVotes(votes: readonly Vote[], deduplication: Deduplication, problems: DeriveProblem[]): Vote[] {
  const kept: Vote[] = [];
  for (const vote of votes) {
    const renamed = deduplication.positional[vote.record];
    if (renamed !== undefined)
      problems.push({
        ...voteLocation(vote),
        record: vote.record,
        message: `"${vote.record}" is an old positional key (the record's place in its search file), which changes when the export is re-ordered; it still counts, but replace it with the record's stable key "${renamed}"`,
        severity: 'warning',
      });
    const key = deduplication.aliases[renamed ?? vote.record] ?? deduplication.aliases[canonicalRecordKey(vote.record)];
    if (key === undefined)
      problems.push({
        ...voteLocation(vote),
        record: vote.record,
        message: `"${vote.record}" is not the key of any record in the records files`,
      });
    else kept.push(key === vote.record ? vote : { ...vote, record: key });
  }
  return kept;
}

/** Every record by its source, in input order. */
function bySource(records: readonly BibRecord[]): Record<string, BibRecord[]> {
  const out: Record<string, BibRecord[]> = {};
  for (const record of records) (out[record.source] ??= []).push(record);
  return out;
}

/** Counts a record's status at a stage into its progress; returns the status. */
function track(p: StageProgress, key: string, decision: StageDecision | undefined): StageDecision['status'] {
  const status = decision?.status ?? 'awaiting';
  if (status === 'awaiting') p.awaiting.push(key);
  else if (status === 'conflict') p.conflicts.push(key);
  else p.decided += 1;
  return status;
}

/** Title-abstract screening of every kept record: the records excluded and the reports sought. */
function screenTitles(unique: readonly BibRecord[], decisions: Decisions, p: StageProgress, problems: DeriveProblem[]) {
  const excluded: string[] = [];
  const sought: string[] = [];
  for (const { key } of unique) {
    const stagesOf = decisions.get(key) ?? {};
    const status = track(p, key, stagesOf['title-abstract']);
    if (status === 'exclude') excluded.push(key);
    if (status === 'include') sought.push(key);
    else if (stagesOf['full-text']) {
      const first = stagesOf['full-text'].votes[0];
      problems.push({
        ...(first ? voteLocation(first) : { line: null }),
        record: key,
        message: `"${key}" has full-text votes but was not included at title-abstract screening (${status === 'exclude' ? 'it was excluded' : `it is ${status}`})`,
      });
    }
  }
  return { excluded, sought };
}

/** Full-text screening of the reports sought: not retrieved, assessed, excluded by reason, included. */
function screenFullText(
  sought: readonly string[],
  decisions: Decisions,
  reasons: readonly ExclusionReason[],
  p: StageProgress,
  problems: DeriveProblem[],
) {
  const notRetrieved: string[] = [];
  const assessed: string[] = [];
  const included: string[] = [];
  const excluded: Record<string, string[]> = Object.fromEntries(reasons.map((r) => [r.id, []]));
  const known = [...new Set(reasons.map((r) => r.id))];
  for (const key of sought) {
    const decision = decisions.get(key)?.['full-text'];
    const status = track(p, key, decision);
    const reason = decision?.reason ?? 'unspecified';
    if (status === 'exclude' && reason === NOT_RETRIEVED) notRetrieved.push(key);
    else if (status === 'include' || status === 'exclude') assessed.push(key);
    if (status === 'include') included.push(key);
    if (status !== 'exclude' || reason === NOT_RETRIEVED) continue;
    if (!Object.hasOwn(excluded, reason)) {
      problems.push({
        ...(decision?.votes[0] ? voteLocation(decision.votes[0]) : { line: null }),
        record: key,
        message: `"${reason}" is not one of the review's exclusion_reasons ids (${known.join(', ') || 'none defined'})`,
      });
    }
    (excluded[reason] ??= []).push(key);
  }
  return { notRetrieved, assessed, excluded, included };
}

/** Included reports by study: the study whose DOI or PMID a report carries, else `record:<key>`. */
function byStudy(included: readonly string[], deduplication: Deduplication, studies: Readonly<Record<string, string>> = {}) {
  const out: Record<string, string[]> = {};
  const withoutStudy: string[] = [];
  for (const key of included) {
    const ids = deduplication.identifiers[key] ?? { dois: [], pmids: [] };
    const study = [...ids.dois, ...ids.pmids.map((p) => `pmid:${p}`), ...(isContentKey(key) ? [key] : [])]
      .map((id) => studies[id])
      .find((s) => s !== undefined);
    if (study === undefined) withoutStudy.push(key);
    (out[study ?? `record:${key}`] ??= []).push(key);
  }
  return { byStudy: out, withoutStudy };
}

const lengths = (lists: Readonly<Record<string, readonly unknown[]>>) =>
  Object.fromEntries(Object.entries(lists).map(([k, list]) => [k, list.length]));

/** The other-methods arm's counts: records identified per method (every method listed, 0 when unused), then each box's list. */
function countOther(other: OtherMethodsRecords): NonNullable<Flow['other_methods']> {
  const identified = { websites: 0, organisations: 0, citations: 0 };
  for (const [source, list] of Object.entries(other.identified)) {
    const method = other.methods[source];
    if (method) identified[method] += list.length;
  }
  return {
    identified,
    sought: other.sought.length,
    not_retrieved: other.not_retrieved.length,
    assessed: other.assessed.length,
    excluded: lengths(other.excluded),
  };
}

/** The flow's counts: the length of each list of records. */
function countFlow(records: FlowRecords, registers: ReadonlySet<string>, databasesSearched: boolean): Flow {
  const perSource = lengths(records.identified);
  const sum = (pick: (source: string) => boolean) => Object.entries(perSource).reduce((s, [source, n]) => (pick(source) ? s + n : s), 0);
  return {
    ...(databasesSearched ? {} : { databases_searched: false }),
    identified: { databases: sum((s) => !registers.has(s)), registers: sum((s) => registers.has(s)), per_source: perSource },
    removed_before_screening: { duplicates: records.duplicates.length, automation: 0, other: 0 },
    screened: records.screened.length,
    excluded_screening: records.excluded_screening.length,
    sought: records.sought.length,
    not_retrieved: records.not_retrieved.length,
    assessed: records.assessed.length,
    excluded_full_text: Object.fromEntries(Object.entries(records.excluded_full_text).map(([reason, keys]) => [reason, keys.length])),
    included_studies: Object.keys(records.included_studies).length,
    included_reports: records.included_reports.length,
    ...(records.other_methods ? { other_methods: countOther(records.other_methods) } : {}),
  };
}

/** Records found by other methods are not screened on title and abstract: a vote there on one is a problem. */
function otherTitleVotes(sought: readonly string[], decisions: Decisions, methodOf: (key: string) => string, problems: DeriveProblem[]) {
  for (const key of sought) {
    const vote = decisions.get(key)?.['title-abstract']?.votes[0];
    if (vote)
      problems.push({
        ...voteLocation(vote),
        record: key,
        message: `"${key}" was identified by other methods (${methodOf(key)}): such records are not screened on title and abstract, so vote on it at stage "full-text"`,
      });
  }
}

/** Derives every PRISMA 2020 box of both arms (databases and registers; other methods), the records behind each, and screening progress (rules at the top of this file). */
export function deriveFlow(input: DeriveFlowInput): DerivedFlow {
  const problems: DeriveProblem[] = [];
  const methods: Record<string, OtherMethod> = Object.fromEntries((input.otherMethods ?? []).map((m) => [m.source, m.method]));
  const isOther = (r: BibRecord) => Object.hasOwn(methods, r.source);
  const searchRecords = input.records.filter((r) => !isOther(r));
  const otherRecords = input.records.filter(isOther);
  // Database sources first, so a record found by both is counted where the search found it.
  const deduplication = dedupeRecords([...searchRecords, ...otherRecords]);
  const votes = keptVotes(input.votes, deduplication, problems);
  const decisions = resolveVotes(votes, input.rules);
  const progress = (stage: Stage, records: number): StageProgress => ({
    stage,
    records,
    decided: 0,
    awaiting: [],
    conflicts: [],
    agreement: deriveAgreement(votes, stage, input.rules),
  });

  const searchUnique = deduplication.unique.filter((r) => !isOther(r));
  const otherSought = deduplication.unique.filter(isOther).map((r) => r.key);
  const hasOther = Object.keys(methods).length > 0;
  const sourceOf = new Map(deduplication.unique.map((r) => [r.key, r.source]));
  const methodOf = (k: string) => {
    const source = sourceOf.get(k) ?? '';
    const method = methods[source];
    return `${method ? otherMethodLabels[method].toLowerCase() : 'other methods'}, records file "${source}"`;
  };
  otherTitleVotes(otherSought, decisions, methodOf, problems);

  const ta = progress('title-abstract', searchUnique.length);
  const titles = screenTitles(searchUnique, decisions, ta, problems);
  const ft = progress('full-text', titles.sought.length + otherSought.length);
  const fullText = screenFullText(titles.sought, decisions, input.reasons, ft, problems);
  const otherFullText = screenFullText(otherSought, decisions, input.reasons, ft, problems);
  const studies = byStudy([...fullText.included, ...otherFullText.included], deduplication, input.studies);

  const isOtherDuplicate = (d: Duplicate) => isOther(d.record);
  const identifiedOther = bySource(otherRecords);
  const records: FlowRecords = {
    identified: bySource(searchRecords),
    duplicates: deduplication.duplicates.filter((d) => !isOtherDuplicate(d)),
    screened: searchUnique.map((r) => r.key),
    excluded_screening: titles.excluded,
    sought: titles.sought,
    not_retrieved: fullText.notRetrieved,
    assessed: fullText.assessed,
    excluded_full_text: fullText.excluded,
    included_reports: [...fullText.included, ...otherFullText.included],
    included_studies: studies.byStudy,
    ...(hasOther
      ? {
          other_methods: {
            identified: Object.fromEntries(Object.keys(methods).map((source) => [source, identifiedOther[source] ?? []])),
            methods,
            duplicates: deduplication.duplicates.filter(isOtherDuplicate),
            sought: otherSought,
            not_retrieved: otherFullText.notRetrieved,
            assessed: otherFullText.assessed,
            excluded: otherFullText.excluded,
            included_reports: otherFullText.included,
          },
        }
      : {}),
  };
  const sourceNames = input.sources ?? input.records.map((r) => r.source);
  const databasesSearched = !hasOther || sourceNames.some((s) => !Object.hasOwn(methods, s));
  return {
    flow: countFlow(records, new Set(input.registers ?? []), databasesSearched),
    records,
    progress: { votes: votes.length, stages: { 'title-abstract': ta, 'full-text': ft }, includedWithoutStudy: studies.withoutStudy },
    deduplication,
    decisions,
    problems,
  };
}
