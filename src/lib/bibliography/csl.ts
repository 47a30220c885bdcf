// CSL-JSON (the citation-js / Zotero / Crossref interchange format), and the mapping from one
// CSL item to the record fields, which the BibTeX parser reuses.
import {
  cleanText,
  finishRecord,
  formatAuthor,
  normaliseDoi,
  normalisePmid,
  parseYear,
  type BibParseResult,
  type RecordFields,
} from './record';

/** The loosely typed CSL item as files and citation-js give it. */
export type CslItem = Record<string, unknown>;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Text of a CSL field that may be a string, a number or a list of strings. */
function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return cleanText(value);
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return textOf(value[0]);
  return undefined;
}

/** The year of a CSL date: `date-parts`, else `raw` or `literal`. */
function yearOf(date: unknown): number | null {
  if (!isObject(date)) return parseYear(textOf(date));
  const parts = date['date-parts'];
  if (Array.isArray(parts) && Array.isArray(parts[0])) {
    const y = Number(parts[0][0]);
    if (Number.isInteger(y) && y > 0) return y;
  }
  return parseYear(textOf(date['raw']) ?? textOf(date['literal']));
}

/** Authors of a CSL item as `"Family, Given"` (`literal` names kept whole). */
function authorsOf(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value
    .map((name) => {
      if (!isObject(name)) return undefined;
      const literal = textOf(name['literal']);
      if (literal) return literal;
      const particle = [textOf(name['non-dropping-particle']), textOf(name['family'])].filter(Boolean).join(' ');
      return formatAuthor(particle || undefined, textOf(name['given']));
    })
    .filter((a): a is string => a !== undefined);
}

/** Maps one CSL item to record fields. */
export function fieldsFromCsl(item: CslItem): RecordFields {
  return {
    title: textOf(item['title']),
    year: yearOf(item['issued']),
    authors: authorsOf(item['author']),
    journal: textOf(item['container-title']) ?? textOf(item['container-title-short']),
    volume: textOf(item['volume']),
    issue: textOf(item['issue']),
    pages: textOf(item['page']) ?? textOf(item['number']),
    doi: normaliseDoi(textOf(item['DOI'])),
    pmid: normalisePmid(textOf(item['PMID'])),
    abstract: textOf(item['abstract']),
  };
}

/** Parses CSL-JSON text (an array of items, or one item) into records. */
export function parseCslJson(text: string, source: string): BibParseResult {
  const result: BibParseResult = { records: [], problems: [] };
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    result.problems.push({ index: 0, line: null, message: `the file is not valid JSON: ${(error as Error).message}` });
    return result;
  }
  const items = Array.isArray(data) ? data : [data];
  items.forEach((item, i) => {
    const index = i + 1;
    if (!isObject(item)) {
      result.problems.push({ index, line: null, message: `item ${index} is not a CSL-JSON object` });
      return;
    }
    const record = finishRecord(fieldsFromCsl(item), source, index);
    if (typeof record === 'string') result.problems.push({ index, line: null, message: `item ${index} ${record} ("title")` });
    else result.records.push(record);
  });
  return result;
}
