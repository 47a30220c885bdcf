// The explorer, search and charts in Chromium against the built site served on 127.0.0.1.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumPath } from '../helpers/browser';
import { builtSiteInBrowser } from '../helpers/site-browser';
import { loadContent } from '../../src/loaders/content';

const studies = loadContent('content').studies.map((s) => s.data);
const videoconference = studies.filter((s) => s.modalities.includes('videoconference'));

describe.skipIf(!chromiumPath)('in the browser', () => {
  const site = builtSiteInBrowser();
  const open = site.open;
  const statusOf = (p: Page) => p.locator('[data-explorer-status]');

  test('search finds the telemedicine bulimia study by a word from its record', async () => {
    const p = await open('/search/?q=bulimia');
    await expect.poll(() => p.locator('[data-search-status]').textContent()).toMatch(/\d+ results? for “bulimia”/);
    // Guides that discuss the study are found too; the study itself must be among the results.
    const study = p.locator('.search-results li', { has: p.locator('a[href="/studies/ertelt-2011/"]') });
    expect(await study.count()).toBe(1);
    expect(await study.textContent()).toMatch(/Study · 2011 · Videoconference/);
  });

  test('the header search box leads to the search page with the query', async () => {
    const p = await open('/');
    await p.fill('#site-search', 'videoconference');
    await p.press('#site-search', 'Enter');
    await p.waitForURL(/\/search\/\?q=videoconference/);
    await expect.poll(() => p.locator('.search-results li').count()).toBeGreaterThan(0);
  });

  test('a modality facet narrows the explorer to exactly those studies, and the URL keeps the view', async () => {
    const p = await open('/studies/');
    await p.locator('[data-explorer-form]').waitFor({ state: 'visible' });
    await p.getByRole('checkbox', { name: /^Videoconference/ }).check();
    await expect.poll(() => statusOf(p).textContent()).toContain(`of ${videoconference.length} studies matching`);
    const rows = await p.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-study')));
    expect(rows.sort()).toEqual(videoconference.map((s) => s.id).sort());
    expect(p.url()).toContain('modality=videoconference');

    const shared = await open(new URL(p.url()).pathname + new URL(p.url()).search);
    await expect.poll(() => statusOf(shared).textContent()).toContain(`of ${videoconference.length} studies matching`);
    expect(await shared.getByRole('checkbox', { name: /^Videoconference/ }).isChecked()).toBe(true);
  });

  test('two facets combine, and an evidence-map cell link opens that filtered view', async () => {
    const expected = videoconference.filter((s) => s.alliance.vs_face_to_face === 'equivalent');
    const home = await open('/synthesis/');
    const href = await home.locator('a[aria-label^="Videoconference, equivalent"]').getAttribute('href');
    expect(href).toBe('/studies/?modality=videoconference&finding=equivalent&decision=included');
    const p = await open(href!);
    await expect
      .poll(() => statusOf(p).textContent())
      .toContain(`of ${expected.length} ${expected.length === 1 ? 'study' : 'studies'} matching`);
  });

  test('free text and sorting work together in the explorer', async () => {
    const p = await open('/studies/?sort=size-desc');
    const largest = [...studies].sort((a, b) => (b.sample_size ?? 0) - (a.sample_size ?? 0))[0];
    await expect.poll(() => p.locator('tbody tr').first().getAttribute('data-study')).toBe(largest?.id);
    expect(await p.locator('tbody tr').count()).toBe(studies.length);
    await p.fill('[data-explorer-form] input[name=q]', 'bulimia');
    await expect.poll(() => statusOf(p).textContent()).toMatch(/of 1 study matching/);
  });
});

describe.skipIf(!chromiumPath)('with JavaScript off', () => {
  const site = builtSiteInBrowser({ javaScriptEnabled: false });

  test('the study table is complete and the filter form stays hidden', async () => {
    const p = await site.browser.newPage();
    await p.goto(`${site.origin}/studies/`);
    expect(await p.locator('tbody tr').count()).toBe(studies.length);
    expect(await p.locator('[data-explorer-form]').isVisible()).toBe(false);
  });

  test('the charts are drawn, with their numbers in tables', async () => {
    const p = await site.browser.newPage();
    await p.goto(`${site.origin}/synthesis/`);
    expect(await p.locator('figure.chart svg').count()).toBeGreaterThanOrEqual(2);
    expect(await p.locator('svg text', { hasText: 'Videoconference' }).first().isVisible()).toBe(true);
    expect(await p.locator('figure.chart table').count()).toBeGreaterThanOrEqual(2);
  });
});
