// The study explorer: its rows and columns, its pages, and its state in the URL. One module for the
// server-rendered table and for the browser explorer (src/scripts/explorer.ts), which imports it:
// so it holds no runtime import of src/schemas (zod stays out of the browser bundle).
import type { Study } from '../schemas';
import { designLabels, modalityLabels, vsFaceToFaceLabels } from './labels';
import { shortCitation } from './evidence-base';
import { isUnverified } from './provenance';
import { countNoun, formatCount, instrumentName } from './format';
import { facetValueLabel, parseFacetParams } from './facets';

/** Rows per explorer page, server-rendered and in the browser. */
export const explorerPageSize = 50;

/** One table row, as text. */
export interface StudyRow {
  id: string;
  cite: string;
  year: string;
  modality: string;
  design: string;
  n: string;
  measure: string;
  finding: string;
}

/** One column of the study table: the row field it shows, its heading, and whether it holds numbers (right-aligned). */
export interface StudyColumn {
  key: Exclude<keyof StudyRow, 'id'>;
  label: string;
  numeric: boolean;
}

/** The first column: the row heading, a link to the study's page. */
export const studyHeadingColumn: StudyColumn = { key: 'cite', label: 'Study', numeric: false };

/** The columns after the row heading, in order. */
export const studyCellColumns: readonly StudyColumn[] = [
  { key: 'year', label: 'Year', numeric: true },
  { key: 'modality', label: 'Modality', numeric: false },
  { key: 'design', label: 'Design', numeric: false },
  { key: 'n', label: 'N', numeric: true },
  { key: 'measure', label: 'Alliance measure', numeric: false },
  { key: 'finding', label: 'Alliance vs face-to-face', numeric: false },
];

/** Every column of the study table, in order. */
export const studyColumns: readonly StudyColumn[] = [studyHeadingColumn, ...studyCellColumns];

const mark = (s: Study, path: string) => (isUnverified(s, path) ? ' (unconfirmed)' : '');

/** A study as one explorer row; unconfirmed values say so. */
export function studyRow(s: Study): StudyRow {
  return {
    id: s.id,
    cite: shortCitation(s),
    year: String(s.year),
    modality: s.modalities.map((m) => modalityLabels[m]).join(', ') + mark(s, 'modalities'),
    design: designLabels[s.design] + mark(s, 'design'),
    n: (s.sample_size === null ? 'not reported' : String(s.sample_size)) + mark(s, 'sample_size'),
    measure: [...new Set(s.alliance.measures.map((m) => instrumentName(m.instrument)))].join(', ') + mark(s, 'alliance.measures'),
    finding: vsFaceToFaceLabels[s.alliance.vs_face_to_face] + mark(s, 'alliance.vs_face_to_face'),
  };
}

/**
 * A row read back from the search index, whose metadata for a study page is its `studyRow`
 * (src/lib/study-search.ts); `url` is the page's address. Missing fields are empty.
 */
export function rowFromIndex(meta: Readonly<Record<string, string | undefined>>, url: string): StudyRow & { url: string } {
  const field = (key: keyof StudyRow) => meta[key] ?? '';
  return {
    id: field('id'),
    cite: meta['cite'] ?? meta['title'] ?? url,
    year: field('year'),
    modality: field('modality'),
    design: field('design'),
    n: field('n'),
    measure: field('measure'),
    finding: field('finding'),
    url,
  };
}

/** Splits items into pages of `size`; always at least one (possibly empty) page. */
export function paginate<T>(items: readonly T[], size = explorerPageSize): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += size) pages.push(items.slice(i, i + size));
  return pages.length ? pages : [[]];
}

/** Which rows one page of a list shows. */
export interface PageRange {
  /** The page shown, 1-based: the page asked for, moved into 1…pages. */
  page: number;
  /** Number of pages; at least one, even for no rows. */
  pages: number;
  /** Index of the page's first row in the whole list, 0-based. */
  offset: number;
  /** Positions of the first and last row shown, 1-based; 0 and 0 when there are none. */
  first: number;
  last: number;
}

/** Page `page` of `total` rows in pages of `size` (the page is clamped, so a stale link still shows rows). */
export function pageRange(total: number, page: number, size = explorerPageSize): PageRange {
  const pages = Math.max(1, Math.ceil(total / size));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const offset = (current - 1) * size;
  return { page: current, pages, offset, first: total === 0 ? 0 : offset + 1, last: Math.min(total, offset + size) };
}

/** The rows of page `page` of `items`, with the range they span. */
export function pageOf<T>(items: readonly T[], page: number, size = explorerPageSize): { rows: T[]; range: PageRange } {
  const range = pageRange(items.length, page, size);
  return { rows: items.slice(range.offset, range.offset + size), range };
}

/** Every page number of `total` rows: 1 to the number of pages. */
export function pageNumbers(total: number, size = explorerPageSize): number[] {
  return Array.from({ length: pageRange(total, 1, size).pages }, (_, i) => i + 1);
}

/** Page numbers to link from page `current` of `pages`: first, last and three either side; null marks a gap. */
export function pageWindow(current: number, pages: number): (number | null)[] {
  const out: (number | null)[] = [];
  for (let p = 1; p <= pages; p++) {
    if (p === 1 || p === pages || Math.abs(p - current) <= 3) out.push(p);
    else if (out.at(-1) !== null) out.push(null);
  }
  return out;
}

