// Which imported entries are already in the repository, or appear twice in the same import.
// Exact matches (same DOI, same PMID, same normalised title + year + first author) use the
// screening deduplicator (src/lib/prisma/dedupe.ts). A near-duplicate is caught here as well:
// the same first author (family name, normalised), the same year and a near-identical title,
// unless the two records carry different DOIs or PMIDs, or their titles are numbered differently
// ("… part 1" and "… part 2", "Study I" and "Study II" are two papers).
//
// Linear in practice: candidates are compared only within their (year, first author) group.
import type { Citation } from '../../schemas';
import type { BibRecord } from '../bibliography';
import { normaliseAuthor } from '../bibliography/authors';
import { dedupeRecords, normaliseTitle } from '../prisma/dedupe';
import { familyName } from '../format';

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

/** The first author's family name, normalised like a title (`Müller-Schmidt, J.` and `Muller Schmidt JB` → `mullerschmidt`); empty when there is none. */
export function firstAuthorKey(authors: readonly string[] | undefined): string {
  const first = authors?.[0];
  if (!first) return '';
  return normaliseTitle(familyName(normaliseAuthor(first) ?? first));
}

const ROMAN: Readonly<Record<string, number>> = { i: 1, ii: 2, iii: 3, iv: 4, v: 5, vi: 6, vii: 7, viii: 8, ix: 9, x: 10, xi: 11, xii: 12 };
const WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
};
/** Words after which a number, a Roman numeral, a number word or a letter numbers a paper in a series. */
const SERIES =
  /\b(?:part|pt|study|studies|phase|experiment|wave|trial|paper|report|volume|vol|section|chapter|series|stage|sample|cohort|no|number)\.?\s+([a-z]+|\d+)\b/g;

/**
 * The numbers that tell papers of a series apart, in title order: every run of digits, Roman
 * numerals from ii, and numerals, number words and letters after "part", "study", "phase"…
 * (`Part II` and `part 2` both give 2; `Study A` gives `a`).
 */
export function titleNumbering(title: string): string[] {
  const text = title.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  // Position → number, so a numeral matched by two patterns ("study ii") counts once.
  const at = new Map<number, string>();
  for (const m of text.matchAll(/\d+/g)) at.set(m.index, String(Number(m[0])));
  for (const m of text.matchAll(SERIES)) {
    const word = m[1] ?? '';
    const index = m.index + m[0].length - word.length;
    if (/^\d+$/.test(word)) continue;
    const n = ROMAN[word] ?? WORDS[word];
    if (n !== undefined) at.set(index, String(n));
    else if (/^[a-h]$/.test(word) && /^(?:part|pt|study|experiment|phase)\b/.test(m[0])) at.set(index, word);
  }
  for (const m of text.matchAll(/\b(?:ii|iii|iv|vi|vii|viii|ix|xi|xii)\b/g)) at.set(m.index, String(ROMAN[m[0]]));
  return [...at.entries()].sort((a, b) => a[0] - b[0]).map(([, n]) => n);
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Levenshtein distance of two strings if it is at most `max`, else `max + 1` (a band of width 2·max + 1). */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const width = b.length + 1;
  let prev = new Array<number>(width);
  let curr = new Array<number>(width);
  for (let j = 0; j < width; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - max);
    const to = Math.min(b.length, i + max);
    curr.fill(max + 1);
    curr[0] = i;
    let rowMin = from === 1 ? i : max + 1;
    for (let j = from; j <= to; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min((prev[j] ?? max + 1) + 1, (curr[j - 1] ?? max + 1) + 1, (prev[j - 1] ?? max + 1) + cost);
      curr[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev, curr] = [curr, prev];
  }
  return Math.min(prev[b.length] ?? max + 1, max + 1);
}

/** What the near-duplicate rule compares, worked out once per report. */
interface Comparable {
  report: KnownReport;
  title: string;
  numbering: string[];
}

