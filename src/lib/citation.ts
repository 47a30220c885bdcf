// Citations of records and pages, formatted by citation-js (APA, BibTeX, RIS) from CSL-JSON.
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import type { Citation } from '../schemas';
import type { CslItem as CslInput } from './bibliography/csl';
import { plainArticleApa } from './apa-text';

/** The citation fields shared by studies, reports and reviews (the schema's citation fields). */
export type CitationFields = Citation;

/** A CSL-JSON item, the interchange format citation-js reads. */
export type CslItem = CslInput & { id: string; type: string };

/** Splits "Family, Given" into CSL name parts; a group author written in braces ("{Rapport contributors}") is one literal name. */
export function parseAuthor(author: string): { family: string; given?: string } | { literal: string } {
  const group = /^\{(.+)\}$/.exec(author.trim());
  if (group?.[1]) return { literal: group[1] };
  const [family = author, given] = author.split(/,\s*/, 2);
  return given ? { family, given } : { family };
}

/** Text on one line: a YAML block scalar may carry line breaks that a citation must not. */
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** CSL items whose author list names only some of the authors: citations end the list with "et al.".
 *  CSL-JSON has no field for this, so it is kept beside the items rather than inside them. */
const incompleteAuthors = new WeakSet<CslItem>();

/** A journal article record as CSL-JSON. */
export function toCsl(id: string, c: CitationFields): CslItem {
  const item: CslItem = {
    id,
    type: 'article-journal',
    title: oneLine(c.title),
    author: c.authors.map(parseAuthor),
    issued: { 'date-parts': [[c.year]] },
    'container-title': oneLine(c.journal),
  };
  if (c.volume) item['volume'] = c.volume;
  if (c.issue) item['issue'] = c.issue;
  if (c.pages) item['page'] = c.pages;
  if (c.doi) item['DOI'] = c.doi;
  if (c.pmid) item['PMID'] = c.pmid;
  if (c.pmcid) item['PMCID'] = c.pmcid;
  if (c.authors_incomplete) incompleteAuthors.add(item);
  return item;
}

const listOf = (items: CslItem | CslItem[]) => ([] as CslItem[]).concat(items);

/** The year an item was issued, as citation-js prints it. */
const issuedYear = (item: CslItem) => String((item['issued'] as { 'date-parts'?: number[][] } | undefined)?.['date-parts']?.[0]?.[0] ?? '');

/** One APA 7 reference as citeproc writes it (about 3 ms each: formatApa takes a faster path when it can). */
export function citeprocApa(item: CslItem): string {
  return new Cite(item).format('bibliography', { format: 'text', template: 'apa', lang: 'en-US' }).trim();
}

/** APA 7 reference list entries, plain text, one per line in the order given; an incomplete author list ends with "et al.".
 *  A plain journal article is written by plainArticleApa (the same text, checked against citeproc in its tests). */
export function formatApa(items: CslItem | CslItem[]): string {
  return listOf(items)
    .map((item) => {
      const text = plainArticleApa(item) ?? citeprocApa(item);
      const year = ` (${issuedYear(item)}`;
      return incompleteAuthors.has(item) && text.includes(year) ? text.replace(year, `, et al.${year}`) : text;
    })
    .join('\n');
}

/** BibTeX entries already written, by item content: a study page reuses the entry its key came from (studyBibtexKeys). */
const bibtexCache = new Map<string, string>();

/** One BibTeX entry as citation-js writes it; an incomplete author list ends with BibTeX's "and others". */
function bibtexEntry(item: CslItem): string {
  const cacheKey = `${incompleteAuthors.has(item) ? '+' : '-'}${JSON.stringify(item)}`;
  const cached = bibtexCache.get(cacheKey);
  if (cached !== undefined) return cached;
  const text = new Cite(item).format('bibtex', { format: 'text' }).trim();
  const entry = incompleteAuthors.has(item) ? text.replace(/^(\s*author = \{.*)\},$/m, '$1 and others},') : text;
  bibtexCache.set(cacheKey, entry);
  return entry;
}

