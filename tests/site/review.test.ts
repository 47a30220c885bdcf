// The review page of the real site (built once by tests/setup/build-site.ts): Sucala et al. (2012)
// reports only two counts in its abstract, 840 studies screened and 11 included
// (J Med Internet Res 14(4):e110), so its diagram draws those and "not reported" everywhere else.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { loadContent } from '../../src/loaders/content';
import { PRISMA_CSV_HEADER, readPrismaCsv } from '../../src/lib/prisma/csv';
import { parseCsvText } from '../../src/lib/prisma/csv-text';

const dist = inject('siteDir');
const read = (p: string) => fs.readFileSync(path.join(dist, p), 'utf8');
const sucala = loadContent('content').reviews.find((r) => r.data.id === 'sucala-2012')?.data;
const page = read('reviews/sucala-2012/index.html');
const svg = page.match(/<svg viewBox="[^"]*"[^>]*class="prisma-svg"[\s\S]*?<\/svg>/)?.[0] ?? '';
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Balanced tags and quoted attributes, as an XML parser would demand; returns the faults. */
function xmlFaults(xml: string): string[] {
  const faults: string[] = [];
  const stack: string[] = [];
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  for (const m of body.matchAll(/<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<>]*")*)\s*(\/?)>|([^<]+)|(<)/g)) {
    const [, close, name, , selfClose, chars, stray] = m;
    if (stray) faults.push(`stray "<" at ${m.index}`);
    else if (chars !== undefined) {
      if (/[<>]|&(?!(?:amp|lt|gt|quot|#39);)/.test(chars)) faults.push(`unescaped text "${chars.slice(0, 40)}"`);
    } else if (name) {
      if (close) {
        if (stack.pop() !== name) faults.push(`</${name}> closes the wrong element`);
      } else if (!selfClose) stack.push(name);
    }
  }
  if (stack.length > 0) faults.push(`unclosed: ${stack.join(', ')}`);
  return faults;
}

describe('the Sucala 2012 review page', () => {
  test('draws the reported flow, and says so', () => {
    expect(svg).toContain('PRISMA 2020 flow diagram, as the review reports it');
    expect(page).toContain('This review is not tracked record by record here');
  });

  test('shows 840 screened and 11 included, every other box "not reported", never 0', () => {
    expect(svg).toContain('(n = 840)');
    expect(svg).toContain('(n = 11)');
    expect(svg).toContain('(n = not reported)');
    expect(page).not.toMatch(/\(n = 0\)/);
    expect(text(page)).toContain('Records screened 840');
    expect(text(page)).toContain('Studies included in review 11');
    expect(text(page)).toContain('Duplicate records removed not reported');
  });

  test('gives the diagram a title, a description and the same numbers in words', () => {
    expect(svg).toMatch(/<title id="prisma-svg-title">/);
    expect(svg).toMatch(/<desc id="prisma-svg-desc">PRISMA 2020 flow diagram\. Identification: an unreported number of records/);
    expect(text(page)).toContain('In words. Identification: an unreported number of records were identified from databases');
    expect(text(page)).toContain('Screening: 840 records were screened; the number excluded is not reported.');
  });

  test('links the included box to the included-studies table on the same page', () => {
    expect([...svg.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1])).toEqual(['/reviews/sucala-2012/#included']);
    expect(page).toContain('<h2 id="included">');
  });

  test('offers the diagram and its counts as downloads', () => {
    expect(page).toContain('href="/reviews/sucala-2012/prisma.svg"');
    expect(page).toContain('href="/reviews/sucala-2012/prisma.csv"');
  });

  test('has no records ledger, because the review is not tracked', () => {
    expect(fs.existsSync(path.join(dist, 'reviews/sucala-2012/records'))).toBe(false);
    expect(page).not.toContain('id="screening"');
    expect(page).not.toContain('id="versions"');
  });
});

describe('/reviews/sucala-2012/prisma.svg', () => {
  const file = read('reviews/sucala-2012/prisma.svg');

  test('is a well-formed standalone SVG file with a title and description', () => {
    expect(file.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(xmlFaults(file)).toEqual([]);
    expect(file).toMatch(/<title id="prisma-title">PRISMA 2020 flow diagram, as the review reports it<\/title>/);
    expect(file).toContain('<desc id="prisma-desc">');
  });

  test('draws the same numbers as the page, linking to absolute addresses', () => {
    expect(file).toContain('(n = 840)');
    expect(file).toContain('(n = 11)');
    expect(file).not.toMatch(/\(n = 0\)/);
    expect(file).toContain('href="http://localhost:4321/reviews/sucala-2012/#included"');
  });
});

describe('/reviews/sucala-2012/prisma.csv', () => {
  const csv = read('reviews/sucala-2012/prisma.csv');
  const rows = new Map(parseCsvText(csv).rows.map((r) => [r.fields[0], r.fields]));

  test('has the PRISMA2020 package header exactly', () => {
    expect(csv.split('\n')[0]).toBe('data,node,box,description,boxtext,tooltips,url,n');
    expect(PRISMA_CSV_HEADER).toBe('data,node,box,description,boxtext,tooltips,url,n');
  });

  test.each([
    ['records_screened', '840'],
    ['new_studies', '11'],
    ['database_results', ''],
    ['duplicates', ''],
    ['records_excluded', ''],
    ['dbr_sought_reports', ''],
    ['dbr_excluded', ''],
    ['new_reports', ''],
  ])('writes %s as %j (blank when not reported, never 0)', (data, n) => {
    expect(rows.get(data)?.[7]).toBe(n);
  });

  test('reads back into the flow the review reports', () => {
    expect(sucala).toBeDefined();
    expect(readPrismaCsv(csv, sucala?.exclusion_reasons ?? [])).toEqual({ flow: sucala?.flow, problems: [] });
  });

  test('links the included-studies row to the review page', () => {
    expect(rows.get('new_studies')?.[6]).toBe('http://localhost:4321/reviews/sucala-2012/#included');
  });
});
