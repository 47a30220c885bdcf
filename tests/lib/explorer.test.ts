// The explorer's rules shared by the server-rendered table and the browser: state in the URL,
// pages, the pager, the wording of the status line, and rows read back from the search index.
import { describe, expect, test } from 'vitest';
import {
  explorerPagePath,
  explorerStatus,
  formatExplorerQuery,
  indexFilters,
  isNarrowed,
  matchCaption,
  pageCaption,
  pageNumbers,
  pageOf,
  pageRange,
  pagerItems,
  parseExplorerState,
  rowFromIndex,
  studyColumns,
  studyRow,
  type ExplorerState,
} from '../../src/lib/explorer';
import { makeStudy } from '../helpers/factories';

const state = (overrides: Partial<ExplorerState> = {}): ExplorerState => ({ q: '', sort: 'year-asc', page: 1, filters: {}, ...overrides });

describe('parseExplorerState', () => {
  test('reads search words, sort, page and facet filters from URL parameters', () => {
    expect(parseExplorerState(new URLSearchParams('q=+bulimia+&sort=size-desc&page=3&modality=email&modality=chat'))).toEqual(
      state({ q: 'bulimia', sort: 'size-desc', page: 3, filters: { modality: ['email', 'chat'] } }),
    );
  });

  test('sorts by relevance while searching and oldest first otherwise, when no sort is given', () => {
    expect(parseExplorerState(new URLSearchParams('q=chat')).sort).toBe('relevance');
    expect(parseExplorerState(new URLSearchParams('')).sort).toBe('year-asc');
    expect(parseExplorerState(new URLSearchParams('q=chat&sort=relevance')).sort).toBe('relevance');
  });

  test.each([
    ['sort=colour', { sort: 'year-asc' }],
    ['sort=toString', { sort: 'year-asc' }],
    ['page=0', { page: 1 }],
    ['page=-4', { page: 1 }],
    ['page=two', { page: 1 }],
    ['page=2.7', { page: 2 }],
    ['modality=fax&colour=red', { filters: {} }],
    ['sort=relevance', { sort: 'year-asc' }],
    ['q=+&sort=relevance', { sort: 'year-asc' }],
  ])('drops or repairs what it cannot use: %s', (query, expected) => {
    expect(parseExplorerState(new URLSearchParams(query))).toMatchObject(expected);
  });
});

describe('formatExplorerQuery', () => {
  test('leaves defaults out, so the plain view has no query string', () => {
    expect(formatExplorerQuery(state())).toBe('');
    expect(formatExplorerQuery(state({ q: 'chat', sort: 'relevance' }))).toBe('?q=chat');
  });

  test('writes what parseExplorerState reads back', () => {
    const s = state({
      q: 'working alliance',
      sort: 'title-asc',
      page: 2,
      filters: { modality: ['email'], finding: ['equivalent', 'mixed'] },
    });
    expect(formatExplorerQuery(s)).toBe('?q=working+alliance&modality=email&finding=equivalent&finding=mixed&sort=title-asc&page=2');
    expect(parseExplorerState(new URLSearchParams(formatExplorerQuery(s)))).toEqual(s);
  });
});

describe('isNarrowed', () => {
  test.each([
    [state(), false],
    [state({ sort: 'size-desc', page: 2 }), false],
    [state({ q: 'chat' }), true],
    [state({ filters: { modality: ['email'] } }), true],
  ])('%j narrows the list: %s', (s, expected) => {
    expect(isNarrowed(s)).toBe(expected);
  });
});

describe('indexFilters', () => {
  test("asks the search index for study pages with any of each facet's labels", () => {
    expect(indexFilters({ modality: ['email', 'internet-program'], measure: ['WAI'] })).toEqual({
      type: 'Study',
      modality: { any: ['Email', 'Internet programme'] },
      measure: { any: ['WAI'] },
    });
  });

  test("leaves one facet out, for that facet's own counts", () => {
    expect(indexFilters({ modality: ['email'], finding: ['mixed'] }, 'modality')).toEqual({ type: 'Study', finding: { any: ['Mixed'] } });
  });
});

