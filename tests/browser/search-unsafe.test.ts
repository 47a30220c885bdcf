// Search results show a record's text as text. The search index takes a study from its record
// (src/lib/study-search.ts), not from its escaped page, so this builds tests/fixtures/unsafe (a
// study whose every text field carries markup) under a base path, as on GitHub Pages, searches it
// in Chromium and looks for anything the record's text could have made: an element, a script run,
// a link outside the base path.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { chromiumPath, launchBrowser } from '../helpers/browser';
import { buildSite, tempDir } from '../helpers/build';
import { serveStatic, type StaticServer } from '../helpers/serve';

const BASE = '/rapport';

describe.skipIf(!chromiumPath)('searching a record with markup in its text', () => {
  let server: StaticServer | undefined;
  let browser: BrowserContext | undefined;
  let built = { code: 1, output: '' };
  beforeAll(async () => {
    const root = tempDir('unsafe-search');
    const result = buildSite('tests/fixtures/unsafe', path.join(root, BASE.slice(1)), {
      BASE_PATH: BASE,
      SITE_URL: 'https://example.github.io',
    });
    built = result;
    server = await serveStatic(root);
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test(
    'finds the study, shows its title and excerpt as text, runs none of it, and links under the base path',
    { timeout: 60_000 },
    async () => {
      expect(built.code, built.output).toBe(0);
      const page = await browser!.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.goto(`${server!.origin}${BASE}/search/?q=similar`);
      const result = page.locator('.search-results li', { has: page.locator(`a[href="${BASE}/studies/doe-2010/"]`) });
      await expect.poll(() => result.count(), { timeout: 15_000 }).toBe(1);
      expect(await result.locator('h2 a').textContent()).toContain('<script>alert(1)</script> Alliance in "e-therapy"');
      const snippet = result.locator('.search-snippet');
      expect(await snippet.textContent()).toContain('The alliance was "similar" & strong.');
      // The only elements an excerpt holds are Pagefind's <mark>s around the words searched for.
      expect(await snippet.locator('*').evaluateAll((els) => [...new Set(els.map((e) => e.tagName))])).toEqual(['MARK']);
      expect(await page.locator('.search-results script, .search-results img, .search-results iframe, .search-results svg').count()).toBe(
        0,
      );
      expect(dialogs).toEqual([]);
      for (const href of await page.locator('.search-results a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? '')))
        expect(href.startsWith(`${BASE}/`), href).toBe(true);
    },
  );
});
