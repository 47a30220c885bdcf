// One import, planned without touching files: which entries become draft records (and under
// which ids), which duplicate a study or an earlier entry, and which cannot be used and why.
import type { BibParseResult, BibProblem, BibRecord } from '../bibliography';
import type { StudyInput } from '../../schemas';
import { citationFromRecord } from './citation';
import { draftStudy } from './draft';
import { findDuplicates, type DuplicateFinding, type KnownStudy } from './duplicates';
import { baseStudyId, uniqueId } from './ids';

/** What every draft of one import shares. */
export interface ImportOptions {
  /** Review the studies are proposed for (decision `pending`). */
  review: string;
  /** Today, YYYY-MM-DD. */
  today: string;
  /** The file's name, e.g. `pubmed.nbib`, named in each draft's placeholder summary. */
  origin: string;
}

/** One draft record to write. */
export interface DraftEntry {
  id: string;
  study: StudyInput;
  record: BibRecord;
  /** Things to check, in plain sentences (e.g. an organisation left out of the authors). */
  notes: string[];
}

/** An entry that was read but cannot become a study record. */
export interface UnusableEntry {
  record: BibRecord;
  reason: string;
}

export interface ImportPlan {
  drafts: DraftEntry[];
  duplicates: DuplicateFinding[];
  unusable: UnusableEntry[];
  /** Problems the parser reported: entries it could not read, and faults in entries it still read. */
  fileProblems: BibProblem[];
  /** Entries the parser read. */
  read: number;
}

/** Plans the import of a parsed file against the studies already known; `takenIds` are ids (file names) already in use. */
export function planImport(
  parsed: BibParseResult,
  known: readonly KnownStudy[],
  takenIds: ReadonlySet<string>,
  options: ImportOptions,
): ImportPlan {
  const { fresh, duplicates } = findDuplicates(known, parsed.records);
  const taken = new Set(takenIds);
  const drafts: DraftEntry[] = [];
  const unusable: UnusableEntry[] = [];
  const currentYear = /^\d{4}/.test(options.today) ? Number(options.today.slice(0, 4)) : undefined;
  for (const record of fresh) {
    const result = citationFromRecord(record, { currentYear });
    if (!result.ok) {
      unusable.push({ record, reason: result.reason });
      continue;
    }
    const id = uniqueId(baseStudyId(result.citation.authors, result.citation.year, result.citation.title), taken);
    taken.add(id);
    const study = draftStudy(result.citation, {
      id,
      review: options.review,
      today: options.today,
      origin: options.origin,
      verification: 'bibliographic',
      unverifiedCitation: result.unverified,
    });
    drafts.push({ id, study, record, notes: result.notes });
  }
  return { drafts, duplicates, unusable, fileProblems: parsed.problems, read: parsed.records.length };
}

/** Chooses the review for new drafts: the one asked for, else the only review there is. */
export function chooseReview(
  requested: string | undefined,
  available: readonly string[],
): { ok: true; review: string } | { ok: false; message: string } {
  const list = available.length ? available.join(', ') : 'none';
  if (requested) {
    return available.includes(requested)
      ? { ok: true, review: requested }
      : { ok: false, message: `--review ${requested}: there is no such review (content/reviews has ${list})` };
  }
  if (available.length === 1) return { ok: true, review: available[0]! };
  if (available.length === 0)
    return { ok: false, message: 'there is no review in content/reviews to add studies to; add the review record first' };
  return { ok: false, message: `say which review the studies are for with --review <id> (one of ${list})` };
}