function comparable(report: KnownReport): Comparable | null {
  if (!report.title || report.year == null) return null;
  const title = normaliseTitle(report.title);
  return title ? { report, title, numbering: titleNumbering(report.title) } : null;
}

/** The (year, first author) group a report is compared within; null when it has no year or first author. */
function groupKey(report: KnownReport): string | null {
  const author = firstAuthorKey(report.authors);
  return report.year == null || !author ? null : `${report.year}|${author}`;
}

function near(a: Comparable, b: Comparable): boolean {
  if (differ(a.report, b.report) || !sameList(a.numbering, b.numbering)) return false;
  const longest = Math.max(a.title.length, b.title.length);
  const max = Math.floor(longest * SIMILAR_TITLE_DISTANCE);
  return longest > 0 && boundedEditDistance(a.title, b.title, max) <= max;
}

/**
 * True when two reports are near-duplicates: the same first author (family name), the same year
 * and titles at most 10% apart, numbered alike, and no DOI or PMID that tells them apart.
 */
export function similarTitles(a: KnownReport, b: KnownReport): boolean {
  const key = groupKey(a);
  if (key === null || key !== groupKey(b)) return false;
  const [x, y] = [comparable(a), comparable(b)];
  return x !== null && y !== null && near(x, y);
}

/** Reports in (year, first author) groups, so a near-duplicate is looked for among a handful of candidates. */
class NearIndex<T> {
  private readonly groups = new Map<string, { item: T; c: Comparable }[]>();

  add(report: KnownReport, item: T): void {
    const key = groupKey(report);
    const c = key === null ? null : comparable(report);
    if (key === null || c === null) return;
    const group = this.groups.get(key);
    if (group) group.push({ item, c });
    else this.groups.set(key, [{ item, c }]);
  }

  /** The first item added whose report is a near-duplicate of `report`. */
  find(report: KnownReport): T | undefined {
    const key = groupKey(report);
    const group = key === null ? undefined : this.groups.get(key);
    if (!group) return undefined;
    const c = comparable(report);
    return c ? group.find((g) => near(g.c, c))?.item : undefined;
  }
}

/** Splits imported records into fresh ones and duplicates (of known studies or of earlier entries), keeping input order. */
export function findDuplicates(
  known: readonly KnownStudy[],
  incoming: readonly BibRecord[],
): { fresh: BibRecord[]; duplicates: DuplicateFinding[] } {
  const { records, owner } = knownRecords(known);
  const result = dedupeRecords([...records, ...incoming]);
  const keptByKey = new Map(result.unique.map((r) => [r.key, r]));
  const isIncoming = new Set(incoming);
  const exact = new Map<BibRecord, DuplicateFinding>();
  for (const d of result.duplicates) {
    if (!isIncoming.has(d.record)) continue;
    const study = owner.get(d.of);
    const entry = keptByKey.get(d.of);
    if (study) exact.set(d.record, { record: d.record, reason: d.rule, of: { study } });
    else if (entry) exact.set(d.record, { record: d.record, reason: d.rule, of: { entry } });
  }

  const fresh: BibRecord[] = [];
  const duplicates: DuplicateFinding[] = [];
  const knownIndex = new NearIndex<KnownStudy>();
  for (const study of known) for (const report of [study, ...(study.reports ?? [])]) knownIndex.add(report, study);
  const freshIndex = new NearIndex<BibRecord>();
  for (const record of incoming) {
    const found = exact.get(record);
    if (found) {
      duplicates.push(found);
      continue;
    }
    const study = knownIndex.find(record);
    const entry = study ? undefined : freshIndex.find(record);
    if (study) duplicates.push({ record, reason: 'similar-title', of: { study } });
    else if (entry) duplicates.push({ record, reason: 'similar-title', of: { entry } });
    else {
      fresh.push(record);
      freshIndex.add(record, record);
    }
  }
  return { fresh, duplicates };
}
