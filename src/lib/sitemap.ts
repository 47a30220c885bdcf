// sitemap.xml (the sitemaps.org 0.9 protocol), robots.txt, and the committed list of published
// addresses that must keep working.
import { escapeXml } from './feed';

/** The sitemaps.org urlset for absolute page addresses (sorted, each once); the protocol allows 50,000. */
export function sitemapXml(addresses: readonly string[]): string {
  const urls = [...new Set(addresses)].sort();
  if (urls.length > 50_000) throw new Error(`a sitemap holds at most 50,000 addresses, not ${urls.length}`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls.map((u) => `  <url><loc>${escapeXml(u)}</loc></url>`),
    '</urlset>',
    '',
  ].join('\n');
}

/** robots.txt that allows everything and names the sitemap's absolute address. */
export function robotsTxt(sitemapUrl: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${sitemapUrl}\n`;
}

/** A build page's pathname (as Astro's astro:build:done gives it: `studies/cook-2002/`, `` for home) as a site path `/studies/cook-2002/`. */
export function sitePath(pathname: string): string {
  const p = `/${pathname.replace(/^\/+/, '')}`;
  return p.endsWith('/') || /\.[a-z0-9]+$/i.test(p) ? p : `${p}/`;
}

/** Whether a site path is a page for the sitemap: HTML pages only, not the 404 page. */
export function isSitemapPage(path: string): boolean {
  return path.endsWith('/') && path !== '/404/';
}

/** Whether a site path is a published study, review or guide address (list pages and pagination aside). */
export function isPublishedRecordAddress(path: string): boolean {
  return /^\/(studies|guides)\/[^/]+\/$/.test(path) || /^\/reviews\/[^/]+\/(records\/)?$/.test(path);
}

/** The addresses in a published-addresses file: one site path a line; `#` starts a comment. */
export function parseAddressList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/#.*/, '').trim())
    .filter(Boolean);
}

/** The list with the new addresses added (never removing one), sorted, each once, as file text with its header. */
export function mergeAddressList(existing: readonly string[], found: readonly string[]): { text: string; added: string[] } {
  const known = new Set(existing);
  const added = [...new Set(found)].filter((p) => !known.has(p)).sort();
  const all = [...new Set([...existing, ...added])].sort();
  const header = [
    '# Every study, review and guide address this site has published (site paths, without the base path).',
    '# The build adds new ones; none is ever removed: a renamed record must leave a redirect (previous_ids),',
    '# and tests/site/published-addresses.test.ts fails when an address here is missing from the built site.',
    '# The build also adds records not yet committed: remove a line only for an address never deployed (a draft renamed before commit).',
  ];
  return { text: `${[...header, ...all].join('\n')}\n`, added };
}
