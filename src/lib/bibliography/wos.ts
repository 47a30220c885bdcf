// Web of Science "plain text" / "other file formats" export (savedrecs.txt, .ciw): a header
// (`FN Clarivate Analytics Web of Science`, `VR 1.0`), then one record per `PT` … `ER`, ending with
// `EF`. Each line is a two-character tag, a space and the value; a value continues on lines that
// start with three spaces. In list fields (authors, addresses, cited references) each continuation
// line is the next item; in the others it continues the same text.
//
// Fields read: PT (publication type, starts a record), AF (full author names; else AU, `Smith, JB`),
// TI, SO (the source, written in capitals: re-cased), PY (else EA, PD), VL, IS, BP/EP (else AR, the
// article number), DI (DOI), PM (PubMed ID), AB.
import { expandShortAuthor } from './nbib';
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

/** `TI Title…`: two-character tag, one space, the value; or a tag alone (`ER`, `EF`). */
const TAG_LINE = /^([A-Z][A-Z0-9])(?: (.*))?$/;
const CONTINUATION = /^ {3}(.*)$/;
/** Tags whose continuation lines are further items, not more of the same text. */
const LIST_TAGS = new Set(['AU', 'AF', 'BA', 'BF', 'CA', 'GP', 'BE', 'ED', 'C1', 'C3', 'CR', 'RP', 'EM', 'RI', 'OI', 'FU']);
/** Tags of the file header, before the first record. */
const HEADER_TAGS = new Set(['FN', 'VR']);

type RawEntry = TaggedEntry;
const first = firstTag;

/** Words kept in lower case inside a re-cased journal name. */
const MINOR_WORDS = new Set([
  'a',
  'an',
  'and',
  'as',
  'at',
  'by',
  'for',
  'from',
  'in',
  'of',
  'on',
  'or',
  'the',
  'to',
  'und',
  'de',
  'la',
  'et',
]);

/** A journal name written in capitals (`JOURNAL OF MEDICAL INTERNET RESEARCH`) in title case; other names stay as they are. */
export function recaseJournal(name: string): string {
  if (/\p{Ll}/u.test(name)) return name;
  const capital = (part: string) => part.charAt(0).toUpperCase() + part.slice(1);
  return name
    .toLowerCase()
    .split(/(\s+)/)
    .map((word, i) => (i > 0 && MINOR_WORDS.has(word) ? word : word.split('-').map(capital).join('-')))
    .join('');
}

/** `Smith, JB` (Web of Science's short form) → `Smith, J. B.`; full names stay as they are. */
function expandAuthor(name: string): string {
  const match = /^([^,]+),\s*([A-Z]{1,4})$/.exec(name.trim());
  return match?.[1] && match[2] ? expandShortAuthor(`${match[1]} ${match[2]}`) : name.trim();
}

function fieldsOf(entry: RawEntry): RecordFields {
  const full = entry.tags.get('AF') ?? [];
  const short = entry.tags.get('AU') ?? [];
  const journal = first(entry, 'SO', 'J9', 'JI');
  return {
    title: first(entry, 'TI'),
    year: parseYear(first(entry, 'PY')) ?? parseYear(first(entry, 'EA')) ?? parseYear(first(entry, 'PD')),
    authors: (full.length > 0 ? full : short.map(expandAuthor)).filter((a) => a.trim() !== ''),
    journal: journal === undefined ? undefined : recaseJournal(journal),
    volume: first(entry, 'VL'),
    issue: first(entry, 'IS'),
    pages: pageRange(first(entry, 'BP'), first(entry, 'EP')) ?? first(entry, 'AR'),
    doi: normaliseDoi(first(entry, 'DI')),
    pmid: normalisePmid(first(entry, 'PM')),
    abstract: first(entry, 'AB'),
  };
}

/** Parses a Web of Science plain-text export into records; `source` names the file the records came from. */
export function parseWos(text: string, source: string): BibParseResult {
  const result: BibParseResult = { records: [], problems: [] };
  const entries: RawEntry[] = [];
  let current: RawEntry | null = null;
  let lastTag: string | null = null;
  let ended = false;

  splitLines(text).forEach((raw, i) => {
    const lineNo = i + 1;
    const line = raw.replace(/\s+$/, '');
    if (line === '' || ended) return;
    const continuation = CONTINUATION.exec(line);
    if (continuation) {
      const values = current && lastTag ? current.tags.get(lastTag) : undefined;
      const value = (continuation[1] ?? '').trim();
      if (values && values.length > 0 && lastTag) {
        if (LIST_TAGS.has(lastTag)) values.push(value);
        else values[values.length - 1] += ` ${value}`;
      } else if (!lastTag || !HEADER_TAGS.has(lastTag)) {
        result.problems.push({ index: 0, line: lineNo, message: `line ${lineNo} continues a value, but no tag comes before it` });
      }
      return;
    }
    const match = TAG_LINE.exec(line);
    if (!match) {
      result.problems.push({
        index: current?.index ?? 0,
        line: lineNo,
        message: `line ${lineNo} is not a Web of Science tag line ("TI value"): "${line.slice(0, 40)}"`,
      });
      return;
    }
    const tag = match[1] ?? '';
    const value = (match[2] ?? '').trim();
    lastTag = tag;
    if (tag === 'EF') {
      ended = true;
      return;
    }
    if (tag === 'PT') {
      if (current && !current.closed)
        result.problems.push({
          index: current.index,
          line: current.line,
          message: `entry ${current.index} (line ${current.line}) has no ER line before the next PT at line ${lineNo}`,
        });
      current = { index: entries.length + 1, line: lineNo, tags: new Map([['PT', [value]]]), closed: false };
      entries.push(current);
      return;
    }
    if (!current || current.closed) {
      if (!HEADER_TAGS.has(tag) || entries.length > 0)
        result.problems.push({
          index: 0,
          line: lineNo,
          message: `line ${lineNo} has tag ${tag} outside an entry: an entry starts with "PT "`,
        });
      return;
    }
    if (tag === 'ER') {
      current.closed = true;
      lastTag = null;
      return;
    }
    const values = current.tags.get(tag) ?? [];
    values.push(value);
    current.tags.set(tag, values);
  });

  const last = entries[entries.length - 1];
  if (last && !last.closed)
    result.problems.push({
      index: last.index,
      line: last.line,
      message: `entry ${last.index} (line ${last.line}) has no ER line before the end of the file`,
    });

  for (const entry of entries) {
    const record = finishRecord(fieldsOf(entry), source, entry.index);
    if (typeof record === 'string')
      result.problems.push({ index: entry.index, line: entry.line, message: `entry ${entry.index} (line ${entry.line}) ${record} (TI)` });
    else result.records.push(record);
  }
  return result;
}
