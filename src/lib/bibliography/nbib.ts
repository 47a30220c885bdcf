// PubMed's MEDLINE format (.nbib, .txt): `TAG - value`, the tag padded to four characters,
// long values continued on lines that start with six spaces, one record per PMID.
import {
  cleanText,
  finishRecord,
  normaliseDoi,
  normalisePmid,
  parseYear,
  splitLines,
  type BibParseResult,
  type RecordFields,
} from './record';

/** `PMID- 123`, `TI  - text`, `FAU - Name`: a tag padded to four characters, then `- `. */
const TAG_LINE = /^(?=.{4}-)([A-Z][A-Z0-9]{0,3}) *-(?: ?(.*))?$/;
const CONTINUATION = /^ {6}(.*)$/;

interface RawEntry {
  index: number;
  line: number;
  tags: Map<string, string[]>;
}

const first = (entry: RawEntry, tag: string): string | undefined => entry.tags.get(tag)?.[0];

/** `Smith JB` (MEDLINE's short form) → `Smith, J. B.`; other shapes stay as they are. */
export function expandShortAuthor(name: string): string {
  const match = /^(.+?)\s+([A-Z]{1,4})$/.exec(name.trim());
  if (!match?.[1] || !match[2]) return name.trim();
  return `${match[1]}, ${match[2]
    .split('')
    .map((c) => `${c}.`)
    .join(' ')}`;
}

/** The DOI among `LID` and `AID` values written `10.x/y [doi]`. */
function doiOf(entry: RawEntry): string | undefined {
  for (const value of [...(entry.tags.get('LID') ?? []), ...(entry.tags.get('AID') ?? [])]) {
    const match = /^(.*?)\s*\[doi\]\s*$/i.exec(value);
    const doi = match ? normaliseDoi(match[1]) : undefined;
    if (doi) return doi;
  }
  return undefined;
}

function fieldsOf(entry: RawEntry): RecordFields {
  const full = entry.tags.get('FAU') ?? [];
  const short = entry.tags.get('AU') ?? [];
  return {
    title: first(entry, 'TI') ?? first(entry, 'BTI'),
    year: parseYear(first(entry, 'DP')),
    authors: full.length > 0 ? full : short.map(expandShortAuthor),
    journal: first(entry, 'JT') ?? first(entry, 'TA'),
    volume: first(entry, 'VI'),
    issue: first(entry, 'IP'),
    pages: first(entry, 'PG'),
    doi: doiOf(entry),
    pmid: normalisePmid(first(entry, 'PMID')),
    abstract: first(entry, 'AB'),
  };
}

/** Parses MEDLINE (.nbib) text into records; `source` names the file the records came from. */
export function parseNbib(text: string, source: string): BibParseResult {
  const result: BibParseResult = { records: [], problems: [] };
  const entries: RawEntry[] = [];
  let current: RawEntry | null = null;
  let lastValues: string[] | null = null;

  splitLines(text).forEach((raw, i) => {
    const lineNo = i + 1;
    const line = raw.replace(/\s+$/, '');
    if (line === '') {
      // A blank line ends a record; the next tag line starts a new one.
      current = null;
      lastValues = null;
      return;
    }
    const continuation = CONTINUATION.exec(line);
    if (continuation) {
      if (lastValues && lastValues.length > 0) {
        lastValues[lastValues.length - 1] += ` ${(continuation[1] ?? '').trim()}`;
      } else {
        result.problems.push({ index: 0, line: lineNo, message: `line ${lineNo} continues a value, but no tag comes before it` });
      }
      return;
    }
    const match = TAG_LINE.exec(line);
    if (!match) {
      result.problems.push({
        index: current?.index ?? 0,
        line: lineNo,
        message: `line ${lineNo} is not a MEDLINE tag line ("TAG - value"): "${line.slice(0, 40)}"`,
      });
      return;
    }
    const tag = match[1] ?? '';
    const value = (match[2] ?? '').trim();
    if (tag === 'PMID' || !current) {
      current = { index: entries.length + 1, line: lineNo, tags: new Map() };
      entries.push(current);
    }
    const values = current.tags.get(tag) ?? [];
    values.push(value);
    current.tags.set(tag, values);
    lastValues = values;
  });

  for (const entry of entries) {
    const fields = fieldsOf(entry);
    const pmidText = first(entry, 'PMID');
    if (pmidText === undefined) {
      result.problems.push({
        index: entry.index,
        line: entry.line,
        message: `entry ${entry.index} (line ${entry.line}) has no PMID line: each MEDLINE record starts with "PMID- "`,
      });
    } else if (!fields.pmid) {
      result.problems.push({
        index: entry.index,
        line: entry.line,
        message: `entry ${entry.index} (line ${entry.line}) has PMID "${cleanText(pmidText) ?? ''}", which is not a PubMed ID (digits only)`,
      });
    }
    const record = finishRecord(fields, source, entry.index);
    if (typeof record === 'string') {
      result.problems.push({ index: entry.index, line: entry.line, message: `entry ${entry.index} (line ${entry.line}) ${record} (TI)` });
    } else {
      result.records.push(record);
    }
  }
  return result;
}
