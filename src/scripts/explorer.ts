// Progressive enhancement of the study explorer: facet filters with counts, sorting and
// free-text search through the Pagefind index, with the whole state in the URL.
import { loadPagefind, type PagefindFilter, type PagefindResponse } from './pagefind';

interface Config {
  base: string;
  total: number;
  facets: { name: string; label: string; values: Record<string, string> }[];
}

interface State {
  q: string;
  sort: string;
  page: number;
  filters: Record<string, string[]>;
}

const PAGE_SIZE = 50;
const SORTS: Record<string, Record<string, 'asc' | 'desc'> | undefined> = {
  relevance: undefined,
  'year-asc': { year: 'asc' },
  'year-desc': { year: 'desc' },
  'size-desc': { size: 'desc' },
  'size-asc': { size: 'asc' },
  'title-asc': { title: 'asc' },
};
const ROW_FIELDS = ['year', 'modality', 'design', 'n', 'measure', 'finding'] as const;

/** Reads the explorer state from a query string. */
export function readState(search: string, config: Config): State {
  const params = new URLSearchParams(search);
  const filters: Record<string, string[]> = {};
  for (const f of config.facets) {
    const keys = params.getAll(f.name).filter((k) => k in f.values);
    if (keys.length) filters[f.name] = keys;
  }
  const q = params.get('q')?.trim() ?? '';
  const sort = params.get('sort') ?? (q ? 'relevance' : 'year-asc');
  return { q, sort: sort in SORTS ? sort : 'year-asc', page: Math.max(1, Number(params.get('page')) || 1), filters };
}

/** Writes the explorer state as a query string (defaults left out, so links stay short). */
export function writeState(state: State): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const [name, keys] of Object.entries(state.filters)) for (const k of keys) params.append(name, k);
  if (state.sort !== (state.q ? 'relevance' : 'year-asc')) params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  const s = params.toString();
  return s ? `?${s}` : '';
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, attrs: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

