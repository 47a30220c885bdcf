// Which imported entries are already in the repository, or appear twice in the same import.
// Exact matches (same DOI, same PMID, same normalised title + year + first author) use the
// screening deduplicator (src/lib/prisma/dedupe.ts); a near-identical title in the same year is
// caught here as well, unless the two records carry different DOIs or PMIDs.
import type { Citation } from '../../schemas';
import type { BibRecord } from '../bibliography';
import { dedupeRecords, normaliseTitle } from '../prisma/dedupe';
import { editDistance } from '../validation/suggest';

/** The citation of a report, as far as a record already in the repository gives it (an imported draft may lack a year). */
export type KnownReport = { [K in 'title' | 'authors' | 'doi' | 'pmid']?: Citation[K] | undefined } & { year?: number | null | undefined };

/** A study record already in the repository: its primary report and any further reports. */
export interface KnownStudy extends KnownReport {
  id: string;
  /** Its file, for messages, e.g. `content/studies/germain-2010.yaml`. */
  file: string;
  reports?: KnownReport[] | undefined;
}

/** How a duplicate was recognised. */
export type DuplicateReason = 'doi' | 'pmid' | 'title' | 'similar-title';

/** An imported entry that is not written because it duplicates a study or an earlier entry. */
export interface DuplicateFinding {
  record: BibRecord;
  reason: DuplicateReason;
  /** The study already in the repository, or the earlier entry of this import. */
  of: { study: KnownStudy } | { entry: BibRecord };
}

/** Titles at most this far apart (edit distance / length of the longer normalised title) are near-identical. */
export const SIMILAR_TITLE_DISTANCE = 0.1;

const KNOWN_PREFIX = 'known-study:';

function knownRecords(known: readonly KnownStudy[]): { records: BibRecord[]; owner: Map<string, KnownStudy> } {
  const records: BibRecord[] = [];
  const owner = new Map<string, KnownStudy>();
  known.forEach((study, s) => {
    [study, ...(study.reports ?? [])].forEach((report, r) => {
      if (!report.title) return;
      const key = `${KNOWN_PREFIX}${s}:${r}`;
      owner.set(key, study);
      const record: BibRecord = {
        key,
        source: 'repository',
        title: report.title,
        year: report.year ?? null,
        authors: report.authors ?? [],
      };
      if (report.doi) record.doi = report.doi.toLowerCase();
      if (report.pmid) record.pmid = String(report.pmid);
      records.push(record);
    });
  });
  return { records, owner };
}

/** True when two records' identifiers show they are different reports. */
const differ = (a: KnownReport, b: KnownReport) =>
  Boolean((a.doi && b.doi && a.doi.toLowerCase() !== b.doi.toLowerCase()) || (a.pmid && b.pmid && String(a.pmid) !== String(b.pmid)));

/** True when two titles of the same year are near-identical. */
export function similarTitles(a: KnownReport, b: KnownReport): boolean {
  if (!a.title || !b.title || a.year == null || a.year !== b.year || differ(a, b)) return false;
  const [x, y] = [normaliseTitle(a.title), normaliseTitle(b.title)];
  const longest = Math.max(x.length, y.length);
  if (longest === 0 || Math.abs(x.length - y.length) > longest * SIMILAR_TITLE_DISTANCE) return false;
  return editDistance(x, y) <= longest * SIMILAR_TITLE_DISTANCE;
}

/** Splits imported records into fresh ones and duplicates (of known studies or of earlier entries), keeping input order. */
export function findDuplicates(
  known: readonly KnownStudy[],
  incoming: readonly BibRecord[],
): { fresh: BibRecord[]; duplicates: DuplicateFinding[] } {
  const { records, owner } = knownRecords(known);
  const result = dedupeRecords([...records, ...incoming]);
  const keptByKey = new Map(result.unique.map((r) => [r.key, r]));
  const exact = new Map<BibRecord, DuplicateFinding>();
  for (const d of result.duplicates) {
    if (!incoming.includes(d.record)) continue;
    const study = owner.get(d.of);
    const entry = keptByKey.get(d.of);
    if (study) exact.set(d.record, { record: d.record, reason: d.rule, of: { study } });
    else if (entry) exact.set(d.record, { record: d.record, reason: d.rule, of: { entry } });
  }

  const fresh: BibRecord[] = [];
  const duplicates: DuplicateFinding[] = [];
  const knownReports = known.flatMap((study) => [study, ...(study.reports ?? [])].map((report) => ({ study, report })));
  for (const record of incoming) {
    const found = exact.get(record);
    if (found) {
      duplicates.push(found);
      continue;
    }
    const study = knownReports.find(({ report }) => similarTitles(report, record))?.study;
    const entry = study ? undefined : fresh.find((earlier) => similarTitles(earlier, record));
    if (study) duplicates.push({ record, reason: 'similar-title', of: { study } });
    else if (entry) duplicates.push({ record, reason: 'similar-title', of: { entry } });
    else fresh.push(record);
  }
  return { fresh, duplicates };
}
