// The screening workspace in the browser: one record at a time, keyboard first. It talks only to
// the server that served it (every request carries the session token from the page), builds every
// piece of record text as text nodes (highlights as <mark> elements from the server's segments),
// and moves on only once the server says the vote is on disk.

const token = document.querySelector('meta[name="rapport-token"]')?.getAttribute('content') ?? '';
const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

/** Calls the server: GET without a body, POST (JSON) with one. Throws the server's sentence on failure. */
async function api(path, body) {
  const init = { headers: { 'X-Rapport-Token': token } };
  if (body !== undefined) {
    init.method = 'POST';
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let res;
  try {
    res = await fetch(path, init);
  } catch {
    throw new Error('the workspace server is not answering: is npm run screen still running?');
  }
  const data = await res.json().catch(() => ({ error: `the server answered ${res.status}` }));
  if (!res.ok) throw new Error(data.error || `the server answered ${res.status}`);
  return data;
}

const filterNames = { 'to-screen': 'To screen', mine: 'Screened by me', maybe: 'Maybe' };
const decisionWords = { include: 'include', exclude: 'exclude', maybe: 'maybe' };

const state = {
  session: null,
  filter: 'to-screen',
  /** Record indices of the list shown, in order. */
  list: [],
  pos: 0,
  /** index → Promise of the record view. */
  cache: new Map(),
  /** Indices this tab voted on in the to-screen list. */
  voted: new Set(),
  /** Votes this tab can undo, latest last: {id, index}. */
  undo: [],
  orderVersion: 0,
  current: null,
  keyAt: null,
};
/** Milliseconds from each key press to the next record on screen (read by the benchmark). */
window.screenTimings = [];

let queue = Promise.resolve();
/** Runs actions one after another, so fast key presses apply in the order they were made. */
function enqueue(action) {
  queue = queue.then(action).catch((err) => showError(err.message));
  return queue;
}

function announce(text) {
  $('error').textContent = '';
  const status = $('status');
  status.textContent = '';
  // A new text node each time, so a screen reader announces a repeated message again.
  requestAnimationFrame(() => (status.textContent = text));
}

function showError(text) {
  $('error').textContent = `Not done: ${text}`;
}

const reasonLabel = (id) => state.session?.review.reasons.find((r) => r.id === id)?.label ?? id;

function voteText(vote) {
  if (!vote) return '';
  return `${decisionWords[vote.decision]}${vote.reason ? ` (${reasonLabel(vote.reason)})` : ''}`;
}

function getView(index) {
  let view = state.cache.get(index);
  if (!view) {
    view = api(`/api/record?index=${index}`);
    state.cache.set(index, view);
    view.catch(() => state.cache.delete(index));
  }
  return view;
}

function prefetch() {
  for (const step of [1, 2, -1]) {
    const index = state.list[state.pos + step];
    if (index !== undefined) getView(index).catch(() => {});
  }
}

/** Replaces an element's children with the segments: text nodes, and <mark> for a highlighted term. */
function fillSegments(el, segments) {
  el.replaceChildren(
    ...segments.map((s) => {
      if (!s.term) return document.createTextNode(s.text);
      const mark = document.createElement('mark');
      mark.textContent = s.text;
      return mark;
    }),
  );
}

function link(href, text) {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  return a;
}

function citationLine(view) {
  const authors = view.authors.length > 8 ? `${view.authors.slice(0, 8).join('; ')}; et al.` : view.authors.join('; ');
  const where = [view.journal, view.volume ? `${view.volume}${view.issue ? `(${view.issue})` : ''}` : null, view.pages]
    .filter(Boolean)
    .join(', ');
  return [authors || 'No authors given', view.year ?? 'no year', where].filter(Boolean).join(' · ');
}

function setDecisionsEnabled(enabled) {
  for (const b of document.querySelectorAll('.decide, #reason-buttons button, #note-button')) b.disabled = !enabled;
}

function render(view) {
  state.current = view;
  $('position').textContent = `Record ${state.pos + 1} of ${state.list.length} · ${filterNames[state.filter]}`;
  fillSegments($('record-title'), view.title);
  $('record-meta').textContent = citationLine(view);
  const links = $('record-links');
  links.replaceChildren();
  if (view.doi) links.append(link(`https://doi.org/${encodeURI(view.doi)}`, `DOI ${view.doi}`));
  if (view.pmid) {
    if (view.doi) links.append(' · ');
    links.append(link(`https://pubmed.ncbi.nlm.nih.gov/${encodeURIComponent(view.pmid)}/`, `PubMed ${view.pmid}`));
  }
  links.append(`${view.doi || view.pmid ? ' · ' : ''}Found in ${view.sources.join(', ')} · key ${view.key}`);
  const abstract = $('record-abstract');
  if (view.abstract) fillSegments(abstract, view.abstract);
  else abstract.textContent = 'No abstract in the search records.';
  const mine = $('my-vote');
  mine.className = `vote-line${view.mine ? ` vote-${view.mine.decision}` : ''}`;
  mine.textContent = view.mine ? `Your vote: ${voteText(view.mine)}${view.mine.date ? `, ${view.mine.date}` : ''}` : 'Not voted yet';
  $('my-note').textContent = view.note ? `Your note: ${view.note}` : '';
  const votes = $('votes');
  votes.hidden = !view.votes;
  if (view.votes) {
    $('votes-body').replaceChildren(
      ...view.votes.map((v) => {
        const tr = document.createElement('tr');
        for (const text of [v.reviewer, decisionWords[v.decision], v.reason ? reasonLabel(v.reason) : '—', v.note ?? '—']) {
          const td = document.createElement('td');
          td.textContent = text;
          tr.append(td);
        }
        return tr;
      }),
    );
  }
  setDecisionsEnabled(true);
  if (state.keyAt !== null) {
    window.screenTimings.push(performance.now() - state.keyAt);
    state.keyAt = null;
  }
  document.body.dataset.shown = String(view.index);
}

function renderEnd() {
  state.current = null;
  $('position').textContent = `${state.list.length} records · ${filterNames[state.filter]}`;
  $('record-title').textContent =
    state.list.length === 0 ? `Nothing in “${filterNames[state.filter]}”` : `End of “${filterNames[state.filter]}”`;
  $('record-meta').textContent =
    state.filter === 'to-screen' ? 'Every record in this list has your vote. Use “Screened by me” to review them.' : '';
  $('record-links').replaceChildren();
  $('record-abstract').textContent = '';
  $('my-vote').textContent = '';
  $('my-note').textContent = '';
  $('votes').hidden = true;
  setDecisionsEnabled(false);
  if (state.keyAt !== null) state.keyAt = null;
  document.body.dataset.shown = 'end';
}

async function show(pos) {
  state.pos = Math.max(0, Math.min(pos, state.list.length));
  const index = state.list[state.pos];
  if (index === undefined) return renderEnd();
  render(await getView(index));
  prefetch();
}

function renderProgress(p) {
  const consensus = state.session?.mode === 'consensus';
  const bar = /** @type {HTMLProgressElement} */ ($('progress-bar'));
  bar.max = Math.max(1, p.total);
  bar.value = p.mine;
  $('progress-text').textContent = consensus
    ? `Conflicts: ${p.total} · settled by you: ${p.mine} · left: ${p.left}`
    : `You: ${p.mine} of ${p.total} screened · ${p.left} left · ${p.maybe} maybe. ` +
      `Stage: ${p.complete} of ${p.total} with ${p.votesRequired} ${p.votesRequired === 1 ? 'vote' : 'votes'}`;
}

async function loadList() {
  const result = await api(`/api/list?filter=${state.filter}`);
  state.list = result.indices;
  state.voted = new Set();
  state.orderVersion = result.order.version;
  $('order-label').textContent = result.order.label;
}

/** After the relevance model is retrained: the records already passed stay, the rest follow the new order. */
async function refreshOrder() {
  if (state.filter !== 'to-screen') return;
  const result = await api('/api/list?filter=to-screen');
  const kept = state.list.slice(0, state.pos + 1);
  const seen = new Set(kept);
  state.list = kept.concat(result.indices.filter((i) => !seen.has(i)));
  state.orderVersion = result.order.version;
  $('order-label').textContent = result.order.label;
}

function nextPosition() {
  if (state.filter !== 'to-screen') return state.pos + 1;
  let p = state.pos + 1;
  while (p < state.list.length && state.voted.has(state.list[p])) p++;
  return p;
}

async function vote(decision, reason) {
  const view = state.current;
  if (!view) return;
  const result = await api('/api/vote', { record: view.key, decision, reason: reason ?? null });
  view.mine = { ...result.vote, note: null };
  state.voted.add(view.index);
  state.undo.push({ id: result.id, index: view.index });
  announce(`Saved: ${voteText(result.vote)}`);
  renderProgress(result.progress);
  await show(nextPosition());
  // A retrained model reorders what follows the record now shown; the next key press waits for it.
  if (result.order.version !== state.orderVersion) enqueue(refreshOrder);
}

async function undo() {
  const last = state.undo.pop();
  if (!last) return announce('Nothing to undo in this session');
  const result = await api('/api/undo', { id: last.id });
  const view = await getView(last.index);
  if (result.restored) {
    view.mine = { ...result.restored, note: null };
    announce(`Undone: your vote is ${voteText(result.restored)} again`);
  } else {
    announce(`Your first vote on this record (${voteText(view.mine)}) stays in the log: vote again to change it`);
  }
  renderProgress(result.progress);
  let p = state.list.indexOf(last.index);
  if (p < 0) {
    state.list.splice(state.pos, 0, last.index);
    p = state.pos;
  }
  await show(p);
}

function decide(decision) {
  const reasons = state.session?.review.reasons ?? [];
  if (decision === 'exclude' && state.session?.stage === 'full-text') {
    announce(`Choose the reason: press 1 to ${reasons.length}`);
    $('reason-buttons').querySelector('button')?.focus();
    return;
  }
  enqueue(() => vote(decision));
}

function excludeFor(n) {
  const reason = state.session?.review.reasons[n - 1];
  if (reason) enqueue(() => vote('exclude', reason.id));
}

function move(step) {
  enqueue(() => show(state.pos + step));
}

function setFilter(filter) {
  state.filter = filter;
  for (const b of document.querySelectorAll('[data-filter]')) b.setAttribute('aria-pressed', String(b.dataset.filter === filter));
  enqueue(async () => {
    await loadList();
    await show(0);
    announce(`${filterNames[filter]}: ${state.list.length} records`);
  });
}

// Dialogs: modal, focus kept inside (Tab and Shift+Tab cycle), Esc closes, focus returns to where it was.
let returnFocus = null;
function openDialog(dialog, focus) {
  returnFocus = document.activeElement;
  dialog.showModal();
  (focus ?? dialog.querySelector('button, textarea'))?.focus();
}
for (const dialog of document.querySelectorAll('dialog')) {
  dialog.addEventListener('keydown', (e) => {
    if (e.key !== 'Tab') return;
    const items = [...dialog.querySelectorAll('button, textarea, a[href]')].filter((el) => !el.disabled);
    const first = items[0];
    const last = items[items.length - 1];
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last?.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first?.focus();
    }
  });
  dialog.addEventListener('close', () => {
    if (returnFocus instanceof HTMLElement) returnFocus.focus();
    returnFocus = null;
  });
}

