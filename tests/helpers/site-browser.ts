// The built site (tests/setup/build-site.ts) served on 127.0.0.1 and a Chromium to read it with,
// for the tests of one describe block: started before them, closed after them.
import { afterAll, beforeAll, inject } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { serveStatic, type StaticServer } from './serve';

export interface SiteBrowser {
  /** The served site's origin, e.g. http://127.0.0.1:40123. */
  readonly origin: string;
  /** The browser (one profile for the block). */
  readonly browser: BrowserContext;
  /** A new tab at `path` of the site. */
  open(path: string): Promise<Page>;
}

/** Serves the built site and launches Chromium (with JavaScript unless told; with clipboard access if asked). */
export function builtSiteInBrowser(options: { javaScriptEnabled?: boolean; clipboard?: boolean } = {}): SiteBrowser {
  let server: StaticServer | undefined;
  let browser: BrowserContext | undefined;
  beforeAll(async () => {
    server = await serveStatic(inject('siteDir'));
    browser = await launchBrowser({ javaScriptEnabled: options.javaScriptEnabled ?? true });
    if (options.clipboard) await browser.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const site: SiteBrowser = {
    get origin() {
      return server!.origin;
    },
    get browser() {
      return browser!;
    },
    async open(path) {
      const page = await site.browser.newPage();
      await page.goto(`${site.origin}${path}`);
      return page;
    },
  };
  return site;
}
