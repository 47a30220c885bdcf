// src/lib/page-citation.ts: "cite this page" as one APA line and one valid BibTeX entry.
import { describe, expect, test } from 'vitest';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import {
  citePageText,
  escapeBibtex,
  formatLongDate,
  formatPageApa,
  formatPageBibtex,
  formatReleaseApa,
  pageCitationKey,
  type PageCitationInput,
} from '../../src/lib/page-citation';

const page = (over: Partial<PageCitationInput> = {}): PageCitationInput => ({
  title: 'About',
  siteName: 'Rapport',
  authors: ['Rapport contributors'],
  url: 'https://rapport.example.org/about/',
  date: '2026-12-01',
  version: '0.1.0',
  commit: '44c7cdb',
  accessed: '2026-12-03',
  key: 'rapport-about',
  ...over,
});

/** Whether every brace in a BibTeX entry is matched (escaped braces aside). */
function bracesBalance(entry: string): boolean {
  let depth = 0;
  for (const c of entry.replace(/\\[{}]/g, '')) {
    if (c === '{') depth++;
    if (c === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

describe('formatPageApa', () => {
  test('cites a page with its date, version, commit, site and retrieval date on one line', () => {
    expect(formatPageApa(page())).toBe(
      'Rapport contributors. (2026, December 1). About (Version 0.1.0, commit 44c7cdb). Rapport. Retrieved December 3, 2026, from https://rapport.example.org/about/',
    );
  });

  test('does not repeat the site’s name when the page is the site itself (no "Rapport. Rapport.")', () => {
    const apa = formatPageApa(page({ title: 'Rapport', url: 'https://rapport.example.org/' }));
    expect(apa).toBe(
      'Rapport contributors. (2026, December 1). Rapport (Version 0.1.0, commit 44c7cdb). Retrieved December 3, 2026, from https://rapport.example.org/',
    );
    expect(apa).not.toMatch(/Rapport\. Rapport\./);
  });

  test('leaves the commit out when it is not known', () => {
    expect(formatPageApa(page({ commit: null }))).toContain('About (Version 0.1.0). Rapport.');
  });

  test('writes personal authors with initials and an ampersand', () => {
    expect(formatPageApa(page({ authors: ['Doe, Jane', 'Roe, Richard P.'] }))).toMatch(/^Doe, J\., & Roe, R\. P\. \(2026/);
  });

  test('refuses a date that is not YYYY-MM-DD', () => {
    expect(() => formatPageApa(page({ date: 'dec 1' }))).toThrow(/YYYY-MM-DD/);
    expect(() => formatPageApa(page({ date: '2026-13-01' }))).toThrow(/YYYY-MM-DD/);
  });
});

describe('formatPageBibtex', () => {
  const entry = formatPageBibtex(page({ title: 'Cook & Doyle (2002): 100% of {braces} in_a #title ~ ^' }));

  test('writes the month as BibTeX’s unbraced macro and the access date as urldate and in note', () => {
    expect(entry).toMatch(/^ {2}month = dec,$/m);
    expect(entry).not.toMatch(/month = \{/);
    expect(entry).toMatch(/^ {2}urldate = \{2026-12-03\},$/m);
    expect(entry).toMatch(/^ {2}note = \{Version 0\.1\.0, commit 44c7cdb\. Accessed 2026-12-03\},$/m);
    expect(entry).toMatch(/^ {2}version = \{0\.1\.0\},$/m);
  });

  test('escapes BibTeX’s special characters so that the braces balance', () => {
    expect(entry).toContain('Cook \\& Doyle (2002): 100\\% of \\{braces\\} in\\_a \\#title \\textasciitilde{} \\textasciicircum{}');
    expect(bracesBalance(entry)).toBe(true);
  });

  test('keeps a group author whole in its own braces', () => {
    expect(entry).toMatch(/^ {2}author = \{\{Rapport contributors\}\},$/m);
  });

  test('parses back with citation-js’s BibTeX parser to the page’s title, date and address', () => {
    const [item] = new Cite(formatPageBibtex(page())).data as Record<string, unknown>[];
    expect(item).toMatchObject({ title: 'About', URL: 'https://rapport.example.org/about/', issued: { 'date-parts': [[2026, 12]] } });
    // The group name stays one name (in braces BibTeX does not split it into given and family names).
    expect(item!['author']).toEqual([{ family: 'Rapport contributors' }]);
  });

  test('gives no howpublished for the site itself', () => {
    expect(formatPageBibtex(page({ title: 'Rapport' }))).not.toContain('howpublished');
    expect(formatPageBibtex(page())).toContain('howpublished = {Rapport}');
  });
});

describe('helpers', () => {
  test.each([
    ['/', 'rapport-home'],
    ['/about/', 'rapport-about'],
    ['/studies/cook-2002/', 'rapport-studies-cook-2002'],
  ])('pageCitationKey(%s) is %s', (path, key) => expect(pageCitationKey(path)).toBe(key));

  test('formatLongDate writes the APA date', () => expect(formatLongDate('2026-12-01')).toBe('December 1, 2026'));
  test('escapeBibtex escapes a backslash', () => expect(escapeBibtex('a\\b')).toBe('a\\textbackslash{}b'));
  test('citePageText gives both', () => expect(Object.keys(citePageText(page()))).toEqual(['apa', 'bibtex']));
  test('formatReleaseApa cites a release as software and data set', () =>
    expect(
      formatReleaseApa({
        authors: ['Rapport contributors'],
        title: 'Rapport',
        version: '0.1.0',
        year: 2026,
        url: 'https://x.org/releases/tag/v0.1.0',
      }),
    ).toBe('Rapport contributors. (2026). Rapport (Version 0.1.0) [Computer software and data set]. https://x.org/releases/tag/v0.1.0'));
});
