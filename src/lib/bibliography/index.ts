// Search-result files of any supported format → one normalised record type.
import { parseBibtex } from './bibtex';
import { parseCslJson } from './csl';
import { parseNbib } from './nbib';
import { splitLines, type BibFormat, type BibParseResult } from './record';
import { parseRis } from './ris';
import { parseWos } from './wos';

export * from './record';
export { parseBibtex } from './bibtex';
export { parseCslJson, fieldsFromCsl, type CslItem } from './csl';
export { parseNbib, expandShortAuthor } from './nbib';
export { parseRis } from './ris';
export { parseWos, recaseJournal } from './wos';
export { decodeText, type DecodeResult, type TextEncodingName } from './decode';

/** File extensions (lower case, without the dot) and the format each one holds. */
export const formatByExtension: Readonly<Record<string, BibFormat>> = {
  ris: 'ris',
  bib: 'bibtex',
  bibtex: 'bibtex',
  nbib: 'nbib',
  json: 'csl-json',
};

/** The format of a file from its name (`pubmed.nbib` → `nbib`); null when the extension is not supported. */
export function formatOfFile(fileName: string): BibFormat | null {
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  return (extension && formatByExtension[extension]) || null;
}

/** Formats recognised by content, in the order they are tried: each test looks for lines only that format writes. */
const contentTests: readonly [BibFormat, (lines: readonly string[], text: string) => boolean][] = [
  ['csl-json', (_, text) => /^\s*[[{]/.test(text) && isJson(text)],
  ['nbib', (lines) => lines.some((l) => /^PMID- ?\d/.test(l))],
  [
    'wos',
    (lines) =>
      lines.some((l) => /^FN .*Web of Science/i.test(l)) ||
      (lines.some((l) => /^PT [A-Z]$/.test(l)) && lines.some((l) => /^ER\s*$/.test(l))),
  ],
  ['ris', (lines) => lines.some((l) => /^TY {1,2}- ?\S/.test(l))],
  ['bibtex', (_, text) => /^[ \t]*@[A-Za-z]+[ \t]*[{(]/m.test(text)],
];

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * The format of a file from its content (a `.txt` export from PubMed, Web of Science or a
 * reference manager): MEDLINE (`PMID- `), Web of Science (`FN … Web of Science`, or `PT J` … `ER`),
 * RIS (`TY  - `), BibTeX (`@article{`) or CSL-JSON; null when it is none of these. Only the
 * first 200 non-blank lines are looked at.
 */
export function formatOfContent(text: string): BibFormat | null {
  const source = text.replace(/^\uFEFF/, '');
  const lines = splitLines(source.slice(0, 200_000))
    .filter((l) => l.trim() !== '')
    .slice(0, 200);
  return contentTests.find(([, test]) => test(lines, source))?.[0] ?? null;
}

/** The format of a file: by its extension when that names one (`.ris`, `.bib`, `.nbib`, `.json`), else by its content. */
export function formatOf(fileName: string, text: string): BibFormat | null {
  return formatOfFile(fileName) ?? formatOfContent(text);
}

/** The source name of a file: its name without folder and extension (`records/pubmed.nbib` → `pubmed`). */
export function sourceOfFile(fileName: string): string {
  const base = fileName.split(/[/\\]/).pop() ?? fileName;
  return base.replace(/\.[^.]+$/, '');
}

/** Parses a search-result file's text in the given format. Never throws: faults come back as problems. */
export function parseBibliography(text: string, format: BibFormat, source: string): BibParseResult {
  switch (format) {
    case 'ris':
      return parseRis(text, source);
    case 'bibtex':
      return parseBibtex(text, source);
    case 'nbib':
      return parseNbib(text, source);
    case 'wos':
      return parseWos(text, source);
    case 'csl-json':
      return parseCslJson(text, source);
  }
}