function openNote() {
  if (!state.current) return;
  const text = /** @type {HTMLTextAreaElement} */ ($('note-text'));
  text.value = state.current.note ?? '';
  openDialog($('note-dialog'), text);
}

$('note-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const view = state.current;
  const text = /** @type {HTMLTextAreaElement} */ ($('note-text')).value;
  /** @type {HTMLDialogElement} */ ($('note-dialog')).close();
  if (!view) return;
  enqueue(async () => {
    const result = await api('/api/note', { record: view.key, note: text });
    view.note = result.note || null;
    $('my-note').textContent = view.note ? `Your note: ${view.note}` : '';
    announce(view.note ? 'Note saved' : 'Note cleared');
  });
});
$('note-text').addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    $('note-form').requestSubmit();
  }
});
$('note-cancel').addEventListener('click', () => /** @type {HTMLDialogElement} */ ($('note-dialog')).close());
$('help-close').addEventListener('click', () => /** @type {HTMLDialogElement} */ ($('help')).close());

function helpRows() {
  const reasons = state.session?.review.reasons ?? [];
  const rows = [
    ['i', 'Include'],
    ['e', state.session?.stage === 'full-text' ? 'Exclude (then choose the reason)' : 'Exclude'],
    ['m', 'Maybe'],
    ...reasons.slice(0, 9).map((r, i) => [String(i + 1), `Exclude: ${r.label}`]),
    ['u', 'Undo your last vote'],
    ['n', 'Write a note on the record'],
    ['j|→', 'Next record'],
    ['k|←', 'Previous record'],
    ['?', 'Show these keys'],
    ['Esc', 'Close this list'],
  ];
  $('help-keys').replaceChildren(
    ...rows.map(([key, does]) => {
      const tr = document.createElement('tr');
      const th = document.createElement('th');
      th.scope = 'row';
      key.split('|').forEach((k, i) => {
        if (i > 0) th.append(' or ');
        const kbd = document.createElement('kbd');
        kbd.textContent = k;
        th.append(kbd);
      });
      const td = document.createElement('td');
      td.textContent = does;
      tr.append(th, td);
      return tr;
    }),
  );
}

