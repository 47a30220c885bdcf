// Published addresses never break: every address on published-addresses.txt (grown by each build of
// the project's content, src/integrations/sitemap.ts) is a page or a redirect in the built site.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { loadContent } from '../../src/loaders/content';
import { missingPublishedAddresses, readPublishedAddresses } from '../../src/loaders/published-addresses';
import { tempDir } from '../helpers/build';

const dist = inject('siteDir');
const content = loadContent('content');
const listed = readPublishedAddresses();

describe('published-addresses.txt', () => {
  test('lists every study, review and guide of the current content', () => {
    const current = [
      ...content.studies.map((s) => `/studies/${s.data.id}/`),
      ...content.reviews.map((r) => `/reviews/${r.data.id}/`),
      ...content.guides.map((g) => `/guides/${path.basename(g.file, '.mdx')}/`),
    ];
    expect(current.filter((p) => !listed.includes(p))).toEqual([]);
  });

  test('every listed address is still a page, or a redirect, in the built site', () => {
    expect(listed.length).toBeGreaterThan(0);
    expect(missingPublishedAddresses(listed, dist)).toEqual([]);
  });

  test('an address that disappears without a redirect is reported (so the check can fail)', () => {
    const out = tempDir('addresses');
    fs.mkdirSync(path.join(out, 'studies/doe-2010'), { recursive: true });
    fs.writeFileSync(path.join(out, 'studies/doe-2010/index.html'), '<!doctype html><title>x</title>');
    fs.mkdirSync(path.join(out, 'studies/doe-2009'), { recursive: true });
    fs.writeFileSync(path.join(out, 'studies/doe-2009/index.html'), '<meta http-equiv="refresh" content="0;url=/studies/doe-2010/">');
    expect(missingPublishedAddresses(['/studies/doe-2010/', '/studies/doe-2009/', '/studies/gone-2008/'], out)).toEqual([
      '/studies/gone-2008/',
    ]);
  });
});