/** One item of the pager: a link to a page (Previous, a number, Next), or a gap in the numbers. */
export type PagerItem = { kind: 'page'; page: number; label: string; current: boolean; rel?: 'prev' | 'next' } | { kind: 'gap' };

/** The pager of page `current` of `pages`: Previous, the page window, Next; nothing when there is one page. */
export function pagerItems(current: number, pages: number): PagerItem[] {
  if (pages <= 1) return [];
  const numbers = pageWindow(current, pages).map((p): PagerItem =>
    p === null ? { kind: 'gap' } : { kind: 'page', page: p, label: String(p), current: p === current },
  );
  return [
    ...(current > 1 ? [{ kind: 'page', page: current - 1, label: 'Previous', current: false, rel: 'prev' } as const] : []),
    ...numbers,
    ...(current < pages ? [{ kind: 'page', page: current + 1, label: 'Next', current: false, rel: 'next' } as const] : []),
  ];
}

/** The site path of page `n` of the server-rendered table: the first page is /studies/ itself. */
export function explorerPagePath(n: number): string {
  return n === 1 ? '/studies/' : `/studies/page/${n}/`;
}

/** The status line above the table; `unfiltered` is the number of all studies when a search or filter narrows the list. */
export function explorerStatus(range: PageRange, total: number, unfiltered?: number): string {
  if (total === 0) return unfiltered === undefined ? 'No studies are recorded yet.' : 'No studies match these filters.';
  const matching = unfiltered === undefined ? '' : ` matching (of ${formatCount(unfiltered)})`;
  return `Showing ${formatCount(range.first)}–${formatCount(range.last)} of ${countNoun(total, 'study', 'studies')}${matching}.`;
}

/** The caption of a server-rendered page of the table, which lists studies oldest first. */
export function pageCaption(range: PageRange, total: number): string {
  return `Studies ${formatCount(range.first)} to ${formatCount(range.last)} of ${formatCount(total)}, oldest first`;
}

/** The caption of the table the browser builds for a search or filter. */
export function matchCaption(total: number, q: string): string {
  return `${countNoun(total, 'study', 'studies')}${q ? ` matching “${q}”` : ''}`;
}

/** What the page tells the browser explorer (as JSON in the page). */
export interface ExplorerConfig {
  /** The site's base path, where the search index lives. */
  base: string;
  /** Number of all studies. */
  total: number;
}

/** Sort orders: URL value -> the search index's sort (none: by relevance to the search words). */
export const explorerSorts = {
  relevance: undefined,
  'year-asc': { year: 'asc' },
  'year-desc': { year: 'desc' },
  'size-desc': { size: 'desc' },
  'size-asc': { size: 'asc' },
  'title-asc': { title: 'asc' },
} as const satisfies Record<string, Readonly<Record<string, 'asc' | 'desc'>> | undefined>;

export type ExplorerSort = keyof typeof explorerSorts;

/** Everything a view of the explorer depends on, as the URL holds it. */
export interface ExplorerState {
  /** Search words, trimmed; empty for none. */
  q: string;
  sort: ExplorerSort;
  /** 1-based page. */
  page: number;
  /** Facet name -> selected keys. */
  filters: Record<string, string[]>;
}

const isSort = (value: string): value is ExplorerSort => Object.hasOwn(explorerSorts, value);

/** The sort used when none is given: by relevance while searching, else oldest first. */
export const defaultSort = (q: string): ExplorerSort => (q ? 'relevance' : 'year-asc');

/**
 * The explorer state from URL parameters (or the filter form's fields); unknown sorts, facets and
 * values are dropped, and so is "relevance" without search words (there is nothing to rank by).
 */
export function parseExplorerState(params: URLSearchParams): ExplorerState {
  const q = params.get('q')?.trim() ?? '';
  const sort = params.get('sort') ?? defaultSort(q);
  return {
    q,
    sort: isSort(sort) && (q || sort !== 'relevance') ? sort : 'year-asc',
    page: Math.max(1, Math.floor(Number(params.get('page'))) || 1),
    filters: parseFacetParams(params),
  };
}

/** The state as a query string, defaults left out so links stay short: "" or "?q=…&modality=…". */
export function formatExplorerQuery(state: ExplorerState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const [name, keys] of Object.entries(state.filters)) for (const k of keys) params.append(name, k);
  if (state.sort !== defaultSort(state.q)) params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** True when a search or a filter narrows the list. */
export const isNarrowed = (state: ExplorerState): boolean => state.q !== '' || Object.keys(state.filters).length > 0;

/** A filter of the search index: one label, or any of several. */
export type IndexFilter = string | { any: string[] };

/** The search index's filters for a state: study pages only, and each facet's selected labels (any of them); `without` leaves one facet out. */
export function indexFilters(filters: Readonly<Record<string, string[]>>, without?: string): Record<string, IndexFilter> {
  const out: Record<string, IndexFilter> = { type: 'Study' };
  for (const [name, keys] of Object.entries(filters)) if (name !== without) out[name] = { any: keys.map((k) => facetValueLabel(name, k)) };
  return out;
}
