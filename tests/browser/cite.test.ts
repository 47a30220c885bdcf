// "Cite this page" in Chromium: the copy buttons appear with JavaScript, work from the keyboard,
// copy the citation and say so in a live region; the citation carries the reader's access date.
import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumPath, launchBrowser } from '../helpers/browser';
import { builtSiteInBrowser } from '../helpers/site-browser';

describe.skipIf(!chromiumPath)('cite this page in the browser', () => {
  const site = builtSiteInBrowser({ clipboard: true });
  let page: Page;
  beforeAll(async () => {
    page = await site.browser.newPage();
  });

  test('the Copy BibTeX button, pressed with the keyboard, copies the entry and announces it', async () => {
    await page.goto(`${site.origin}/about/`);
    const button = page.locator('button[data-copy-cite="bibtex"]');
    await button.waitFor({ state: 'visible' });
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-cite-status]').textContent()).toBe('BibTeX entry copied.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^@misc\{rapport-about,/);
    expect(copied).toMatch(/^ {2}month = [a-z]{3},$/m);
    expect(copied).toBe(await page.locator('[data-cite-bibtex]').textContent());
  });

  test('the Copy APA button copies the APA line, with the reader’s own access date', async () => {
    await page.goto(`${site.origin}/`);
    await page.locator('button[data-copy-cite="apa"]').click();
    await expect.poll(() => page.locator('[data-cite-status]').textContent()).toBe('APA citation copied.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const today = await page.evaluate(() => new Date().toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric' }));
    expect(copied).toContain(`Retrieved ${today}, from ${site.origin.replace('127.0.0.1', 'localhost').replace(/:\d+$/, ':4321')}/`);
    expect(copied).not.toContain('Rapport. Rapport.');
  });

  test('without JavaScript the buttons stay hidden and the citation is there', async () => {
    const noJs = await launchBrowser({ javaScriptEnabled: false });
    try {
      const p = await noJs.newPage();
      await p.goto(`${site.origin}/about/`);
      expect(await p.locator('button[data-copy-cite]').first().isVisible()).toBe(false);
      expect(await p.locator('[data-cite-apa]').textContent()).toMatch(/^Rapport contributors\./);
    } finally {
      await noJs.close();
    }
  });
});
