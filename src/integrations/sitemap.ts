// After the build (astro:build:done): sitemap.xml of every page from the real SITE_URL, and the
// committed list of published study, review and guide addresses grown by the new ones.
import type { AstroIntegration } from 'astro';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isPublishedRecordAddress, isSitemapPage, sitemapXml, sitePath } from '../lib/sitemap';
import { joinBase } from '../lib/paths';
import { addPublishedAddresses, buildsProjectContent } from '../loaders/published-addresses';

/** Whether a built page is a redirect left by a renamed record (Astro writes a meta refresh page). */
function isRedirectPage(file: string): boolean {
  if (!fs.existsSync(file)) return false;
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(1024);
    const n = fs.readSync(fd, head, 0, head.length, 0);
    return /http-equiv="refresh"/i.test(head.subarray(0, n).toString('utf8'));
  } finally {
    fs.closeSync(fd);
  }
}

export default function sitemap(): AstroIntegration {
  let site = 'http://localhost:4321';
  let base = '/';
  return {
    name: 'rapport-sitemap',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ?? site;
        base = config.base;
      },
      'astro:build:done': ({ dir, pages, logger }) => {
        const out = fileURLToPath(dir);
        const paths = [...new Set(pages.map((p) => sitePath(p.pathname)))];
        const pageFile = (p: string) => path.join(out, p, 'index.html');
        const redirects = new Set(paths.filter((p) => p.endsWith('/') && isRedirectPage(pageFile(p))));
        const pagesForMap = paths.filter((p) => isSitemapPage(p) && !redirects.has(p));
        const absolute = (p: string) => new URL(joinBase(base, p), site).href;
        fs.writeFileSync(path.join(out, 'sitemap.xml'), sitemapXml(pagesForMap.map(absolute)));
        logger.info(`sitemap.xml lists ${pagesForMap.length} pages`);
        if (buildsProjectContent()) {
          const added = addPublishedAddresses(paths.filter(isPublishedRecordAddress));
          if (added.length > 0) logger.info(`published-addresses.txt: added ${added.join(', ')}`);
        }
      },
    },
  };
}