describe('pageRange and pageOf', () => {
  test.each([
    [120, 1, { page: 1, pages: 3, offset: 0, first: 1, last: 50 }],
    [120, 3, { page: 3, pages: 3, offset: 100, first: 101, last: 120 }],
    [120, 9, { page: 3, pages: 3, offset: 100, first: 101, last: 120 }],
    [120, 0, { page: 1, pages: 3, offset: 0, first: 1, last: 50 }],
    [0, 1, { page: 1, pages: 1, offset: 0, first: 0, last: 0 }],
  ])('%i rows, page %i: %j', (total, page, expected) => {
    expect(pageRange(total, page)).toEqual(expected);
  });

  test('gives the rows of the page asked for', () => {
    const items = Array.from({ length: 120 }, (_, i) => i);
    expect(pageOf(items, 3).rows).toEqual(items.slice(100));
    expect(pageOf([], 1).rows).toEqual([]);
  });

  test('numbers every page, one for an empty list', () => {
    expect(pageNumbers(120)).toEqual([1, 2, 3]);
    expect(pageNumbers(0)).toEqual([1]);
  });
});

describe('pagerItems', () => {
  test('is empty when everything fits on one page', () => {
    expect(pagerItems(1, 1)).toEqual([]);
  });

  test('links Previous and Next around the page window, with gaps', () => {
    const items = pagerItems(10, 20);
    expect(items.map((i) => (i.kind === 'gap' ? '…' : i.label))).toEqual([
      'Previous',
      '1',
      '…',
      '7',
      '8',
      '9',
      '10',
      '11',
      '12',
      '13',
      '…',
      '20',
      'Next',
    ]);
    expect(items[0]).toMatchObject({ page: 9, rel: 'prev' });
    expect(items.at(-1)).toMatchObject({ page: 11, rel: 'next' });
    expect(items.filter((i) => i.kind === 'page' && i.current)).toEqual([{ kind: 'page', page: 10, label: '10', current: true }]);
  });

  test('has no Previous on the first page and no Next on the last', () => {
    expect(pagerItems(1, 2).map((i) => (i.kind === 'page' ? i.label : '…'))).toEqual(['1', '2', 'Next']);
    expect(pagerItems(2, 2).map((i) => (i.kind === 'page' ? i.label : '…'))).toEqual(['Previous', '1', '2']);
  });

  test('links page 1 to /studies/ and later pages under /studies/page/', () => {
    expect([explorerPagePath(1), explorerPagePath(2)]).toEqual(['/studies/', '/studies/page/2/']);
  });
});

describe('the status line and captions', () => {
  test.each([
    [pageRange(11, 1), 11, undefined, 'Showing 1–11 of 11 studies.'],
    [pageRange(1, 1), 1, 11, 'Showing 1–1 of 1 study matching (of 11).'],
    [pageRange(1200, 2), 1200, 2400, 'Showing 51–100 of 1,200 studies matching (of 2,400).'],
    [pageRange(0, 1), 0, 11, 'No studies match these filters.'],
    [pageRange(0, 1), 0, undefined, 'No studies are recorded yet.'],
  ])('says which rows are shown: %j of %i (of %s)', (range, total, unfiltered, expected) => {
    expect(explorerStatus(range, total, unfiltered)).toBe(expected);
  });

  test('captions a server-rendered page and a search', () => {
    expect(pageCaption(pageRange(120, 2), 120)).toBe('Studies 51 to 100 of 120, oldest first');
    expect(matchCaption(1, 'bulimia')).toBe('1 study matching “bulimia”');
    expect(matchCaption(7, '')).toBe('7 studies');
  });
});

describe('rows and columns', () => {
  test('name one column per row field, the study first', () => {
    const { id, ...fields } = studyRow(makeStudy());
    expect(studyColumns.map((c) => c.key).sort()).toEqual(Object.keys(fields).sort());
    expect(studyColumns.map((c) => c.label)).toEqual([
      'Study',
      'Year',
      'Modality',
      'Design',
      'N',
      'Alliance measure',
      'Alliance vs face-to-face',
    ]);
    expect(studyColumns.filter((c) => c.numeric).map((c) => c.key)).toEqual(['year', 'n']);
    expect(id).toBe('doe-2010');
  });

  test('read a row back from the search index as the server wrote it', () => {
    const row = studyRow(makeStudy());
    expect(rowFromIndex({ ...row, title: 'A title' }, '/studies/doe-2010/')).toEqual({ ...row, url: '/studies/doe-2010/' });
  });

  test('fall back to the page title, then the address, for a row without a citation', () => {
    expect(rowFromIndex({ title: 'A title' }, '/studies/x/')).toMatchObject({ cite: 'A title', year: '', measure: '' });
    expect(rowFromIndex({}, '/studies/x/').cite).toBe('/studies/x/');
  });
});
