// Links in records become <a href> on the site: only web addresses may be written there, so a
// record cannot carry a `javascript:` or `data:` link (the schema's url() accepts any scheme).
import type { Review, Study } from '../../schemas';
import type { Loaded } from './cross-checks';
import type { Problem } from './problem';

/** True for an http or https address. */
export function isWebAddress(url: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

/** Every source address that is not http(s), as a problem on its field. */
export function checkLinks(studies: readonly Loaded<Study>[], reviews: readonly Loaded<Review>[]): Problem[] {
  const problems: Problem[] = [];
  const check = (file: string, path: string, url: string) => {
    if (!isWebAddress(url)) {
      const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(url)?.[1];
      problems.push({ file, path, message: `must be a web address starting with https:// or http://${scheme ? ` (got a "${scheme}:" address)` : ''}`, severity: 'error' });
    }
  };
  for (const { file, data } of studies) data.provenance.sources.forEach((s, i) => check(file, `provenance.sources[${i}].url`, s.url));
  for (const { file, data } of reviews) data.sources.forEach((s, i) => check(file, `sources[${i}].url`, s.url));
  return problems;
}
