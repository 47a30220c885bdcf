// Keyboard-only use in Chromium against the built site: the skip link comes first and works, every
// control is reached by Tab and shows where the focus is, and the controls work from the keyboard
// (explorer filters and sort, search box, copy buttons, details/summary).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumPath, launchBrowser } from '../helpers/browser';
import { builtSiteInBrowser } from '../helpers/site-browser';
import { serveStatic } from '../helpers/serve';
import { loadContent } from '../../src/loaders/content';

const content = loadContent('content');
const firstStudy = content.studies.map((s) => s.data.id).sort()[0];

/** One template of each kind. */
const pages = [
  '/',
  '/studies/',
  `/studies/${firstStudy}/`,
  '/guides/',
  '/guides/glossary/',
  '/search/?q=alliance',
  '/synthesis/',
  '/reviews/',
  '/reviews/sucala-2012/',
  '/about/',
];

/** What the page reports about the element that has the focus. */
interface Focused {
  kb: string | null;
  tag: string;
  label: string;
  outline: string;
  boxShadow: string;
  /** For a link in an SVG chart: how much thicker its shape's outline is than without the focus, in px. */
  strokeGain: number;
  inMain: boolean;
}

const focusable = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';

/** The thickest outline of the shapes inside an SVG element, in px (0 outside SVG). Runs in the page. */
const strokeOf = `(el) => el instanceof SVGElement ? Math.max(0, ...[...el.querySelectorAll('rect, path, circle, ellipse, polygon')].map((s) => parseFloat(getComputedStyle(s).strokeWidth) || 0)) : 0`;

/** Numbers every visible, enabled focusable element (data-kb) and returns their numbers and names. */
function numberControls(p: Page): Promise<{ kb: string; label: string }[]> {
  return p.evaluate(
    ([selector, strokeSource]) => {
      const stroke = (0, eval)(strokeSource) as (el: Element) => number;
      const out: { kb: string; label: string }[] = [];
      document.querySelectorAll<HTMLElement>(selector).forEach((el, i) => {
        el.dataset['kb'] = String(i);
        el.dataset['kbStroke'] = String(stroke(el));
        const disabled = (el as HTMLButtonElement).disabled === true || el.closest('[inert]') !== null;
        const closedDetails = el.closest('details:not([open])');
        const hiddenInDetails = closedDetails !== null && el.tagName !== 'SUMMARY';
        if (!disabled && !hiddenInDetails && el.checkVisibility({ visibilityProperty: true }))
          out.push({
            kb: String(i),
            label: `${el.tagName.toLowerCase()} “${(el.textContent ?? '').trim().slice(0, 40) || el.getAttribute('aria-label') || el.getAttribute('name') || ''}”`,
          });
      });
      return out;
    },
    [focusable, strokeOf] as const,
  );
}

function focused(p: Page): Promise<Focused | null> {
  return p.evaluate((strokeSource) => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body || el === document.documentElement) return null;
    const stroke = (0, eval)(strokeSource) as (el: Element) => number;
    const style = getComputedStyle(el);
    return {
      kb: el.dataset['kb'] ?? null,
      tag: el.tagName.toLowerCase(),
      label: `${el.tagName.toLowerCase()} “${(el.textContent ?? '').trim().slice(0, 40) || el.getAttribute('aria-label') || el.getAttribute('name') || ''}”`,
      outline:
        style.outlineStyle === 'none' || parseFloat(style.outlineWidth) === 0 ? 'none' : `${style.outlineStyle} ${style.outlineWidth}`,
      boxShadow: style.boxShadow,
      strokeGain: stroke(el) - Number(el.dataset['kbStroke'] ?? 0),
      inMain: el.closest('main') !== null,
    };
  }, strokeOf);
}

/** Presses Tab from the top of the page until the focus leaves the page or comes back round. */
async function tabThrough(p: Page, max = 600): Promise<Focused[]> {
  await p.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const seen: Focused[] = [];
  for (let i = 0; i < max; i++) {
    await p.keyboard.press('Tab');
    const f = await focused(p);
    if (!f || (seen.length > 0 && f.kb === seen[0]?.kb)) break;
    seen.push(f);
  }
  return seen;
}

/** What a Tab walk finds wrong on a page: the first stop, controls never reached, stops without a visible focus. */
async function audit(p: Page): Promise<{ first: string | undefined; unreached: string[]; invisible: string[] }> {
  const controls = await numberControls(p);
  const walk = await tabThrough(p);
  const reached = new Set(walk.map((f) => f.kb));
  return {
    first: walk[0]?.label,
    unreached: controls.filter((c) => !reached.has(c.kb)).map((c) => c.label),
    // An outline or a shadow; a link in an SVG chart may instead thicken its box's border.
    invisible: walk.filter((f) => f.outline === 'none' && f.boxShadow === 'none' && f.strokeGain < 1).map((f) => f.label),
  };
}

