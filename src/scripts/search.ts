// The search page: runs the query from ?q= through Pagefind and lists title, year, modality and a snippet.
import { loadPagefind } from './pagefind';
import { countNoun } from '../lib/format';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (cls) node.className = cls;
  return node;
}

export async function startSearch(form: HTMLFormElement): Promise<void> {
  const input = form.querySelector<HTMLInputElement>('input[name=q]');
  const status = document.querySelector<HTMLElement>('[data-search-status]');
  const list = document.querySelector<HTMLOListElement>('[data-search-results]');
  if (!input || !status || !list) return;
  const query = new URLSearchParams(location.search).get('q')?.trim() ?? '';
  input.value = query;
  if (!query) {
    status.textContent = 'Type a word or phrase, for example “videoconference” or “working alliance inventory”.';
    return;
  }
  status.textContent = `Searching for “${query}”…`;
  try {
    const pagefind = await loadPagefind(form.dataset['base'] ?? '/');
    const response = await pagefind.search(query);
    if (!response) return;
    const results = await Promise.all(response.results.slice(0, 30).map((r) => r.data()));
    list.replaceChildren(
      ...results.map((r) => {
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
      }),
    );
    const n = response.results.length;
    status.textContent =
      n === 0 ? `No results for “${query}”.` : `${countNoun(n, 'result')} for “${query}”${n > 30 ? ' (first 30 shown)' : ''}.`;
  } catch {
    status.textContent = 'The search index could not be loaded. Browse the table of studies instead.';
  }
}
