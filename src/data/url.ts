// Site-relative addresses that respect the configured base path (BASE_PATH).
import { joinBase } from '../lib/paths';

/** The address of a site path such as `/studies/cook-2002/` under the base path. */
export function url(path: string): string {
  return joinBase(import.meta.env.BASE_URL, path);
}

/** The absolute public address of a site path (for citations). */
export function absoluteUrl(path: string): string {
  return new URL(url(path), import.meta.env.SITE).href;
}
