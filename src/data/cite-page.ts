// "Cite this page": APA and BibTeX for any page of the site, with the release and commit it was built from.
import { citePageText, pageCitationKey, type PageCitationInput } from '../lib/page-citation';
import { isLocalUrl } from '../lib/metadata';
import { absoluteUrl } from './url';
import { buildDate, buildInfo, siteAuthors, siteName } from './site';

/** A page's citations and what they were made from. */
export interface PageCitation {
  apa: string;
  bibtex: string;
  /** The page's absolute address. */
  url: string;
  /** Whether the address may be called stable: false for a localhost or 127.0.0.1 address (a local build). */
  stable: boolean;
  /** The citation's input, so the copy script can rebuild it with the reader's access date. */
  input: PageCitationInput;
}

/** APA and BibTeX citations of the page at `path`. `date` is the page's last change, YYYY-MM-DD; the
 *  access date printed is the build date, which the copy script replaces with the reader's day. */
export function citePage(path: string, title: string, date: string): PageCitation {
  const address = absoluteUrl(path);
  const input: PageCitationInput = {
    title,
    siteName,
    authors: siteAuthors,
    url: address,
    date,
    version: buildInfo.version,
    commit: buildInfo.commit,
    accessed: buildDate,
    key: pageCitationKey(path),
  };
  return { ...citePageText(input), url: address, stable: !isLocalUrl(address), input };
}