/** Presses Tab until the element matching `selector` has the focus; fails if it is never reached. */
async function tabTo(p: Page, selector: string, max = 600): Promise<void> {
  for (let i = 0; i < max; i++) {
    await p.keyboard.press('Tab');
    if (await p.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Waits for a value in the page; generous, because the browser shares two cores with builds and other tests. */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });

describe.skipIf(!chromiumPath)('with the keyboard only', () => {
  const site = builtSiteInBrowser({ clipboard: true });
  const open = site.open;

  test('the walk reports a planted page’s missing skip link, unreachable control and hidden focus', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-keyboard-'));
    fs.writeFileSync(
      path.join(dir, 'index.html'),
      `<!doctype html><html lang="en"><head><title>t</title><style>.bare:focus { outline: none; }</style></head><body>
        <main><a href="#x">First link</a> <button class="bare">No ring</button> <a href="/y" tabindex="-1">Skipped by Tab</a>
        <input name="fine" aria-label="fine"></main></body></html>`,
    );
    const planted = await serveStatic(dir);
    // A browser of its own, closed before the server (an open connection would keep the server waiting).
    const own = await launchBrowser();
    const p = await own.newPage();
    try {
      await p.goto(`${planted.origin}/`);
      expect(await audit(p)).toEqual({ first: 'a “First link”', unreached: ['a “Skipped by Tab”'], invisible: ['button “No ring”'] });
    } finally {
      await own.close();
      await planted.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test.each(pages)('on %s the skip link comes first, every control is reached by Tab, and each shows its focus', async (path) => {
    const p = await open(path);
    await p.waitForLoadState('networkidle');
    expect(await audit(p)).toEqual({ first: 'a “Skip to content”', unreached: [], invisible: [] });
  });

  test('the skip link is visible when focused and moves the keyboard into the main content', async () => {
    const p = await open('/studies/');
    await p.keyboard.press('Tab');
    const skip = p.locator('.skip-link');
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    const box = await skip.boundingBox();
    expect(box && box.width > 1 && box.height > 1 && box.y >= 0).toBe(true);
    await p.keyboard.press('Enter');
    expect(new URL(p.url()).hash).toBe('#main');
    await p.keyboard.press('Tab');
    expect((await focused(p))?.inMain).toBe(true);
  });

  test('the explorer filters and sorts from the keyboard', async () => {
    const p = await open('/studies/');
    await p.locator('[data-explorer-form]').waitFor({ state: 'visible' });
    const videoconference = content.studies.filter((s) => s.data.modalities.includes('videoconference')).length;
    await tabTo(p, 'input[type=checkbox][name=modality][value=videoconference]');
    await p.keyboard.press('Space');
    await poll(() => p.locator('[data-explorer-status]').textContent()).toContain(`of ${videoconference} studies matching`);

    await p.keyboard.press('Shift+Tab');
    await tabTo(p, 'select[name=sort]');
    const before = await p.locator('select[name=sort]').inputValue();
    await p.keyboard.press('ArrowDown');
    await poll(() => p.locator('select[name=sort]').inputValue()).not.toBe(before);
    await poll(() => p.url()).toContain('sort=');

    await tabTo(p, '[data-explorer-clear]');
    await p.keyboard.press('Enter');
    await poll(() => p.locator('[data-explorer-form] input[type=checkbox]:checked').count()).toBe(0);
  });

  test('the search box takes typed words and lists results', async () => {
    const p = await open('/search/');
    await tabTo(p, '#search-q');
    await p.keyboard.type('bulimia');
    await poll(() => p.locator('.search-results li').count()).toBeGreaterThan(0);
    await tabTo(p, '#search-type');
    await p.keyboard.press('ArrowDown');
    await poll(() => p.locator('[data-search-status]').textContent()).toMatch(/among studies/);
  });

  test('a heading’s copy-link anchor copies the section’s address from the keyboard', async () => {
    const p = await open('/guides/glossary/');
    await tabTo(p, 'a[data-copy-link]');
    const href = await p.evaluate(() => (document.activeElement as HTMLAnchorElement).href);
    await p.keyboard.press('Enter');
    await poll(() => p.locator('#copy-link-status').textContent()).toContain('copied');
    expect(await p.evaluate(() => navigator.clipboard.readText())).toBe(href);
    expect(p.url()).toBe(href);
  });

  test('the cite box’s copy buttons copy from the keyboard', async () => {
    const p = await open(`/studies/${firstStudy}/`);
    await tabTo(p, 'button[data-copy-cite]');
    await p.keyboard.press('Enter');
    await poll(() => p.locator('[data-cite-status]').textContent()).toMatch(/copied/);
    expect((await p.evaluate(() => navigator.clipboard.readText())).length).toBeGreaterThan(20);
  });

  test('every details/summary opens and closes from the keyboard', async (ctx) => {
    let checked = 0;
    for (const path of pages) {
      const p = await open(path);
      const count = await p.locator('details > summary').count();
      for (let i = 0; i < count; i++) {
        const summary = p.locator('details > summary').nth(i);
        if (!(await summary.isVisible())) continue;
        const details = summary.locator('..');
        const wasOpen = await details.evaluate((d) => (d as HTMLDetailsElement).open);
        await summary.focus();
        await p.keyboard.press('Enter');
        expect(await details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(!wasOpen);
        await p.keyboard.press('Space');
        expect(await details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(wasOpen);
        checked++;
      }
      await p.close();
    }
    if (checked === 0) ctx.skip('no page of this site has a details element yet');
  });
});