export async function startExplorer(root: HTMLElement): Promise<void> {
  const configNode = root.querySelector('[data-explorer-config]');
  const form = root.querySelector<HTMLFormElement>('[data-explorer-form]');
  const status = root.querySelector<HTMLElement>('[data-explorer-status]');
  const tableHolder = root.querySelector<HTMLElement>('[data-explorer-table]');
  if (!configNode || !form || !status || !tableHolder) return;
  const config = JSON.parse(configNode.textContent ?? '{}') as Config;

  let pagefind;
  try {
    pagefind = await loadPagefind(config.base);
  } catch {
    status.textContent = `Filtering needs the search index, which could not be loaded; the full table is available page by page below.`;
    return;
  }
  form.hidden = false;
  root.querySelector('[data-explorer-pagination]')?.setAttribute('hidden', '');

  let state = readState(location.search, config);
  const syncForm = () => {
    (form.elements.namedItem('q') as HTMLInputElement).value = state.q;
    (form.elements.namedItem('sort') as HTMLSelectElement).value = state.sort;
    for (const box of form.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) box.checked = state.filters[box.name]?.includes(box.value) ?? false;
  };
  const readForm = (): State => {
    const filters: Record<string, string[]> = {};
    for (const box of form.querySelectorAll<HTMLInputElement>('input[type=checkbox]:checked')) (filters[box.name] ??= []).push(box.value);
    const q = (form.elements.namedItem('q') as HTMLInputElement).value.trim();
    return { q, sort: (form.elements.namedItem('sort') as HTMLSelectElement).value, page: 1, filters };
  };

  const labelOf = (facet: string, key: string) => config.facets.find((f) => f.name === facet)?.values[key] ?? key;
  let runId = 0;

  const run = async () => {
    const id = ++runId;
    const filtersWithout = (skip?: string) => {
      const filters: Record<string, PagefindFilter> = { type: 'Study' };
      for (const [name, keys] of Object.entries(state.filters)) if (name !== skip) filters[name] = { any: keys.map((k) => labelOf(name, k)) };
      return filters;
    };
    const sort = SORTS[state.sort];
    const filters = filtersWithout();
    // A facet's own counts ignore its own selection, so they say what ticking one more value adds.
    // Those searches run while the page's rows load.
    const facetCounts = Promise.all(
      Object.keys(state.filters).map(async (facet) => [facet, (await pagefind.search(state.q || null, { filters: filtersWithout(facet) }))?.filters[facet]] as const),
    );
    const response = (await pagefind.search(state.q || null, sort ? { filters, sort } : { filters })) as PagefindResponse | null;
    if (!response || id !== runId) return;
    const total = response.results.length;
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    state.page = Math.min(state.page, pages);
    const slice = response.results.slice((state.page - 1) * PAGE_SIZE, state.page * PAGE_SIZE);
    const [rows, own] = await Promise.all([Promise.all(slice.map((r) => r.data())), facetCounts]);
    if (id !== runId) return;
    const counts: Record<string, Record<string, number>> = { ...response.filters };
    for (const [facet, values] of own) if (values) counts[facet] = values;

    updateCounts(counts);
    renderTable(rows, total);
    renderPager(pages);
    const first = total === 0 ? 0 : (state.page - 1) * PAGE_SIZE + 1;
    const filtered = state.q || Object.keys(state.filters).length;
    status.textContent = total === 0
      ? 'No studies match these filters.'
      : `Showing ${first}–${first + rows.length - 1} of ${total} ${total === 1 ? 'study' : 'studies'}${filtered ? ` matching (of ${config.total})` : ''}.`;
    const next = `${location.pathname}${writeState(state)}`;
    if (next !== `${location.pathname}${location.search}`) history.replaceState(null, '', next);
  };

  const updateCounts = (counts: Record<string, Record<string, number>>) => {
    for (const span of form.querySelectorAll<HTMLElement>('[data-count-for]')) {
      const [facet = '', key = ''] = (span.dataset['countFor'] ?? '').split(':');
      const n = counts[facet]?.[labelOf(facet, key)] ?? 0;
      span.textContent = `(${n})`;
    }
  };

  const renderTable = (rows: Awaited<ReturnType<import('./pagefind').PagefindResult['data']>>[], total: number) => {
    const table = el('table', undefined, { class: 'study-table' });
    table.append(el('caption', `${total} ${total === 1 ? 'study' : 'studies'}${state.q ? ` matching “${state.q}”` : ''}`));
    const head = el('tr');
    for (const h of ['Study', 'Year', 'Modality', 'Design', 'N', 'Alliance measure', 'Alliance vs face-to-face']) head.append(el('th', h, { scope: 'col', ...(h === 'Year' || h === 'N' ? { class: 'num' } : {}) }));
    const thead = el('thead');
    thead.append(head);
    table.append(thead);
    const body = el('tbody');
    for (const r of rows) {
      const tr = el('tr', undefined, { 'data-study': r.meta['id'] ?? '' });
      const th = el('th', undefined, { scope: 'row' });
      th.append(el('a', r.meta['cite'] ?? r.meta['title'] ?? r.url, { href: r.url }));
      tr.append(th);
      for (const f of ROW_FIELDS) tr.append(el('td', r.meta[f] ?? '', f === 'year' || f === 'n' ? { class: 'num' } : {}));
      body.append(tr);
    }
    table.append(body);
    const scroll = el('div', undefined, { class: 'table-scroll' });
    scroll.append(table);
    tableHolder.replaceChildren(scroll);
  };

  let pager: HTMLElement | null = null;
  const renderPager = (pages: number) => {
    pager?.remove();
    pager = null;
    if (pages <= 1) return;
    pager = el('nav', undefined, { class: 'pagination', 'aria-label': 'Pages of matching studies' });
    const list = el('ul');
    const add = (label: string, page: number, current = false) => {
      const a = el('a', label, { href: `${location.pathname}${writeState({ ...state, page })}` });
      if (current) a.setAttribute('aria-current', 'page');
      a.addEventListener('click', (event) => {
        event.preventDefault();
        state = { ...state, page };
        void run();
        status.focus();
      });
      const li = el('li');
      li.append(a);
      list.append(li);
    };
    if (state.page > 1) add('Previous', state.page - 1);
    for (let p = Math.max(1, state.page - 3); p <= Math.min(pages, state.page + 3); p++) add(String(p), p, p === state.page);
    if (state.page < pages) add('Next', state.page + 1);
    pager.append(list);
    tableHolder.after(pager);
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  form.addEventListener('input', (event) => {
    clearTimeout(timer);
    const delay = (event.target as HTMLElement).matches('input[type=search]') ? 250 : 0;
    timer = setTimeout(() => {
      state = readForm();
      void run();
    }, delay);
  });
  form.addEventListener('submit', (event) => event.preventDefault());
  root.querySelector('[data-explorer-clear]')?.addEventListener('click', () => {
    state = { q: '', sort: 'year-asc', page: 1, filters: {} };
    syncForm();
    void run();
  });
  status.tabIndex = -1;
  syncForm();
  // With no state in the address the server-rendered first page is already right.
  if (writeState(state)) await run();
}
