// Joining a base path and a site path without doubled or missing slashes.

/** `joinBase('/rapport/', '/studies/')` -> `/rapport/studies/`. */
export function joinBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base.slice(0, -1) : base;
  return `${b}${path.startsWith('/') ? path : `/${path}`}`;
}

/** Turns a site path such as `/studies/cook-2002/` into the address a page links to (src/data/url.ts `url` or `absoluteUrl`). */
export type SiteLink = (path: string) => string;
