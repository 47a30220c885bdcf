// BibTeX (and BibLaTeX) files, read with @citation-js/plugin-bibtex, which decodes LaTeX
// (`M{\"u}ller` → `Müller`, `--` → `–`) and expands `@string` macros.
//
// citation-js fails a whole file on one syntax error, so the file is first cut into entries
// (each starts with `@` outside braces, or with `@type{` at the start of a line) and every entry
// is parsed on its own, with the file's `@string` definitions in front of it. A broken entry
// becomes a problem naming its line; the others are still read.
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { fieldsFromCsl, type CslItem } from './csl';
import { finishRecord, normalisePmid, type BibParseResult } from './record';

interface Chunk {
  /** Lower-case entry type: `article`, `string`, `comment`... */
  type: string;
  /** 1-based line the entry starts on. */
  line: number;
  text: string;
}

const ENTRY_AT_LINE_START = /^[ \t]*@[A-Za-z]+[ \t]*[{(]/;

/** Cuts BibTeX text into entries. */
function splitEntries(text: string): Chunk[] {
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const chunks: Chunk[] = [];
  let depth = 0;
  let line = 1;
  let start = -1;
  let startLine = 1;
  const close = (end: number) => {
    if (start < 0) return;
    const body = source.slice(start, end);
    const type = (/^@\s*([A-Za-z]+)/.exec(body)?.[1] ?? '').toLowerCase();
    chunks.push({ type, line: startLine, text: body });
  };
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    const atLineStart = i === 0 || source[i - 1] === '\n';
    if (atLineStart && ENTRY_AT_LINE_START.test(source.slice(i, i + 40))) {
      // A new entry at the start of a line, even inside an unclosed brace: the previous entry is cut here.
      const at = source.indexOf('@', i);
      close(i);
      start = at;
      startLine = line;
      depth = 0;
      i = at;
      continue;
    }
    if (ch === '\n') line++;
    else if (ch === '\\') i++;
    else if (ch === '{') depth++;
    else if (ch === '}') depth = Math.max(0, depth - 1);
    else if (ch === '@' && depth === 0) {
      close(i);
      start = i;
      startLine = line;
    }
  }
  close(source.length);
  return chunks;
}

/** citation-js's error, shortened to its first sentence without its own (shifted) position. */
function explain(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/not supported or recognized/i.test(message)) return 'is not a BibTeX entry: check the braces and the comma after the citation key';
  const firstLine = message.split('\n')[0] ?? message;
  return `could not be read: ${firstLine.replace(/\s+at line \d+ col \d+:?$/, '')}`;
}

interface RawEntry {
  properties?: Record<string, unknown>;
}

/** Parses BibTeX text into records; `source` names the file the records came from. */
export function parseBibtex(text: string, source: string): BibParseResult {
  const result: BibParseResult = { records: [], problems: [] };
  const chunks = splitEntries(text);
  let macros = '';
  for (const chunk of chunks.filter((c) => c.type === 'string')) {
    try {
      // A lone @string is not a file citation-js recognises, so it is checked in front of a stand-in entry.
      plugins.input.chainLink(`${chunk.text}\n@misc{check, title={check}}`, { forceType: '@biblatex/text' });
      macros += `${chunk.text}\n`;
    } catch (error) {
      result.problems.push({ index: 0, line: chunk.line, message: `the @string at line ${chunk.line} ${explain(error)}` });
    }
  }
  let index = 0;
  for (const chunk of chunks) {
    if (chunk.type === 'string' || chunk.type === 'comment' || chunk.type === 'preamble') continue;
    index += 1;
    const where = `entry ${index} (line ${chunk.line})`;
    let raw: RawEntry[];
    let csl: CslItem[];
    try {
      raw = plugins.input.chainLink(macros + chunk.text, { forceType: '@biblatex/text' }) as RawEntry[];
      csl = plugins.input.chain(raw, { forceType: '@biblatex/entries+list', generateGraph: false }) as CslItem[];
    } catch (error) {
      result.problems.push({ index, line: chunk.line, message: `${where} ${explain(error)}` });
      continue;
    }
    const item = csl[0];
    if (!item || csl.length !== 1) {
      result.problems.push({ index, line: chunk.line, message: `${where} could not be read as one BibTeX entry` });
      continue;
    }
    const fields = fieldsFromCsl(item);
    fields.pmid ??= normalisePmid(String(raw[0]?.properties?.['pmid'] ?? ''));
    const record = finishRecord(fields, source, index);
    if (typeof record === 'string') result.problems.push({ index, line: chunk.line, message: `${where} ${record} (title)` });
    else result.records.push(record);
  }
  return result;
}
