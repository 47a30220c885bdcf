// Loads the Pagefind search index that the build writes to <base>/pagefind/.

/** The parts of Pagefind's browser API Rapport uses. */
export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
}
export interface PagefindResult {
  id: string;
  /** Relevance to the search words; higher is better. */
  score: number;
  data: () => Promise<PagefindResultData>;
}
export interface PagefindResponse {
  results: PagefindResult[];
  unfilteredResultCount: number;
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}
export type PagefindFilter = string | { any: string[] } | { all: string[] };
export interface PagefindSearchOptions {
  filters?: Record<string, PagefindFilter>;
  sort?: Record<string, 'asc' | 'desc'>;
}
export interface Pagefind {
  options: (o: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (term: string | null, o?: PagefindSearchOptions) => Promise<PagefindResponse | null>;
  /** Waits `ms`, then searches; null when a later call has started meanwhile. */
  debouncedSearch: (term: string | null, o: PagefindSearchOptions, ms: number) => Promise<PagefindResponse | null>;
  /** Starts loading the index chunks a search will need. */
  preload: (term: string, o?: PagefindSearchOptions) => Promise<void>;
  filters: () => Promise<Record<string, Record<string, number>>>;
}

let loading: Promise<Pagefind> | undefined;

/** The Pagefind API, loaded once per page. */
export function loadPagefind(base: string): Promise<Pagefind> {
  const root = base.endsWith('/') ? base : `${base}/`;
  loading ??= (async () => {
    const pagefind = (await import(/* @vite-ignore */ `${root}pagefind/pagefind.js`)) as Pagefind;
    await pagefind.options({ baseUrl: root });
    await pagefind.init();
    // Loading every filter once makes later searches report counts for all facets, not only
    // for the facets named in the query.
    await pagefind.filters();
    return pagefind;
  })();
  return loading;
}
