// The committed list of published addresses (published-addresses.txt at the project root): read by the
// build, which adds the new ones, and by the test that every address on it still works.
import fs from 'node:fs';
import path from 'node:path';
import { contentDir, projectRoot } from './content-dir';
import { mergeAddressList, parseAddressList } from '../lib/sitemap';

/** Where the list lives. */
export const publishedAddressesFile = (root = projectRoot()) => path.join(root, 'published-addresses.txt');

/** The site paths on the list (empty when there is no list yet). */
export function readPublishedAddresses(file = publishedAddressesFile()): string[] {
  return fs.existsSync(file) ? parseAddressList(fs.readFileSync(file, 'utf8')) : [];
}

/** Whether this build publishes the project's own content (CONTENT_DIR is the project's `content`):
 *  only then does the list grow, so test fixtures and benchmark datasets never enter it. */
export function buildsProjectContent(root = projectRoot()): boolean {
  return contentDir() === path.resolve(root, 'content');
}

/** Adds the addresses not yet on the list; returns those added. Writes only when something was added. */
export function addPublishedAddresses(found: readonly string[], file = publishedAddressesFile()): string[] {
  const { text, added } = mergeAddressList(readPublishedAddresses(file), found);
  if (added.length > 0 || !fs.existsSync(file)) fs.writeFileSync(file, text);
  return added;
}

/** The listed addresses a built site lacks: no `index.html` (a page, or the redirect a renamed record leaves) at the path. */
export function missingPublishedAddresses(addresses: readonly string[], outDir: string): string[] {
  return addresses.filter((p) => !fs.existsSync(path.join(outDir, p, 'index.html')));
}
