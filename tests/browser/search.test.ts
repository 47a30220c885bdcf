// The search page in Chromium against the built site: results as the user types, the field's
// synonyms, clean excerpts and the type filter; and the explorer's sort menu and no-JavaScript text.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumPath } from '../helpers/browser';
import { builtSiteInBrowser } from '../helpers/site-browser';
import { loadContent } from '../../src/loaders/content';

const studies = loadContent('content').studies.map((s) => s.data);
const pagesWith = (modality: string) =>
  studies
    .filter((s) => s.modalities.some((m) => m === modality))
    .map((s) => `/studies/${s.id}/`)
    .sort();

/** Waits for a value in the page; generous, because the browser shares two cores with builds and other tests. */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });

describe('the search index', () => {
  test('is English, so Pagefind stems words (the pages say lang="en")', () => {
    const dir = inject('siteDir');
    expect(fs.readFileSync(path.join(dir, 'index.html'), 'utf8')).toMatch(/^<!DOCTYPE html><html lang="en"/i);
    const entry = JSON.parse(fs.readFileSync(path.join(dir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { wasm?: string; page_count: number }>;
    };
    expect(Object.keys(entry.languages)).toEqual(['en']);
    expect(entry.languages['en']?.wasm).toBe('en');
  });
});

describe.skipIf(!chromiumPath)('the search page', () => {
  const site = builtSiteInBrowser();
  const open = site.open;
  const status = (p: Page) => p.locator('[data-search-status]').textContent();
  const resultLinks = (p: Page) => p.locator('.search-results li h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  const studyLinks = async (p: Page) => (await resultLinks(p)).filter((href) => /^\/studies\/[^/]+\/$/.test(href)).sort();
  /** Types the words key by key (no Enter), waits for the results, and lists them all. */
  const type = async (p: Page, words: string) => {
    await p.locator('#search-q').pressSequentially(words, { delay: 20 });
    await poll(() => status(p)).toMatch(new RegExp(`results? for “${words}”`));
    const more = p.locator('[data-search-more]');
    while (await more.isVisible()) {
      const before = await p.locator('.search-results li').count();
      await more.click();
      await poll(() => p.locator('.search-results li').count()).toBeGreaterThan(before);
    }
    expect(await status(p)).not.toMatch(/shown/);
  };

  test('typing “videoconferencing”, without Enter, lists every videoconference study', async () => {
    const expected = pagesWith('videoconference');
    expect(expected.length).toBeGreaterThan(0);
    const p = await open('/search/');
    await type(p, 'videoconferencing');
    await poll(() => studyLinks(p)).toEqual(expected);
    // The address follows the words, so the search can be shared; the page was not reloaded.
    expect(p.url()).toContain('/search/?q=videoconferencing');
    expect(await p.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
  });

  test('a DOI pasted into the box finds its study first', async () => {
    const p = await open('/search/');
    await p.locator('#search-q').fill('10.1089/109493102753770480');
    await poll(async () => (await resultLinks(p))[0]).toBe('/studies/cook-2002/');
  });

  test('stems English words: “videoconferences”, a form no page uses and no synonym lists, finds the videoconference studies', async () => {
    const p = await open('/search/?type=Study');
    await type(p, 'videoconferences');
    expect(await status(p)).not.toMatch(/synonyms/);
    expect(await studyLinks(p)).toEqual(pagesWith('videoconference'));
  });

  test.each([
    ['e-mail', 'email'],
    ['email', 'email'],
    ['internet-based', 'internet-program'],
    ['online', 'internet-program'],
  ])('“%s” finds every %s study', async (words, modality) => {
    const expected = pagesWith(modality);
    expect(expected.length).toBeGreaterThan(0);
    const p = await open('/search/');
    await type(p, words);
    const found = await studyLinks(p);
    expect(found).toEqual(expect.arrayContaining(expected));
  });

  test('a word with no match says so, and clearing the box clears the results', async () => {
    const p = await open('/search/?q=qwxjvk');
    await poll(() => status(p)).toBe('No results for “qwxjvk”.');
    await p.fill('#search-q', 'alliance');
    await poll(() => p.locator('.search-results li').count()).toBeGreaterThan(0);
    await p.fill('#search-q', '');
    await poll(() => p.locator('.search-results li').count()).toBe(0);
    expect(await status(p)).toMatch(/^Type a word or phrase/);
  });

  test('the type filter narrows the results to guides, and the address keeps it', async () => {
    const p = await open('/search/?q=alliance');
    await poll(() => status(p)).toMatch(/results? for “alliance”/);
    const all = await resultLinks(p);
    await p.selectOption('#search-type', 'Guide');
    await poll(() => status(p)).toMatch(/results? for “alliance” among guides/);
    const guides = await resultLinks(p);
    expect(guides.length).toBeGreaterThan(0);
    expect(guides.length).toBeLessThan(all.length);
    expect(guides.every((href) => href.startsWith('/guides/'))).toBe(true);
    const kinds = await p.locator('.search-results li .note').allTextContents();
    expect(kinds.every((k) => k.startsWith('Guide'))).toBe(true);
    expect(p.url()).toContain('type=Guide');

    const shared = await open('/search/?q=alliance&type=Study');
    await poll(() => status(shared)).toMatch(/among studies/);
    expect(await shared.locator('#search-type').inputValue()).toBe('Study');
    expect((await resultLinks(shared)).every((href) => href.startsWith('/studies/'))).toBe(true);

    const reviews = await open('/search/?q=review&type=Review');
    await poll(() => status(reviews)).toMatch(/among reviews/);
    const found = await resultLinks(reviews);
    expect(found).toContain('/reviews/sucala-2012/');
    expect(found.every((href) => href.startsWith('/reviews/'))).toBe(true);
  });

  test('excerpts keep labels apart from values and leak no interface words', async () => {
    const p = await open('/search/?q=delivery');
    await poll(() => p.locator('.search-snippet').count()).toBeGreaterThan(0);
    const snippets = await p.locator('.search-snippet').allTextContents();
    expect(snippets.some((s) => /Delivery: \S/.test(s))).toBe(true);
    expect(snippets.join('\n')).not.toMatch(/DeliveryVideo|Sample sizenot|Link to the section/);

    const glossary = await open('/search/?q=working+alliance+inventory&type=Guide');
    await poll(() => glossary.locator('.search-snippet').count()).toBeGreaterThan(0);
    const text = (await glossary.locator('.search-snippet').allTextContents()).join('\n');
    expect(text).not.toContain('Link to the section');
    expect(text).not.toContain('#');
  });
});

describe.skipIf(!chromiumPath)('the explorer says what it does', () => {
  const withJs = builtSiteInBrowser();
  const withoutJs = builtSiteInBrowser({ javaScriptEnabled: false });

  test('a shared ?q= link sorts by relevance and the sort menu says so', async () => {
    const p = await withJs.open('/studies/?q=alliance');
    await poll(() => p.locator('[data-explorer-status]').textContent()).toMatch(/matching/);
    const sort = p.locator('[data-explorer-form] select[name=sort]');
    expect(await sort.inputValue()).toBe('relevance');
    expect(await sort.locator('option:checked').textContent()).toBe('Relevance to the search words');
    // Without search words there is nothing to rank by: the menu falls back to the order shown.
    await p.fill('[data-explorer-form] input[name=q]', '');
    await poll(() => sort.inputValue()).toBe('year-asc');
    expect(await sort.locator('option[value=relevance]').isDisabled()).toBe(true);
  });

  test('with JavaScript the explorer offers its filters; without it, it says what the page offers instead', async () => {
    const js = await withJs.open('/studies/');
    await js.locator('[data-explorer-form]').waitFor({ state: 'visible' });
    expect(await js.locator('[data-explorer-js]').isVisible()).toBe(true);
    expect(await js.locator('[data-explorer-nojs]').isVisible()).toBe(false);

    const plain = await withoutJs.open('/studies/');
    expect(await plain.locator('[data-explorer-form]').isVisible()).toBe(false);
    expect(await plain.locator('[data-explorer-js]').isVisible()).toBe(false);
    const note = plain.locator('[data-explorer-nojs]');
    expect(await note.isVisible()).toBe(true);
    expect(await note.textContent()).toMatch(/need JavaScript/);
    // Nothing visible promises a filter that is not there.
    const visible = await plain.locator('main').innerText();
    expect(visible).not.toMatch(/Filter by/);
  });
});
