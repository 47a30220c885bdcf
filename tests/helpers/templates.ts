// Every kind of page the site builds, for the browser tests that check each template (layout at
// phone widths, axe): the real site's pages, and a fixture site for the templates the real content
// does not have yet (a records ledger, a second page of the explorer).
import fs from 'node:fs';
import path from 'node:path';
import { buildSite, tempDir, type BuildResult } from './build';
import { writeSyntheticContent } from '../../scripts/lib/synthetic';
import type { Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { serveStatic } from './serve';

/** Folder names of the pages under `section` of a built site (`/studies/<id>/`, `/guides/<slug>/`). */
function pagesUnder(siteDir: string, section: string): string[] {
  const dir = path.join(siteDir, section);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name !== 'page' && fs.existsSync(path.join(dir, e.name, 'index.html')))
    .map((e) => `/${section}/${e.name}/`)
    .sort();
}

/** One address of every template of a built site, plus every study, review and guide page. */
export function templatePages(siteDir: string): string[] {
  const exists = (p: string) => fs.existsSync(path.join(siteDir, p, 'index.html'));
  return [
    '/',
    '/studies/',
    ...(exists('studies/page/2') ? ['/studies/page/2/'] : []),
    ...pagesUnder(siteDir, 'studies'),
    '/reviews/',
    ...pagesUnder(siteDir, 'reviews').flatMap((r) => (exists(`${r}records`) ? [r, `${r}records/`] : [r])),
    ...(exists('guides') ? ['/guides/', ...pagesUnder(siteDir, 'guides')] : []),
    '/search/?q=alliance',
    ...['/synthesis/', '/about/', '/changes/'].filter((p) => exists(p.slice(1, -1))),
    '/no-such-page/',
  ];
}

/** The templates only the fixture site has: a records ledger and a second explorer page. */
export const fixtureOnlyTemplates = ['/studies/page/2/', '/reviews/demo-review/', '/reviews/demo-review/records/'];

/** Builds the tracked fixture review (tests/fixtures/tracked) with 55 synthetic studies beside it,
 *  so that the site has a records ledger and a second page of studies. */
export function buildTemplateFixture(): BuildResult & { contentDir: string; remove: () => void } {
  const contentDir = tempDir('templates-content');
  fs.cpSync(path.resolve('tests/fixtures/tracked/content'), contentDir, { recursive: true });
  writeSyntheticContent(contentDir, 55);
  const result = buildSite(contentDir, tempDir('templates-site'));
  const remove = () => {
    for (const dir of [contentDir, result.outDir]) fs.rmSync(dir, { recursive: true, force: true });
  };
  return { ...result, contentDir, remove };
}

/** The real site and the template fixture, served, with one browser tab per width (see openTemplateTabs). */
export interface TemplateTabs {
  /** Opens `path` of the real site (or the fixture) in the tab of `width`, once the network is idle. */
  open: (width: number, path: string, on?: 'site' | 'fixture') => Promise<Page>;
  close: () => Promise<void>;
}

/**
 * Builds the template fixture, serves it beside the real site (`siteDir`) and opens one tab per
 * width in one browser: the setup the layout and accessibility tests share.
 */
export async function openTemplateTabs(siteDir: string, widths: readonly number[], height = 900): Promise<TemplateTabs> {
  const built = buildTemplateFixture();
  if (built.code !== 0) {
    built.remove();
    throw new Error(`The fixture site did not build:\n${built.output}`);
  }
  const [site, fixture] = await Promise.all([serveStatic(siteDir), serveStatic(built.outDir)]);
  const browser = await launchBrowser();
  const tabs = new Map<number, Page>();
  for (const width of widths) {
    const tab = await browser.newPage();
    await tab.setViewportSize({ width, height });
    tabs.set(width, tab);
  }
  return {
    open: async (width, path, on = 'site') => {
      const tab = tabs.get(width)!;
      await tab.goto(`${(on === 'site' ? site : fixture).origin}${path}`, { waitUntil: 'networkidle' });
      return tab;
    },
    close: async () => {
      await browser.close();
      await Promise.all([site.close(), fixture.close()]);
      built.remove();
    },
  };
}