const keys = {
  i: () => decide('include'),
  e: () => decide('exclude'),
  m: () => decide('maybe'),
  u: () => enqueue(undo),
  n: openNote,
  j: () => move(1),
  ArrowRight: () => move(1),
  k: () => move(-1),
  ArrowLeft: () => move(-1),
  '?': () => openDialog($('help'), $('help-close')),
};

document.addEventListener('keydown', (e) => {
  if (e.ctrlKey || e.metaKey || e.altKey || e.repeat) return;
  if (document.querySelector('dialog[open]')) return;
  const target = e.target;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement || target instanceof HTMLSelectElement) return;
  let action = keys[e.key];
  if (!action && /^[1-9]$/.test(e.key) && state.session?.stage === 'full-text') action = () => excludeFor(Number(e.key));
  if (!action) return;
  e.preventDefault();
  if (e.key !== '?' && e.key !== 'n') state.keyAt = performance.now();
  action();
});

for (const button of document.querySelectorAll('[data-decision]')) button.addEventListener('click', () => decide(button.dataset.decision));
for (const button of document.querySelectorAll('[data-filter]')) button.addEventListener('click', () => setFilter(button.dataset.filter));
$('prev').addEventListener('click', () => move(-1));
$('next').addEventListener('click', () => move(1));
$('undo').addEventListener('click', () => enqueue(undo));
$('note-button').addEventListener('click', openNote);
$('help-button').addEventListener('click', () => openDialog($('help'), $('help-close')));

