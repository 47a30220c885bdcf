// Adding a search export to a review's records/ folder: where it goes, and what it shares with the
// sources already there.
import type { BibFormat, BibRecord } from '../bibliography';
import { dedupeRecords } from '../prisma/dedupe';

/** The file extension records/ keeps for each format the tracking loader reads; null: not kept there. */
export const recordsExtension: Record<BibFormat, string | null> = {
  ris: 'ris',
  bibtex: 'bib',
  nbib: 'nbib',
  'csl-json': 'json',
  wos: null,
};

/** A source name as a file name: "PubMed" -> "pubmed", "Web of Science" -> "web-of-science". */
export function sourceFileStem(source: string): string {
  return source
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** What one new source adds: its records, the duplicates inside it, and those it shares with each other source. */
export interface SearchImportSummary {
  records: number;
  withinFile: number;
  /** Source name -> records of the new source that duplicate a record of that source. */
  sharedWith: Record<string, number>;
}

/** Counts duplicates by the same rules as the PRISMA derivation (DOI, PMID, then title + year + first author), source by source. */
export function summariseSearchImport(added: readonly BibRecord[], existing: readonly BibRecord[]): SearchImportSummary {
  const own = dedupeRecords(added);
  const newSource = added[0]?.source;
  const sharedWith: Record<string, number> = {};
  for (const source of [...new Set(existing.map((r) => r.source))]) {
    // The other source first, so that its records are kept and the new source's are the duplicates.
    const theirs = existing.filter((r) => r.source === source);
    const shared = dedupeRecords([...theirs, ...own.unique]).duplicates.filter((d) => d.record.source === newSource).length;
    if (shared > 0) sharedWith[source] = shared;
  }
  return { records: added.length, withinFile: own.duplicates.length, sharedWith };
}
