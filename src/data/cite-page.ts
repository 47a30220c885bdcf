// "Cite this page": APA and BibTeX for any page of the site.
import { formatApa, formatBibtex, pageToCsl } from '../lib/citation';
import { absoluteUrl } from './url';
import { siteAuthors, siteName } from './site';

/** APA and BibTeX citations of the page at `path`. `date` is YYYY-MM-DD. */
export function citePage(path: string, title: string, date: string): { apa: string; bibtex: string; url: string } {
  const address = absoluteUrl(path);
  const id = `rapport-${path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home'}`;
  const item = pageToCsl({ id, title, url: address, container: siteName, authors: siteAuthors, issued: date });
  return { apa: formatApa(item), bibtex: formatBibtex(item), url: address };
}
