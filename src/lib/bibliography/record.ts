// One normalised record type for every search-result format (RIS, BibTeX, MEDLINE, Web of Science, CSL-JSON),
// and the small normalisers the parsers share.
import { isContentKey, stableKey, type KeyFields } from '../screening/keys';

/** The formats a search-result file can be in. */
export type BibFormat = 'ris' | 'bibtex' | 'nbib' | 'wos' | 'csl-json';

/** One search result, whatever file it came from. */
export interface BibRecord {
  /** Stable key: the DOI, else `pmid:<n>`, else a key made from its content, `t:<family>-<year>-<hash>` (src/lib/screening/keys.ts). */
  key: string;
  /**
   * The key of the old positional form, `<source>-<n>` (n = 1-based entry position in its file), for a
   * record keyed by its content: screening logs written with it still count, and validate says how to migrate.
   */
  positionKey?: string;
  /** Source the record was found in: the file name without extension, e.g. `pubmed`. */
  source: string;
  /** Title, whitespace collapsed. */
  title: string;
  /** Publication year; null when the entry gives none. */
  year: number | null;
  /** Authors in order, each `"Family, Given"` (organisations as one name). */
  authors: string[];
  journal?: string;
  volume?: string;
  issue?: string;
  /** Page range such as `95-105`, or an article number. */
  pages?: string;
  /** Bare, lower-case DOI (`10.x/...`), URL and `doi:` prefixes stripped. */
  doi?: string;
  /** PubMed identifier, digits only. */
  pmid?: string;
  abstract?: string;
}

/** A fault in one entry; the entry is left out of `records` when it cannot be used. */
export interface BibProblem {
  /** 1-based position of the entry in the file (0 for the file as a whole). */
  index: number;
  /** 1-based line where the entry (or the fault) starts; null when the format has no lines to point at. */
  line: number | null;
  /** Plain sentence saying what is wrong. */
  message: string;
}

/** What every parser returns: the records it could read and the problems it found. Parsers never throw. */
export interface BibParseResult {
  records: BibRecord[];
  problems: BibProblem[];
}

/** Fields a parser collects for one entry before the key is assigned. */
export interface RecordFields {
  title?: string | undefined;
  year?: number | null | undefined;
  authors?: string[] | undefined;
  journal?: string | undefined;
  volume?: string | undefined;
  issue?: string | undefined;
  pages?: string | undefined;
  doi?: string | undefined;
  pmid?: string | undefined;
  abstract?: string | undefined;
}

/** Collapses runs of whitespace, trims and composes accents (Unicode NFC); undefined for empty text. */
export function cleanText(value: string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  const out = value.normalize('NFC').replace(/\s+/g, ' ').trim();
  return out === '' ? undefined : out;
}

/** Normalises a DOI: strips `https://doi.org/`, `dx.doi.org/`, `doi:` and URL encoding, lower-cases it. Undefined when it is not a DOI. */
export function normaliseDoi(value: string | null | undefined): string | undefined {
  let doi = cleanText(value);
  if (!doi) return undefined;
  doi = doi.replace(/^(?:https?:\/\/)?(?:dx\.)?doi\.org\//i, '').replace(/^doi:\s*/i, '');
  if (/%[0-9a-f]{2}/i.test(doi)) {
    try {
      doi = decodeURIComponent(doi);
    } catch {
      // keep the text as it was
    }
  }
  doi = doi.replace(/[.,;]+$/, '').toLowerCase();
  return /^10\.\d{4,9}\/\S+$/.test(doi) ? doi : undefined;
}

/** Normalises a PubMed ID (`PMID: 123` → `123`); undefined when it is not one. */
export function normalisePmid(value: string | number | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  const text = String(value)
    .trim()
    .replace(/^pmid:?\s*/i, '');
  return /^[1-9]\d{0,8}$/.test(text) ? text : undefined;
}

/** The first plausible four-digit year (1000-2999) in a date text such as `2011 Mar 5` or `2010///`. */
export function parseYear(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const match = /(?:^|\D)([12]\d{3})(?!\d)/.exec(String(value));
  return match?.[1] ? Number(match[1]) : null;
}

/** Joins a first and last page as `95-105`; keeps a single page or article number as it is. */
export function pageRange(start: string | undefined, end: string | undefined): string | undefined {
  const a = cleanText(start);
  const b = cleanText(end);
  if (a && b && a !== b) return `${a}-${b}`;
  return a ?? b;
}

/** Formats a name as `"Family, Given"`; a name without given names (an organisation) stays as it is. */
export function formatAuthor(family: string | undefined, given: string | undefined): string | undefined {
  const f = cleanText(family);
  const g = cleanText(given);
  if (f && g) return `${f}, ${g}`;
  return f ?? g;
}

/** The key of a record: its DOI, else `pmid:<n>`, else its content key (title, year and first author; see ../screening/keys.ts). */
export function recordKey(fields: Pick<KeyFields, 'doi' | 'pmid' | 'title' | 'year' | 'authors'>): string {
  return stableKey(fields);
}

/** The old positional key of the `position`-th record (1-based) of a source: `psycinfo-7`. Never a new record's key. */
export function positionalKey(source: string, position: number): string {
  return `${source}-${position}`;
}

/**
 * Turns collected fields into a record, or explains why the entry cannot be one.
 * A record needs a title; everything else is optional.
 */
export function finishRecord(fields: RecordFields, source: string, position: number): BibRecord | string {
  const title = cleanText(fields.title);
  if (!title) return 'has no title';
  const authors = (fields.authors ?? []).map((a) => cleanText(a)).filter((a): a is string => a !== undefined);
  const year = fields.year ?? null;
  const key = recordKey({ doi: fields.doi, pmid: fields.pmid, title, year, authors });
  const record: BibRecord = { key, source, title, year, authors };
  if (isContentKey(key)) record.positionKey = positionalKey(source, position);
  for (const name of ['journal', 'volume', 'issue', 'pages', 'abstract'] as const) {
    const value = cleanText(fields[name]);
    if (value !== undefined) record[name] = value;
  }
  if (fields.doi) record.doi = fields.doi;
  if (fields.pmid) record.pmid = fields.pmid;
  return record;
}

/**
 * Splits text into lines, accepting CRLF, CR and LF line ends and a leading byte-order mark. Lines
 * are split there only: a Unicode line or paragraph separator (U+2028, U+2029) is a space inside
 * the line, so it cannot hide a tag from the parsers' patterns (where `.` stops at it).
 */
export function splitLines(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/[\u2028\u2029]/g, ' ')
    .split(/\r\n|\r|\n/);
}
