// The explorer's in-memory facet index: every study's table row, facet values and sort keys in one
// compact file (/data/explorer-index.json), so that ticking a facet filters, counts, sorts and pages
// in the browser without a round of search-index requests. Free-text search stays with Pagefind.
// Like lib/explorer, this module is imported by the browser explorer: no runtime import of src/schemas.
import type { Study } from '../schemas';
import { facets, studyFilters } from './facets';
import { pageRange, studyRow, type ExplorerSort, type PageRange, type StudyRow } from './explorer';

/** The fields of a row kept in the index, in this order (the id is kept apart). */
const rowFields = ['cite', 'year', 'modality', 'design', 'n', 'measure', 'finding'] as const satisfies readonly Exclude<
  keyof StudyRow,
  'id'
>[];

/** The index as written to JSON: strings once in a table, studies as arrays of string numbers. */
export interface FacetIndexData {
  /** Format version. */
  v: 1;
  /** Facet names, in the order of each study's `f`. */
  facets: string[];
  /** Every distinct text, referred to by position. */
  strings: string[];
  /** One entry per study, in table order (year, then id). */
  studies: {
    /** Study id. */
    id: string;
    /** Row texts (rowFields), as positions in `strings`. */
    r: number[];
    /** Facet labels per facet (in `facets` order), as positions in `strings`. */
    f: number[][];
    /** Sample size for sorting (0 when not reported, as the search index sorts it). */
    s: number;
    /** Position in title order (lower-case titles, A to Z). */
    t: number;
  }[];
}

/** The index of the studies, in the order given (the table's order). */
export function buildFacetIndex(studies: readonly Study[]): FacetIndexData {
  const strings: string[] = [];
  const positions = new Map<string, number>();
  const ref = (text: string) => {
    let at = positions.get(text);
    if (at === undefined) {
      at = strings.length;
      strings.push(text);
      positions.set(text, at);
    }
    return at;
  };
  const titleOrder = studies
    .map((s, i) => [s.title.toLowerCase(), i] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
  const titleRank = new Array<number>(studies.length);
  titleOrder.forEach(([, i], rank) => (titleRank[i] = rank));
  return {
    v: 1,
    facets: facets.map((f) => f.name),
    strings,
    studies: studies.map((s, i) => {
      const row = studyRow(s);
      const filters = studyFilters(s);
      return {
        id: s.id,
        r: rowFields.map((k) => ref(row[k])),
        f: facets.map((f) => (filters[f.name] ?? []).map(ref)),
        s: s.sample_size ?? 0,
        t: titleRank[i]!,
      };
    }),
  };
}

/** One question to the index: the selected facet labels (any within a facet, every facet), the order and the page. */
export interface FacetQuery {
  /** Facet name -> selected labels. */
  filters: Readonly<Record<string, readonly string[]>>;
  sort: ExplorerSort;
  /** 1-based page. */
  page: number;
}

/** The index's answer, in the shape the explorer draws: the page of rows, and each facet's counts by label. */
export interface FacetAnswer {
  total: number;
  range: PageRange;
  rows: (StudyRow & { url: string })[];
  /** Facet name -> label -> matching studies; a facet's own counts ignore its own selection. */
  counts: Record<string, Record<string, number>>;
}

/** The index ready for questions: label sets per study. */
export interface FacetIndex {
  data: FacetIndexData;
  /** Per study, per facet: the set of its label positions. */
  sets: Set<number>[][];
}

/** Prepares the index read from JSON for queries. */
export function openFacetIndex(data: FacetIndexData): FacetIndex {
  return { data, sets: data.studies.map((s) => s.f.map((labels) => new Set(labels))) };
}

/** Compares two studies of the index (positions) for a sort; ties keep table order. */
function comparator(data: FacetIndexData, sort: ExplorerSort): ((a: number, b: number) => number) | undefined {
  const st = data.studies;
  const year = (i: number) => Number(data.strings[st[i]!.r[1]!]);
  switch (sort) {
    case 'year-desc':
      return (a, b) => year(b) - year(a) || a - b;
    case 'size-desc':
      return (a, b) => st[b]!.s - st[a]!.s || a - b;
    case 'size-asc':
      return (a, b) => st[a]!.s - st[b]!.s || a - b;
    case 'title-asc':
      return (a, b) => st[a]!.t - st[b]!.t;
    default:
      // year-asc (and relevance, which needs search words): the table's order, year then id.
      return undefined;
  }
}

/** Answers a facet query over the whole index; `base` is the site's base path (for row links). */
export function queryFacetIndex(index: FacetIndex, query: FacetQuery, base: string): FacetAnswer {
  const { data, sets } = index;
  const pos = new Map(data.strings.map((s, i) => [s, i]));
  // Selected labels per facet position; an unknown label matches no study.
  const selected = data.facets.map((name) => {
    const labels = query.filters[name];
    return labels && labels.length ? new Set(labels.map((l) => pos.get(l) ?? -1)) : null;
  });
  const matchesFacet = (study: number, facet: number) => {
    const want = selected[facet];
    if (!want) return true;
    for (const label of sets[study]![facet]!) if (want.has(label)) return true;
    return false;
  };
  const counts: Record<string, Record<string, number>> = Object.fromEntries(data.facets.map((n) => [n, {}]));
  const matching: number[] = [];
  for (let i = 0; i < data.studies.length; i++) {
    // Which facets this study fails; it counts toward a facet's values when it fails no other facet.
    let failed = -1;
    let failures = 0;
    for (let f = 0; f < data.facets.length && failures < 2; f++) {
      if (!matchesFacet(i, f)) {
        failed = f;
        failures++;
      }
    }
    if (failures >= 2) continue;
    if (failures === 0) matching.push(i);
    for (let f = 0; f < data.facets.length; f++) {
      // A study that fails one facet counts toward that facet's values only (its own selection is ignored there).
      if (failures === 1 && f !== failed) continue;
      const bucket = counts[data.facets[f]!]!;
      for (const label of data.studies[i]!.f[f]!) {
        const text = data.strings[label]!;
        bucket[text] = (bucket[text] ?? 0) + 1;
      }
    }
  }
  const compare = comparator(data, query.sort);
  if (compare) matching.sort(compare);
  const range = pageRange(matching.length, query.page);
  const root = base.endsWith('/') ? base : `${base}/`;
  const rows = matching.slice(range.offset, range.last).map((i) => {
    const s = data.studies[i]!;
    const text = (k: number) => data.strings[s.r[k]!]!;
    return {
      id: s.id,
      cite: text(0),
      year: text(1),
      modality: text(2),
      design: text(3),
      n: text(4),
      measure: text(5),
      finding: text(6),
      url: `${root}studies/${s.id}/`,
    };
  });
  return { total: matching.length, range, rows, counts };
}
