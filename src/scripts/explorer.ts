// Progressive enhancement of the study explorer: facet filters with counts, sorting and
// free-text search through the Pagefind index, with the whole state in the URL. The rules
// (state in the URL, facets, columns, rows, pages and wording) are lib/explorer's and
// lib/facets', the same the server-rendered table uses; this file only talks to the DOM.
import { loadPagefind, type Pagefind } from './pagefind';
import { facetValueLabel } from '../lib/facets';
import { openFacetIndex, queryFacetIndex, type FacetIndex, type FacetIndexData } from '../lib/facet-index';
import {
  explorerSorts,
  explorerStatus,
  formatExplorerQuery,
  indexFilters,
  isNarrowed,
  matchCaption,
  pageRange,
  pagerItems,
  parseExplorerState,
  rowFromIndex,
  studyCellColumns,
  studyColumns,
  type ExplorerConfig,
  type ExplorerState,
  type PageRange,
  type StudyRow,
} from '../lib/explorer';

/** The explorer's elements on the page. */
interface Parts {
  root: HTMLElement;
  form: HTMLFormElement;
  status: HTMLElement;
  table: HTMLElement;
  config: ExplorerConfig;
}

/** One search's answer: the page of rows to show and the facet counts. */
interface View {
  total: number;
  range: PageRange;
  rows: (StudyRow & { url: string })[];
  counts: Record<string, Record<string, number>>;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  attrs: Record<string, string | undefined> = {},
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) node.setAttribute(k, v);
  return node;
}

function findParts(root: HTMLElement): Parts | null {
  const configNode = root.querySelector('[data-explorer-config]');
  const form = root.querySelector<HTMLFormElement>('[data-explorer-form]');
  const status = root.querySelector<HTMLElement>('[data-explorer-status]');
  const table = root.querySelector<HTMLElement>('[data-explorer-table]');
  if (!configNode || !form || !status || !table) return null;
  return { root, form, status, table, config: JSON.parse(configNode.textContent ?? '{}') as ExplorerConfig };
}

/** The state the form shows, read through the same parser as the URL (page 1: a new search starts over). */
function readForm(form: HTMLFormElement): ExplorerState {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) if (typeof value === 'string') params.append(name, value);
  return parseExplorerState(params);
}

/** The sort menu shows the order in use; "relevance" can be chosen only while there are search words. */
function syncSort(form: HTMLFormElement, state: ExplorerState): void {
  const select = form.elements.namedItem('sort') as HTMLSelectElement;
  const relevance = select.querySelector<HTMLOptionElement>('option[value=relevance]');
  if (relevance) relevance.disabled = !state.q;
  select.value = state.sort;
}

function syncForm(form: HTMLFormElement, state: ExplorerState): void {
  (form.elements.namedItem('q') as HTMLInputElement).value = state.q;
  syncSort(form, state);
  for (const box of form.querySelectorAll<HTMLInputElement>('input[type=checkbox]'))
    box.checked = state.filters[box.name]?.includes(box.value) ?? false;
}

/** The in-memory facet index (/data/explorer-index.json), or null when it cannot be loaded (then Pagefind answers every query). */
async function loadFacetIndex(base: string): Promise<FacetIndex | null> {
  const root = base.endsWith('/') ? base : `${base}/`;
  try {
    const res = await fetch(`${root}data/explorer-index.json`);
    return res.ok ? openFacetIndex((await res.json()) as FacetIndexData) : null;
  } catch {
    return null;
  }
}

/** Runs the search for a state: the page of rows, and each facet's counts. Without search words the
 *  facet index answers in memory; with them, Pagefind does. */
async function search(
  getPagefind: () => Promise<Pagefind>,
  facetIndex: FacetIndex | null,
  state: ExplorerState,
  base: string,
): Promise<View | null> {
  if (!state.q && facetIndex) {
    const filters = Object.fromEntries(
      Object.entries(state.filters).map(([name, keys]) => [name, keys.map((k) => facetValueLabel(name, k))]),
    );
    return queryFacetIndex(facetIndex, { filters, sort: state.sort, page: state.page }, base);
  }
  const pagefind = await getPagefind();
  const term = state.q || null;
  const sort = explorerSorts[state.sort];
  const filters = indexFilters(state.filters);
  // A facet's own counts ignore its own selection, so they say what ticking one more value adds.
  // Those searches run while the page's rows load.
  const ownCounts = Promise.all(
    Object.keys(state.filters).map(
      async (facet) => [facet, (await pagefind.search(term, { filters: indexFilters(state.filters, facet) }))?.filters[facet]] as const,
    ),
  );
  const response = await pagefind.search(term, sort ? { filters, sort } : { filters });
  if (!response) return null;
  const total = response.results.length;
  const range = pageRange(total, state.page);
  const slice = response.results.slice(range.offset, range.last);
  const [data, own] = await Promise.all([Promise.all(slice.map((r) => r.data())), ownCounts]);
  const counts: Record<string, Record<string, number>> = { ...response.filters };
  for (const [facet, values] of own) if (values) counts[facet] = values;
  return { total, range, rows: data.map((d) => rowFromIndex(d.meta, d.url)), counts };
}

function renderCounts(form: HTMLFormElement, counts: View['counts']): void {
  for (const span of form.querySelectorAll<HTMLElement>('[data-count-for]')) {
    const ref = span.dataset['countFor'] ?? '';
    const facet = ref.slice(0, ref.indexOf(':'));
    const key = ref.slice(ref.indexOf(':') + 1);
    span.textContent = `(${counts[facet]?.[facetValueLabel(facet, key)] ?? 0})`;
  }
}

