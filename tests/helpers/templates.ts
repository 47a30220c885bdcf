// Every kind of page the site builds, for the browser tests that check each template (layout at
// phone widths, axe): the real site's pages, and a fixture site for the templates the real content
// does not have yet (a records ledger, a second page of the explorer).
import fs from 'node:fs';
import path from 'node:path';
import { buildSite, tempDir, type BuildResult } from './build';
import { writeSyntheticContent } from '../../scripts/lib/synthetic';

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