function renderSession(session) {
  const stage = session.stage === 'full-text' ? 'full-text screening' : 'title and abstract screening';
  $('session-line').textContent =
    session.mode === 'consensus'
      ? `${session.reviewer} · ${stage} · settling conflicts: you see every reviewer’s vote`
      : `${session.reviewer} · ${stage} · blind: you see only your own votes`;
  $('question').textContent = session.review.question;
  const fill = (id, items) =>
    $(id).replaceChildren(
      ...(items.length ? items : ['None listed']).map((text) => {
        const li = document.createElement('li');
        li.textContent = text;
        return li;
      }),
    );
  fill('include-list', session.review.eligibility.include);
  fill('exclude-list', session.review.eligibility.exclude);
  $('highlight-terms').textContent = session.highlight.length ? `Highlighted: ${session.highlight.join(', ')}` : 'No terms highlighted';
  const reasons = session.review.reasons;
  $('reasons').hidden = reasons.length === 0;
  $('reason-buttons').replaceChildren(
    ...reasons.slice(0, 9).map((r, i) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'decide exclude';
      b.append(`${r.label} `);
      const kbd = document.createElement('kbd');
      kbd.textContent = String(i + 1);
      b.append(kbd);
      b.addEventListener('click', () => excludeFor(i + 1));
      return b;
    }),
  );
  renderProgress(session.progress);
  helpRows();
}

enqueue(async () => {
  state.session = await api('/api/session');
  renderSession(state.session);
  await loadList();
  await show(0);
});
