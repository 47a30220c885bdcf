// What the built search index holds for a page (Pagefind's fragment of it, read back from dist/):
// a study's own facts, made from its record (src/lib/study-search.ts) and each as its page says it,
// not the furniture every study page shares; and a guide's headings too.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, inject, test } from 'vitest';
import { loadContent } from '../../src/loaders/content';
import { studyRow } from '../../src/lib/explorer';
import { studyFilters } from '../../src/lib/facets';
import { allianceFactRows, studyFactRows } from '../../src/lib/study-facts';
import { textOf } from '../helpers/built-html';

const dist = inject('siteDir');
const content = loadContent('content');

interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** Every fragment of the index: Pagefind writes each gzipped, after a 12-byte "pagefind_dcd" signature. */
function fragments(): Fragment[] {
  const dir = path.join(dist, 'pagefind', 'fragment');
  return fs.readdirSync(dir).map((f) => {
    const bytes = zlib.gunzipSync(fs.readFileSync(path.join(dir, f)));
    expect(bytes.subarray(0, 12).toString()).toBe('pagefind_dcd');
    return JSON.parse(bytes.subarray(12).toString('utf8')) as Fragment;
  });
}

const all = fragments();
const byUrl = new Map(all.map((f) => [f.url, f]));

describe('the search index', () => {
  test('has one entry for every study page', () => {
    for (const { data } of content.studies) expect(byUrl.has(`/studies/${data.id}/`), data.id).toBe(true);
  });

  test('holds each study by its own facts: its title, summary and facts with their labels', () => {
    for (const { data } of content.studies) {
      const text = byUrl.get(`/studies/${data.id}/`)!.content;
      expect(text).toContain(data.title);
      expect(text).toContain(data.summary);
      expect(text).toMatch(/Design: \S/);
    }
  });

  test('says each labelled fact of a study as its page says it', () => {
    for (const { data } of content.studies) {
      const text = byUrl.get(`/studies/${data.id}/`)!.content;
      const page = textOf(fs.readFileSync(path.join(dist, 'studies', data.id, 'index.html'), 'utf8'));
      for (const fact of [...studyFactRows(data), ...allianceFactRows(data)]) {
        const said = `${fact.label}: ${fact.value}`;
        expect(text, `${data.id}: the index`).toContain(said);
        expect(page, `${data.id}: the page`).toContain(said);
      }
    }
  });

  test("carries the explorer's row and the study's filters", () => {
    for (const { data } of content.studies) {
      const entry = byUrl.get(`/studies/${data.id}/`)!;
      expect(entry.meta).toEqual({ ...studyRow(data), title: data.title });
      const filters = Object.fromEntries(Object.entries(studyFilters(data)).filter(([, values]) => values.length > 0));
      expect(entry.filters).toEqual({ type: ['Study'], ...filters });
    }
  });

  test('leaves out what every study page shares: headings, table heads, the reviews and guides it appears in', () => {
    const reviewTitles = content.reviews.map((r) => r.data.title);
    for (const { data } of content.studies) {
      const text = byUrl.get(`/studies/${data.id}/`)!.content;
      for (const furniture of [
        'How sure is this record?',
        'The therapeutic alliance.',
        'In reviews',
        'Guides that cite this study',
        'Sources.',
        'Instrument Rated by When',
        'not a finding',
      ])
        expect(text, `${data.id}: "${furniture}"`).not.toContain(furniture);
      for (const title of reviewTitles) expect(text, `${data.id}: the title of a review it appears in`).not.toContain(title);
    }
  });

  test("finds a review's page and the changes page by what they say, not by the studies they list", () => {
    const listed = content.studies.map((s) => s.data.title);
    for (const page of [...content.reviews.map((r) => `/reviews/${r.data.id}/`), '/changes/']) {
      const entry = byUrl.get(page);
      expect(entry, page).toBeDefined();
      for (const title of listed) expect(entry!.content, `${page}: "${title}"`).not.toContain(title);
    }
    expect(byUrl.get('/reviews/sucala-2012/')?.content).toContain(content.reviews.find((r) => r.data.id === 'sucala-2012')!.data.title);
  });

  test('a guide keeps its headings, which say what each part of it is about', () => {
    const guide = byUrl.get('/guides/measuring-the-alliance/');
    expect(guide?.content).toContain('Which instruments the studies used');
  });
});