/** The key of a BibTeX entry: `Knaevelsrud2006Does` in `@article{Knaevelsrud2006Does,`. */
const entryKey = (entry: string) => /^@[^{]*\{([^,]*),/.exec(entry)?.[1] ?? '';

/** The entry with its key replaced. */
const withKey = (entry: string, key: string) => entry.replace(/^(@[^{]*\{)[^,]*,/, (_, head: string) => `${head}${key},`);

/** a, b, ..., z, aa, ab, ...: the n-th (0-based) disambiguating suffix. */
function keySuffix(n: number): string {
  let out = '';
  for (let i = n + 1; i > 0; i = Math.floor((i - 1) / 26)) out = String.fromCharCode(97 + ((i - 1) % 26)) + out;
  return out;
}

/** Makes keys unique: a key that several items share gets a, b, ... appended in item order, skipping any key already taken. */
function uniqueKeys(keys: readonly string[]): string[] {
  const uses = new Map<string, number>();
  for (const key of keys) uses.set(key, (uses.get(key) ?? 0) + 1);
  const taken = new Set(keys.filter((key) => uses.get(key) === 1));
  const next = new Map<string, number>();
  return keys.map((key) => {
    if (uses.get(key) === 1) return key;
    let n = next.get(key) ?? 0;
    let unique = key + keySuffix(n++);
    while (taken.has(unique)) unique = key + keySuffix(n++);
    next.set(key, n);
    taken.add(unique);
    return unique;
  });
}

/** BibTeX keys of the items, in order and unique across them: citation-js's author-year-title key
 *  (`Knaevelsrud2006Does`), with a, b, ... appended in item order to a key that several items share. */
export function bibtexKeys(items: CslItem | CslItem[]): string[] {
  return uniqueKeys(listOf(items).map((item) => entryKey(bibtexEntry(item))));
}

/** The PMID of an item, if it has one. */
const pmidOf = (item: CslItem) => (typeof item['PMID'] === 'string' && item['PMID'] ? item['PMID'] : undefined);

/** The entry with a `pmid` field (BibLaTeX, Better BibTeX and JabRef write it; citation-js drops it). */
function withPmid(entry: string, item: CslItem): string {
  const pmid = pmidOf(item);
  return pmid && !/^\s*pmid = /m.test(entry) ? entry.replace(/\n\}$/, `\n\tpmid = {${pmid}},\n}`) : entry;
}

/** BibTeX entries with keys unique across them (see bibtexKeys), or with the `keys` given, one per item
 *  (a study page passes its record's key in the export); an incomplete author list ends with BibTeX's "and others". */
export function formatBibtex(items: CslItem | CslItem[], keys?: readonly string[]): string {
  const entries = listOf(items).map((item) => withPmid(bibtexEntry(item), item));
  const unique = uniqueKeys(entries.map(entryKey));
  return entries.map((entry, i) => withKey(entry, keys?.[i] ?? unique[i]!)).join('\n\n');
}

/** RIS entries already written, by item content (as bibtexCache): /data/studies.ris, a review's
 *  studies.ris and each study's cite.ris then format a study once per build, not three times. */
const risCache = new Map<string, string>();

/** One RIS entry from citation-js's tag object, one value per line, with the PMID as `AN`. */
function risEntry(entry: Record<string, unknown>, item: CslItem): string {
  const pmid = pmidOf(item);
  if (pmid && entry['AN'] === undefined) entry['AN'] = `PMID: ${pmid}`;
  const lines = [`TY  - ${String(entry['TY'])}`];
  for (const [tag, value] of Object.entries(entry)) {
    if (tag === 'TY') continue;
    for (const v of ([] as unknown[]).concat(value)) lines.push(`${tag}  - ${String(v).replace(/\s+/g, ' ')}`);
  }
  lines.push('ER  - ');
  return lines.join('\n');
}

/** RIS entries. citation-js's text output wraps values at 70 characters, which reference managers
 *  read as broken fields, so its tag objects are written out here one value per line. citation-js
 *  writes no PMID; it is added as `AN  - PMID: <n>` (the accession number, as EndNote keeps it).
 *  The items not written before are given to citation-js together, in one call. */
export function formatRis(items: CslItem | CslItem[]): string {
  const list = listOf(items);
  const keys = list.map((item) => JSON.stringify(item));
  const missing = list.filter((_, i) => !risCache.has(keys[i]!));
  if (missing.length > 0) {
    const entries = new Cite(missing).format('ris', { format: 'object' }) as unknown as Record<string, unknown>[];
    if (entries.length !== missing.length) throw new Error(`citation-js wrote ${entries.length} RIS entries for ${missing.length} items`);
    entries.forEach((entry, i) => risCache.set(JSON.stringify(missing[i]), risEntry(entry, missing[i]!)));
  }
  return keys.map((key) => risCache.get(key)!).join('\n\n');
}

/** `https://doi.org/<doi>` for a bare DOI. */
export const doiUrl = (doi: string) => `https://doi.org/${doi}`;
/** PubMed page for a PMID. */
export const pubmedUrl = (pmid: string) => `https://pubmed.ncbi.nlm.nih.gov/${pmid}/`;
/** PubMed Central page for a PMCID. */
export const pmcUrl = (pmcid: string) => `https://www.ncbi.nlm.nih.gov/pmc/articles/${pmcid}/`;
