// The built site (tests/setup/build-site.ts builds the real content once).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { loadContent } from '../../src/loaders/content';
import { primaryEvidence } from '../../src/lib/evidence-base';

const dist = inject('siteDir');
const content = loadContent('content');
const read = (p: string) => fs.readFileSync(path.join(dist, p), 'utf8');

describe('built site', () => {
  test('has exactly one page per study record (records in = pages out)', () => {
    const redirects = new Set(content.studies.flatMap((s) => s.data.previous_ids ?? []));
    const pages = fs
      .readdirSync(path.join(dist, 'studies'), { withFileTypes: true })
      .filter(
        (e) =>
          e.isDirectory() && e.name !== 'page' && !redirects.has(e.name) && fs.existsSync(path.join(dist, 'studies', e.name, 'index.html')),
      );
    expect(pages.map((p) => p.name).sort()).toEqual(content.studies.map((s) => s.data.id).sort());
  });

  test.each([
    'index.html',
    'studies/index.html',
    'reviews/sucala-2012/index.html',
    'about/index.html',
    'data/studies.json',
    'data/studies.csv',
    'data/studies.bib',
    'data/studies.ris',
  ])('publishes %s', (p) => {
    expect(fs.existsSync(path.join(dist, p))).toBe(true);
  });

  test('a study page carries its citation, DOI and PubMed links', () => {
    const html = read('studies/cook-2002/index.html');
    expect(html).toContain('https://doi.org/10.1089/109493102753770480');
    expect(html).toContain('https://pubmed.ncbi.nlm.nih.gov/12025884/');
    expect(html).toContain('Cook, J. E., &amp; Doyle, C. (2002)');
  });

  test('a study page names its unconfirmed fields plainly', () => {
    const html = read('studies/cook-2002/index.html');
    expect(html).toContain('Not yet confirmed:');
    expect(html).toMatch(/data-field="sample_size"/);
    expect(html).toContain('unconfirmed');
  });

  test('the study list has one row per study', () => {
    const rows = read('studies/index.html').match(/<tr data-study=/g) ?? [];
    expect(rows).toHaveLength(content.studies.length);
  });

  test('the open-data exports hold every study', () => {
    expect((JSON.parse(read('data/studies.json')) as { studies: unknown[] }).studies).toHaveLength(content.studies.length);
    expect(read('data/studies.csv').trim().split('\r\n')).toHaveLength(content.studies.length + 1);
    expect(read('data/studies.bib').match(/^@article\{/gm)).toHaveLength(content.studies.length);
    expect(read('data/studies.ris').match(/^TY {2}- /gm)).toHaveLength(content.studies.length);
  });

  test('every page says how to cite it', () => {
    for (const p of ['index.html', 'studies/index.html', 'studies/germain-2010/index.html', 'about/index.html'])
      expect(read(p)).toContain('Cite this page');
  });

  test('the home page counts come from the records', () => {
    // Primary studies some review includes: reviews and meta-analyses are shown apart, never counted as studies.
    const evidence = primaryEvidence(content.studies.map((s) => s.data));
    expect(evidence.length).toBe(21);
    expect(read('index.html')).toMatch(new RegExp(`<strong>${evidence.length}</strong> studies`));
  });
});
