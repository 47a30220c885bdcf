// An internal link and anchor checker for a built site folder: every href and src that points into
// the site (relative, root-relative, or absolute on the site's own origin), with or without a
// #fragment, must reach a file, and the fragment an id (or a named anchor) in it.
import fs from 'node:fs';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import type { Element, Root, RootContent } from 'hast';

/** One link that does not resolve. */
export interface BrokenLink {
  /** The page holding the link, relative to the site folder ("about/index.html"). */
  page: string;
  /** The link as written. */
  href: string;
  /** What is missing. */
  problem: 'no such file' | 'no such anchor';
}

/** The attributes that hold a link, by element name (hast property names). */
const linkProps: Record<string, readonly string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  img: ['src'],
  script: ['src'],
  source: ['src'],
  iframe: ['src'],
  audio: ['src'],
  video: ['src', 'poster'],
  track: ['src'],
  embed: ['src'],
  object: ['data'],
  form: ['action'],
  use: ['href', 'xLinkHref'],
  image: ['href', 'xLinkHref'],
};

/** Fragments a browser resolves without any id: the top of the page. */
const builtInFragments = new Set(['', 'top']);

interface Parsed {
  ids: Set<string>;
  links: string[];
}

function walk(node: Root | RootContent, visit: (el: Element) => void): void {
  if (node.type === 'element') {
    visit(node);
    if (node.tagName === 'template' && node.content) walk(node.content, visit);
  }
  if ('children' in node) for (const child of node.children) walk(child, visit);
}

/** The ids (and <a name> anchors) and the link targets of one HTML or SVG document. */
export function parseDocument(html: string): Parsed {
  const ids = new Set<string>();
  const links: string[] = [];
  walk(fromHtml(html), (el) => {
    const { id, name } = el.properties;
    if (typeof id === 'string' && id) ids.add(id);
    if (el.tagName === 'a' && typeof name === 'string' && name) ids.add(name);
    for (const prop of linkProps[el.tagName] ?? []) {
      const value = el.properties[prop];
      if (typeof value === 'string' && value.trim()) links.push(value.trim());
    }
  });
  return { ids, links };
}

/** Every file under `dir`, as paths relative to it with "/" separators. */
function listFiles(dir: string, prefix = ''): string[] {
  return fs.readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((e) => {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    return e.isDirectory() ? listFiles(dir, rel) : [rel];
  });
}

/** The address a built file is served at: "about/index.html" -> "/about/", "404.html" -> "/404.html". */
export function pagePath(file: string): string {
  return `/${file}`.replace(/(^|\/)index\.html$/, '$1');
}

/** Options: the path the site is served under, and origins that count as the site itself. */
export interface LinkCheckOptions {
  base?: string;
  origins?: string[];
}

/** Checks every link in every HTML file under `dir`; returns the broken ones (none: all resolve). */
export function checkLinks(dir: string, options: LinkCheckOptions = {}): BrokenLink[] {
  const base = `/${(options.base ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  const origins = new Set((options.origins ?? []).map((o) => new URL(o).origin));
  const files = new Set(listFiles(dir));
  const parsed = new Map<string, Parsed>();
  const documentOf = (file: string): Parsed => {
    let doc = parsed.get(file);
    if (!doc) parsed.set(file, (doc = parseDocument(fs.readFileSync(path.join(dir, file), 'utf8'))));
    return doc;
  };
  /** The file a site path is served from, as a static host does: a folder gives its index.html. */
  const fileFor = (pathname: string): string | undefined => {
    if (!pathname.startsWith(base)) return undefined;
    const rel = pathname.slice(base.length).replace(/\/+$/, '');
    const candidates = pathname.endsWith('/') ? [`${rel ? `${rel}/` : ''}index.html`] : [rel, `${rel}/index.html`];
    return candidates.find((c) => files.has(c));
  };

  const broken: BrokenLink[] = [];
  for (const page of [...files].filter((f) => f.endsWith('.html')).sort()) {
    const here = new URL(`${base.replace(/\/$/, '')}${pagePath(page)}`, 'http://site.invalid');
    // A link written twice on one page is reported once.
    for (const href of new Set(documentOf(page).links)) {
      let target: URL;
      try {
        target = new URL(href, here);
      } catch {
        broken.push({ page, href, problem: 'no such file' });
        continue;
      }
      const internal = target.origin === here.origin || origins.has(target.origin);
      if (!internal || !/^https?:$/.test(target.protocol)) continue;
      let pathname: string;
      let fragment: string;
      try {
        pathname = decodeURIComponent(target.pathname);
        fragment = decodeURIComponent(target.hash.slice(1));
      } catch {
        broken.push({ page, href, problem: 'no such file' });
        continue;
      }
      const file = target.origin === here.origin && target.pathname === here.pathname ? page : fileFor(pathname);
      if (!file) {
        broken.push({ page, href, problem: 'no such file' });
        continue;
      }
      if (builtInFragments.has(fragment) || !/\.(html|svg)$/.test(file)) continue;
      if (!documentOf(file).ids.has(fragment)) broken.push({ page, href, problem: 'no such anchor' });
    }
  }
  return broken;
}

/** A broken link as one line: page, link and problem. */
export const formatBrokenLink = (b: BrokenLink): string => `${b.page}: ${b.href} (${b.problem})`;
