// Machine-readable page metadata: Highwire Press `citation_*` tags (read by Zotero's Embedded
// Metadata translator and Google Scholar), schema.org JSON-LD, Open Graph. Pure builders: values in,
// tag lists and JSON text out; the layout only prints them.
import type { Citation } from '../schemas';
import { doiUrl, pubmedUrl } from './citation';

/** One `<meta>` tag: `name` for Highwire and description tags, `property` for Open Graph. */
export interface MetaTag {
  /** Attribute that names the tag (`name` or `property`). */
  attr: 'name' | 'property';
  /** The tag's name, e.g. `citation_title` or `og:title`. */
  key: string;
  /** The tag's value. */
  content: string;
}

/** Text on one line (YAML block scalars may carry line breaks). */
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** First and last page of a page range: "95-105" or "95–105" -> 95 and 105; "e110" -> e110 and no last page. */
export function splitPages(pages: string): { first: string; last?: string } {
  const [first = '', last] = pages.split(/\s*[-–—]\s*/, 2).map((p) => p.trim());
  return last ? { first, last } : { first };
}

/** Highwire Press tags for a journal article, in the names Zotero's Embedded Metadata translator maps
 *  (citation_title, citation_author per author as "Family, Given", citation_publication_date as YYYY,
 *  citation_journal_title, citation_volume, citation_issue, citation_firstpage, citation_lastpage,
 *  citation_doi, citation_pmid). */
export function highwireTags(c: Citation): MetaTag[] {
  const tag = (key: string, content: string): MetaTag => ({ attr: 'name', key, content: oneLine(content) });
  const tags = [tag('citation_title', c.title), ...c.authors.map((a) => tag('citation_author', a.replace(/^\{(.+)\}$/, '$1')))];
  tags.push(tag('citation_publication_date', String(c.year)), tag('citation_journal_title', c.journal));
  if (c.volume) tags.push(tag('citation_volume', c.volume));
  if (c.issue) tags.push(tag('citation_issue', c.issue));
  if (c.pages) {
    const { first, last } = splitPages(c.pages);
    if (first) tags.push(tag('citation_firstpage', first));
    if (last) tags.push(tag('citation_lastpage', last));
  }
  if (c.doi) tags.push(tag('citation_doi', c.doi));
  if (c.pmid) tags.push(tag('citation_pmid', c.pmid));
  return tags;
}

/** Open Graph tags for a page. `type` is `article` for a record's page, `website` otherwise. */
export function openGraphTags(p: {
  title: string;
  description: string;
  url: string;
  siteName: string;
  type: 'website' | 'article';
}): MetaTag[] {
  const tag = (key: string, content: string): MetaTag => ({ attr: 'property', key, content: oneLine(content) });
  return [
    tag('og:type', p.type),
    tag('og:site_name', p.siteName),
    tag('og:title', p.title),
    tag('og:description', p.description),
    tag('og:url', p.url),
    tag('og:locale', 'en_GB'),
  ];
}

/** A JSON-LD value. */
export type JsonLd = { [key: string]: JsonValue };
type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A person in schema.org terms, from "Family, Given". */
function person(author: string): JsonLd {
  const group = /^\{(.+)\}$/.exec(author.trim());
  if (group?.[1]) return { '@type': 'Organization', name: group[1] };
  const [family = author, given] = author.split(/,\s*/, 2);
  return given
    ? { '@type': 'Person', name: `${given} ${family}`, familyName: family, givenName: given }
    : { '@type': 'Person', name: family };
}

/** schema.org `ScholarlyArticle` for a study's primary report; `page` is the address of its page here. */
export function scholarlyArticleLd(c: Citation, page: string, description?: string): JsonLd {
  const periodical: JsonLd = { '@type': 'Periodical', name: oneLine(c.journal) };
  const volume: JsonLd = c.volume ? { '@type': 'PublicationVolume', volumeNumber: c.volume, isPartOf: periodical } : periodical;
  const partOf: JsonLd = c.issue ? { '@type': 'PublicationIssue', issueNumber: c.issue, isPartOf: volume } : volume;
  const ld: JsonLd = {
    '@context': 'https://schema.org',
    '@type': 'ScholarlyArticle',
    ...(c.doi ? { '@id': doiUrl(c.doi) } : {}),
    headline: oneLine(c.title),
    name: oneLine(c.title),
    author: c.authors.map(person),
    datePublished: String(c.year),
    isPartOf: partOf,
  };
  if (c.pages) {
    const { first, last } = splitPages(c.pages);
    ld['pageStart'] = first;
    if (last) ld['pageEnd'] = last;
    ld['pagination'] = c.pages;
  }
  const ids: JsonLd[] = [];
  if (c.doi) ids.push({ '@type': 'PropertyValue', propertyID: 'DOI', value: c.doi });
  if (c.pmid) ids.push({ '@type': 'PropertyValue', propertyID: 'PMID', value: c.pmid });
  if (ids.length > 0) ld['identifier'] = ids;
  const same = [...(c.doi ? [doiUrl(c.doi)] : []), ...(c.pmid ? [pubmedUrl(c.pmid)] : [])];
  if (same.length > 0) ld['sameAs'] = same;
  ld['subjectOf'] = { '@type': 'WebPage', url: page, ...(description ? { description: oneLine(description) } : {}) };
  return ld;
}

/** One downloadable file of a dataset. */
export interface DatasetFile {
  /** Absolute address of the file. */
  url: string;
  /** Its media type, e.g. `application/json`. */
  encodingFormat: string;
}

/** The files every dataset of this site is offered in, by extension, with their media types. */
export const dataFormats: readonly { ext: string; encodingFormat: string }[] = [
  { ext: 'json', encodingFormat: 'application/json' },
  { ext: 'csv', encodingFormat: 'text/csv' },
  { ext: 'bib', encodingFormat: 'application/x-bibtex' },
  { ext: 'ris', encodingFormat: 'application/x-research-info-systems' },
  { ext: 'csl.json', encodingFormat: 'application/vnd.citationstyles.csl+json' },
];

/** schema.org `Dataset` with a `DataDownload` per file. */
export function datasetLd(d: {
  name: string;
  description: string;
  url: string;
  version: string;
  license: string;
  creator: string;
  dateModified: string;
  files: readonly DatasetFile[];
  isBasedOn?: string;
}): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    name: oneLine(d.name),
    description: oneLine(d.description),
    url: d.url,
    version: d.version,
    license: d.license,
    isAccessibleForFree: true,
    creator: { '@type': 'Organization', name: d.creator },
    dateModified: d.dateModified,
    ...(d.isBasedOn ? { isBasedOn: d.isBasedOn } : {}),
    distribution: d.files.map((f) => ({ '@type': 'DataDownload', contentUrl: f.url, encodingFormat: f.encodingFormat })),
  };
}

/** JSON text safe to print inside `<script type="application/ld+json">`: `<`, `>` and `&` are written
 *  as \u escapes (so no `</script>` or `<!--` can end or change the element), and so are U+2028 and U+2029. */
export function jsonLdScript(data: JsonLd | JsonLd[]): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Whether an address is a local one (localhost, 127.0.0.0/8, ::1, 0.0.0.0, *.localhost): such an address is not stable. */
export function isLocalUrl(address: string): boolean {
  let host: string;
  try {
    host = new URL(address).hostname.toLowerCase();
  } catch {
    return true;
  }
  return host === 'localhost' || host.endsWith('.localhost') || /^127\./.test(host) || host === '[::1]' || host === '0.0.0.0';
}