function renderTable(holder: HTMLElement, view: View, q: string): void {
  const table = el('table', undefined, { class: 'study-table stack-narrow' });
  table.append(el('caption', matchCaption(view.total, q)));
  const head = el('tr');
  for (const c of studyColumns) head.append(el('th', c.label, { scope: 'col', class: c.numeric ? 'num' : undefined }));
  const thead = el('thead');
  thead.append(head);
  table.append(thead);
  const body = el('tbody');
  for (const r of view.rows) {
    const tr = el('tr', undefined, { 'data-study': r.id });
    const th = el('th', undefined, { scope: 'row' });
    th.append(el('a', r.cite, { href: r.url }));
    tr.append(th);
    for (const c of studyCellColumns) tr.append(el('td', r[c.key], { class: c.numeric ? 'num' : undefined, 'data-label': c.label }));
    body.append(tr);
  }
  table.append(body);
  const scroll = el('div', undefined, { class: 'table-scroll' });
  scroll.append(table);
  holder.replaceChildren(scroll);
}

/** The pager for the matching studies, placed after the table; `go` opens a page. */
function renderPager(holder: HTMLElement, state: ExplorerState, range: PageRange, go: (page: number) => void): void {
  holder.parentElement?.querySelector('[data-explorer-pager]')?.remove();
  const items = pagerItems(range.page, range.pages);
  if (items.length === 0) return;
  const nav = el('nav', undefined, { class: 'pagination', 'aria-label': 'Pages of matching studies', 'data-explorer-pager': '' });
  const list = el('ul');
  for (const item of items) {
    if (item.kind === 'gap') {
      list.append(el('li', '…', { 'aria-hidden': 'true' }));
      continue;
    }
    const a = el('a', item.label, {
      href: `${location.pathname}${formatExplorerQuery({ ...state, page: item.page })}`,
      rel: item.rel,
      'aria-current': item.current ? 'page' : undefined,
    });
    a.addEventListener('click', (event) => {
      event.preventDefault();
      go(item.page);
    });
    const li = el('li');
    li.append(a);
    list.append(li);
  }
  nav.append(list);
  holder.after(nav);
}

/** Shows a view: counts, table, pager, status line, and the state in the address. */
function render(parts: Parts, state: ExplorerState, view: View, go: (page: number) => void): void {
  renderCounts(parts.form, view.counts);
  renderTable(parts.table, view, state.q);
  renderPager(parts.table, state, view.range, go);
  parts.status.textContent = explorerStatus(view.range, view.total, isNarrowed(state) ? parts.config.total : undefined);
  const next = `${location.pathname}${formatExplorerQuery(state)}`;
  if (next !== `${location.pathname}${location.search}`) history.replaceState(null, '', next);
}

/** Wires the form to searches: typing waits a moment, ticking a box searches at once; Clear all starts over. */
function listen(parts: Parts, update: (state: ExplorerState) => void): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  parts.form.addEventListener('input', (event) => {
    clearTimeout(timer);
    const delay = (event.target as HTMLElement).matches('input[type=search]') ? 250 : 0;
    timer = setTimeout(() => update(readForm(parts.form)), delay);
  });
  parts.form.addEventListener('submit', (event) => event.preventDefault());
  parts.root.querySelector('[data-explorer-clear]')?.addEventListener('click', () => {
    const cleared = parseExplorerState(new URLSearchParams());
    syncForm(parts.form, cleared);
    update(cleared);
  });
}

export async function startExplorer(root: HTMLElement): Promise<void> {
  const parts = findParts(root);
  if (!parts) return;
  // Facet clicks without search words need only the facet index; Pagefind is fetched when search
  // words need it (or as the search box takes focus), or at once when the facet index is missing.
  let pagefindLoad: Promise<Pagefind> | undefined;
  const getPagefind = () => (pagefindLoad ??= loadPagefind(parts.config.base));
  const facetIndex = await loadFacetIndex(parts.config.base);
  if (!facetIndex) {
    try {
      await getPagefind();
    } catch {
      parts.status.textContent = `Filtering needs the search index, which could not be loaded; the full table is available page by page below.`;
      return;
    }
  }
  parts.form.querySelector('input[name=q]')?.addEventListener('focus', () => void getPagefind().catch(() => undefined), { once: true });
  parts.form.hidden = false;
  // The filters fold away on narrow screens, so the first results show without scrolling past them.
  const fold = root.querySelector<HTMLDetailsElement>('details[data-explorer-facets]');
  if (fold) fold.open = matchMedia('(min-width: 48rem)').matches;
  root.querySelector('[data-explorer-pagination]')?.setAttribute('hidden', '');
  root.querySelector('[data-explorer-nojs]')?.setAttribute('hidden', '');
  root.querySelector('[data-explorer-js]')?.removeAttribute('hidden');

  let state = parseExplorerState(new URLSearchParams(location.search));
  let runId = 0;
  const update = async (next: ExplorerState) => {
    state = next;
    syncSort(parts.form, state);
    const id = ++runId;
    let view: View | null;
    try {
      view = await search(getPagefind, facetIndex, state, parts.config.base);
    } catch {
      if (id === runId)
        parts.status.textContent =
          'Searching within the studies needs the search index, which could not be loaded; the filters still work.';
      return;
    }
    // A later search may have started while this one ran: only the latest is shown.
    if (!view || id !== runId) return;
    state = { ...state, page: view.range.page };
    render(parts, state, view, (page) => {
      void update({ ...state, page });
      parts.status.focus();
    });
  };
  listen(parts, (next) => void update(next));
  parts.status.tabIndex = -1;
  syncForm(parts.form, state);
  // With no state in the address the server-rendered first page is already right.
  if (formatExplorerQuery(state)) await update(state);
}
