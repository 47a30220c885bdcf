// Search-result files of any supported format → one normalised record type.
import { parseBibtex } from './bibtex';
import { parseCslJson } from './csl';
import { parseNbib } from './nbib';
import type { BibFormat, BibParseResult } from './record';
import { parseRis } from './ris';

export * from './record';
export { parseBibtex } from './bibtex';
export { parseCslJson, fieldsFromCsl, type CslItem } from './csl';
export { parseNbib, expandShortAuthor } from './nbib';
export { parseRis } from './ris';

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
    case 'csl-json':
      return parseCslJson(text, source);
  }
}
