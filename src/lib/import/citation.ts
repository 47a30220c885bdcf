// From a parsed search result (src/lib/bibliography) to the citation fields of a study record,
// in the shapes the schema asks for: "Family, Given" authors, bare DOI, "95-105" pages.
import { normaliseAuthor } from '../bibliography/authors';
import type { BibRecord } from '../bibliography/record';
import type { Citation } from '../../schemas';

// The author rule lives in bibliography/authors.ts (validation's fixes use it too); re-exported for importers.
export { normaliseAuthor };

/** The citation fields of a study record, as an importer fills them (the schema's citation fields an export can give). */
export type DraftCitation = Pick<Citation, 'title' | 'year' | 'journal' | 'authors'> &
  Partial<Pick<Citation, 'volume' | 'issue' | 'pages' | 'doi' | 'pmid'>>;

/** A citation ready for a draft, or the reason the entry cannot become one. */
export type CitationResult =
  | {
      ok: true;
      citation: DraftCitation;
      /** Things the contributor should check, in plain sentences. */ notes: string[];
      /** Citation fields that were altered or guessed. */ unverified: string[];
    }
  | { ok: false; reason: string };

/** A title without MEDLINE's closing full stop or the brackets around a translated title. */
export function cleanTitle(title: string): string {
  let out = title.trim();
  const translated = /^\[(.+)\]\.?$/.exec(out);
  if (translated?.[1]) out = translated[1].trim();
  if (/[^.]\.$/.test(out) && !/\b[A-Z]\.$/.test(out) && !/\b(?:et al|etc|vs|e\.g|i\.e)\.$/i.test(out)) out = out.slice(0, -1);
  return out;
}

/** A journal name without the subtitle MEDLINE appends after " : ". */
export function cleanJournal(journal: string): string {
  return journal.split(' : ')[0]!.trim();
}

/**
 * A page range with a hyphen and both ends written out: `112-24` → `112-124`, `45–53` → `45-53`,
 * `1225-9` → `1225-1229`. Article numbers (`e31`) and single pages stay as they are.
 */
export function normalisePages(pages: string): string {
  const text = pages.trim().replace(/\s*(?:--|[‐‑‒–—−])\s*/g, '-');
  const range = /^(\d+)-(\d+)$/.exec(text);
  if (!range?.[1] || !range[2]) return text;
  const [start, end] = [range[1], range[2]];
  if (end.length >= start.length) return text;
  const full = start.slice(0, start.length - end.length) + end;
  return Number(full) >= Number(start) ? `${start}-${full}` : text;
}

/** The first publication year a study record may have (the schema's rule). */
export const FIRST_YEAR = 1950;

/** Why a year cannot be a study record's (before 1950, or after `currentYear`), or undefined when it can. */
export function yearFault(year: number, currentYear: number | undefined): string | undefined {
  if (year < FIRST_YEAR)
    return `has the year ${year}, before ${FIRST_YEAR}, the earliest year a study record takes: check the year in the export (or add the study with npm run new-study if it really is that old)`;
  if (currentYear !== undefined && year > currentYear)
    return `has the year ${year}, which is in the future (this is ${currentYear}): check the year in the export`;
  return undefined;
}

/**
 * The citation of a parsed record, or why it cannot be a study record (the schema needs a year
 * from 1950 to `currentYear`, a journal and a person as author).
 */
export function citationFromRecord(record: BibRecord, options: { currentYear?: number | undefined } = {}): CitationResult {
  const notes: string[] = [];
  const unverified: string[] = [];
  if (record.year === null) return { ok: false, reason: 'has no year of publication' };
  const badYear = yearFault(record.year, options.currentYear);
  if (badYear) return { ok: false, reason: badYear };
  if (!record.journal) return { ok: false, reason: 'has no journal name' };
  const authors: string[] = [];
  const dropped: string[] = [];
  for (const name of record.authors) {
    const author = normaliseAuthor(name);
    if (author) authors.push(author);
    else dropped.push(name);
  }
  if (authors.length === 0) {
    return {
      ok: false,
      reason:
        record.authors.length === 0
          ? 'has no authors'
          : `has no author written as a person's "Family, Given" name (found ${record.authors.map((a) => `"${a}"`).join(', ')})`,
    };
  }
  if (dropped.length > 0) {
    notes.push(
      `left out ${dropped.map((a) => `"${a}"`).join(', ')} from authors (not a person's "Family, Given" name); check the author list`,
    );
    unverified.push('authors');
  }
  const citation: DraftCitation = { title: cleanTitle(record.title), year: record.year, journal: cleanJournal(record.journal), authors };
  if (record.volume) citation.volume = record.volume;
  if (record.issue) citation.issue = record.issue;
  if (record.pages) citation.pages = normalisePages(record.pages);
  if (record.doi) citation.doi = record.doi;
  if (record.pmid) citation.pmid = record.pmid;
  return { ok: true, citation, notes, unverified };
}
