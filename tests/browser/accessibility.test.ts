// axe-core over every kind of page: no WCAG 2.2 A or AA violation.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { axeViolations, chromiumPath, launchBrowser } from '../helpers/browser';
import { serveStatic, type StaticServer } from '../helpers/serve';

const site = inject('siteDir');
const guides = fs.existsSync(path.join(site, 'guides'))
  ? fs
      .readdirSync(path.join(site, 'guides'), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => `/guides/${e.name}/`)
  : [];
const pages = [
  '/',
  '/studies/',
  '/studies/?modality=videoconference',
  '/studies/cook-2002/',
  '/studies/manchanda-1998/',
  '/reviews/',
  '/reviews/sucala-2012/',
  '/search/?q=alliance',
  '/synthesis/',
  '/about/',
  ...(guides.length ? ['/guides/', ...guides] : []),
];

describe.skipIf(!chromiumPath)('accessibility (axe-core, WCAG 2.2 AA)', () => {
  let server: StaticServer;
  let browser: BrowserContext;
  beforeAll(async () => {
    server = await serveStatic(site);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test.each(pages)('%s has no violations', async (pagePath) => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}${pagePath}`, { waitUntil: 'networkidle' });
    const violations = await axeViolations(page);
    await page.close();
    expect(
      violations.map(
        (v) =>
          `${v.id} (${v.impact}): ${v.help} at ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(', ')}`,
      ),
    ).toEqual([]);
  });
});
