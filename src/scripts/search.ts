// The search page: searches as the user types (debounced), with the field's synonyms
// (lib/search-terms) and an optional type filter, and lists title, type, year, modality and a
// snippet. The query and the type stay in the address, so a search can be shared.
import { loadPagefind, type Pagefind, type PagefindResult, type PagefindResultData, type PagefindSearchOptions } from './pagefind';
import { countNoun } from '../lib/format';
import { mergeResults, searchVariants } from '../lib/search-terms';

/** Milliseconds of quiet typing before a search runs. */
const typingDelay = 150;
/** Results listed at once; "Show more results" lists the next as many. */
const pageSize = 30;
const prompt = 'Type a word or phrase, for example “videoconferencing” or “working alliance inventory”.';
const typeNames: Record<string, string> = { Study: 'studies', Guide: 'guides', Review: 'reviews' };

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (cls) node.className = cls;
  return node;
}

/** The search words and the type filter, as the address holds them ("" for all types). */
interface Query {
  q: string;
  type: string;
}

function readAddress(): Query {
  const params = new URLSearchParams(location.search);
  return { q: params.get('q')?.trim() ?? '', type: params.get('type') ?? '' };
}

function writeAddress({ q, type }: Query): void {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (type) params.set('type', type);
  const next = `${location.pathname}${params.size ? `?${params}` : ''}`;
  if (next !== `${location.pathname}${location.search}`) history.replaceState(null, '', next);
}

/** Every result for the query and its synonyms, best first; null when a later search has started. */
async function findAll(
  pagefind: Pagefind,
  variants: string[],
  options: PagefindSearchOptions,
  delay: number,
): Promise<PagefindResult[] | null> {
  const [first, ...others] = variants;
  if (first === undefined) return [];
  const head = delay > 0 ? await pagefind.debouncedSearch(first, options, delay) : await pagefind.search(first, options);
  if (!head) return null;
  const rest = await Promise.all(others.map((v) => pagefind.search(v, options)));
  return mergeResults([head.results, ...rest.map((r) => r?.results ?? [])]);
}

/** One result as a list item: title link, type · year · modality, and the excerpt. */
function resultItem(r: PagefindResultData): HTMLLIElement {
  const li = el('li');
  const h = el('h2', undefined, 'search-title');
  const a = el('a', r.meta['title'] ?? r.url);
  a.href = r.url;
  h.append(a);
  li.append(h);
  const facts = [r.filters['type']?.[0], r.meta['year'], r.meta['modality']].filter(Boolean).join(' · ');
  if (facts) li.append(el('p', facts, 'note'));
  const snippet = el('p', undefined, 'search-snippet');
  snippet.innerHTML = r.excerpt; // Pagefind escapes page text and adds only <mark> around matches.
  li.append(snippet);
  return li;
}

/** The status line for a finished search. */
function describe(query: Query, variants: string[], total: number, shown: number): string {
  const within = query.type ? ` among ${typeNames[query.type] ?? query.type}` : '';
  const also = variants.length > 1 ? `, with synonyms such as “${variants[1]}”` : '';
  if (total === 0) return `No results for “${query.q}”${within}${also}.`;
  return `${countNoun(total, 'result')} for “${query.q}”${within}${also}${total > shown ? ` (first ${shown} shown)` : ''}.`;
}

export async function startSearch(form: HTMLFormElement): Promise<void> {
  const input = form.querySelector<HTMLInputElement>('input[name=q]');
  const typeSelect = form.querySelector<HTMLSelectElement>('select[name=type]');
  const status = document.querySelector<HTMLElement>('[data-search-status]');
  const list = document.querySelector<HTMLOListElement>('[data-search-results]');
  const more = document.querySelector<HTMLButtonElement>('[data-search-more]');
  if (!input || !status || !list) return;
  const start = readAddress();
  input.value = start.q;
  if (typeSelect) typeSelect.value = typeNames[start.type] ? start.type : '';

  let pagefind: Promise<Pagefind> | undefined;
  let runId = 0;
  /** The latest search's results, and how many of them are listed. */
  let current: { query: Query; variants: string[]; results: PagefindResult[]; shown: number } | undefined;

  /** Lists the next page of the current results (from `current.shown`). */
  const showMore = async (id: number, replace: boolean) => {
    if (!current) return;
    const next = current.results.slice(current.shown, current.shown + pageSize);
    const data = await Promise.all(next.map((r) => r.data()));
    if (id !== runId) return;
    if (replace) list.replaceChildren(...data.map(resultItem));
    else list.append(...data.map(resultItem));
    current.shown += next.length;
    if (more) more.hidden = current.shown >= current.results.length;
    status.textContent = describe(current.query, current.variants, current.results.length, current.shown);
  };

  const run = async (delay: number) => {
    const query: Query = { q: input.value.trim(), type: typeSelect?.value ?? '' };
    const id = ++runId;
    writeAddress(query);
    const variants = searchVariants(query.q);
    if (variants.length === 0) {
      current = undefined;
      list.replaceChildren();
      if (more) more.hidden = true;
      status.textContent = prompt;
      return;
    }
    try {
      pagefind ??= loadPagefind(form.dataset['base'] ?? '/');
      const options: PagefindSearchOptions = query.type ? { filters: { type: query.type } } : {};
      const results = await findAll(await pagefind, variants, options, delay);
      if (!results || id !== runId) return;
      current = { query, variants, results, shown: 0 };
      await showMore(id, true);
    } catch {
      if (id === runId) status.textContent = 'The search index could not be loaded. Browse the table of studies instead.';
    }
  };

  input.addEventListener('input', () => void run(typingDelay));
  typeSelect?.addEventListener('change', () => void run(0));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run(0);
  });
  more?.addEventListener('click', () => {
    const first = list.children.length;
    void showMore(runId, false).then(() => list.children[first]?.querySelector('a')?.focus());
  });
  if (start.q) status.textContent = `Searching for “${start.q}”…`;
  await run(0);
}
