// RIS (Research Information Systems) files: `TY  - JOUR` ... `ER  - `, one tag per line.
//
// A small hand parser rather than @citation-js/plugin-ris: citation-js reads well-formed files
// the same way (tests/lib/bibliography/ris.test.ts checks that they agree), but it reports no
// line numbers and turns a broken entry into an empty record without saying so. Here every
// fault names the entry and the line it starts on.
import {
  finishRecord,
  normaliseDoi,
  normalisePmid,
  pageRange,
  parseYear,
  splitLines,
  type BibParseResult,
  type RecordFields,
} from './record';
import { firstTag, type TaggedEntry } from './tagged';

/** `XY  - value`: two-character tag, two spaces (one tolerated), hyphen, optional value. */
const TAG_LINE = /^([A-Z][A-Z0-9])\s{1,2}-(?: (.*))?$/;

type RawEntry = TaggedEntry;
const first = firstTag;

/** The PMID an entry carries: `AN` written `PMID: n`, or a digits-only `AN` in an entry from PubMed/MEDLINE. */
function pmidOf(entry: RawEntry): string | undefined {
  const an = first(entry, 'AN');
  if (!an) return undefined;
  if (/^\s*pmid/i.test(an)) return normalisePmid(an);
  const database = `${first(entry, 'DB') ?? ''} ${first(entry, 'DP') ?? ''}`;
  return /pubmed|medline/i.test(database) ? normalisePmid(an) : undefined;
}

/** The DOI an entry carries: `DO`, else a doi.org address in `UR` or `L3`. */
function doiOf(entry: RawEntry): string | undefined {
  const direct = normaliseDoi(first(entry, 'DO'));
  if (direct) return direct;
  for (const tag of ['UR', 'L3', 'M3']) {
    for (const value of entry.tags.get(tag) ?? []) {
      if (/doi\.org\//i.test(value)) {
        const doi = normaliseDoi(value);
        if (doi) return doi;
      }
    }
  }
  return undefined;
}

function fieldsOf(entry: RawEntry): RecordFields {
  return {
    title: first(entry, 'TI', 'T1', 'CT'),
    year: parseYear(first(entry, 'PY', 'Y1', 'DA')),
    authors: [...(entry.tags.get('AU') ?? []), ...(entry.tags.get('A1') ?? [])],
    journal: first(entry, 'JF', 'JO', 'T2', 'JA', 'J2', 'J1'),
    volume: first(entry, 'VL'),
    issue: first(entry, 'IS'),
    pages: pageRange(first(entry, 'SP'), first(entry, 'EP')),
    doi: doiOf(entry),
    pmid: pmidOf(entry),
    abstract: first(entry, 'AB', 'N2'),
  };
}

/** Parses RIS text into records; `source` names the file the records came from. */
export function parseRis(text: string, source: string): BibParseResult {
  const result: BibParseResult = { records: [], problems: [] };
  const entries: RawEntry[] = [];
  let current: RawEntry | null = null;
  let lastValues: string[] | null = null;

  splitLines(text).forEach((raw, i) => {
    const lineNo = i + 1;
    const line = raw.replace(/\s+$/, '');
    if (line === '') return;
    const match = TAG_LINE.exec(line);
    if (!match) {
      if (current && lastValues && lastValues.length > 0) {
        // A continuation of the previous tag's value (long titles and abstracts wrap).
        lastValues[lastValues.length - 1] += ` ${line.trim()}`;
      } else {
        result.problems.push({
          index: current?.index ?? 0,
          line: lineNo,
          message: `line ${lineNo} is not a RIS tag line ("XY  - value"): "${line.slice(0, 40)}"`,
        });
      }
      return;
    }
    const tag = match[1] ?? '';
    const value = (match[2] ?? '').trim();
    if (tag === 'TY') {
      if (current && !current.closed) {
        result.problems.push({
          index: current.index,
          line: current.line,
          message: `entry ${current.index} (line ${current.line}) has no ER line before the next TY at line ${lineNo}`,
        });
      }
      current = { index: entries.length + 1, line: lineNo, tags: new Map(), closed: false };
      entries.push(current);
      lastValues = null;
      return;
    }
    if (!current || current.closed) {
      result.problems.push({
        index: 0,
        line: lineNo,
        message: `line ${lineNo} has tag ${tag} outside an entry: an entry starts with "TY  - "`,
      });
      lastValues = null;
      return;
    }
    if (tag === 'ER') {
      current.closed = true;
      lastValues = null;
      return;
    }
    const values = current.tags.get(tag) ?? [];
    values.push(value);
    current.tags.set(tag, values);
    lastValues = values;
  });

  const last = entries[entries.length - 1];
  if (last && !last.closed) {
    result.problems.push({
      index: last.index,
      line: last.line,
      message: `entry ${last.index} (line ${last.line}) has no ER line before the end of the file`,
    });
  }

  for (const entry of entries) {
    const record = finishRecord(fieldsOf(entry), source, entry.index);
    if (typeof record === 'string') {
      result.problems.push({
        index: entry.index,
        line: entry.line,
        message: `entry ${entry.index} (line ${entry.line}) ${record} (TI or T1)`,
      });
    } else {
      result.records.push(record);
    }
  }
  return result;
}
