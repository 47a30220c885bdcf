// "Cite this page": one APA 7 reference and one BibTeX entry for a page of the site. Pure and
// dependency-free, so the copy script (src/scripts/copy-citation.ts) can rebuild the citation with the
// reader's own access date without a copy of these rules.

/** What a page citation is made from. Dates are YYYY-MM-DD. */
export interface PageCitationInput {
  /** The page's title, without the site's name. */
  title: string;
  /** The site's name (the "website" of an APA reference); left out when the page is the site itself. */
  siteName: string;
  /** Group or personal authors; a personal author is "Family, Given". */
  authors: readonly string[];
  /** The page's absolute address. */
  url: string;
  /** When the page last changed. */
  date: string;
  /** The site's release (package.json version), e.g. "0.1.0". */
  version: string;
  /** The git commit the site was built from (short hash), or null when unknown. */
  commit: string | null;
  /** When the reader saw the page. */
  accessed: string;
  /** The BibTeX key. */
  key: string;
}

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** BibTeX's month macros, `jan` ... `dec`, written without braces. */
const bibtexMonths = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Year, month (1-12) and day of a YYYY-MM-DD date; throws on anything else. */
function dateParts(date: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw new Error(`not a YYYY-MM-DD date: "${date}"`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** "December 1, 2026". */
export function formatLongDate(date: string): string {
  const [y, m, d] = dateParts(date);
  return `${months[m - 1]} ${d}, ${y}`;
}

/** "Version 0.1.0, commit 44c7cdb" (or without the commit when it is not known). */
export function versionLabel(version: string, commit: string | null): string {
  return commit ? `Version ${version}, commit ${commit}` : `Version ${version}`;
}

/** APA author list: "Family, G." for a personal name, the name itself for a group; "A, B, & C". */
function apaAuthors(authors: readonly string[]): string {
  const names = authors.map((a) => {
    const group = /^\{(.+)\}$/.exec(a.trim());
    if (group?.[1]) return group[1];
    const [family = a, given] = a.split(/,\s*/, 2);
    if (!given) return a;
    const initials = given
      .split(/[\s.]+/)
      .filter(Boolean)
      .map((g) => `${g[0]!.toUpperCase()}.`)
      .join(' ');
    return `${family}, ${initials}`;
  });
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')}, & ${names.at(-1)!}`;
}

/** Ends a sentence with one full stop. */
const sentence = (s: string) => (/[.?!]$/.test(s) ? s : `${s}.`);

/** The APA 7 reference of a web page that changes over time (so with its retrieval date), on one line:
 *  `Rapport contributors. (2026, December 1). About (Version 0.1.0, commit 44c7cdb). Rapport. Retrieved December 1, 2026, from https://…`.
 *  When the title is the site's name, the site's name is not repeated. */
export function formatPageApa(p: PageCitationInput): string {
  const [y, m, d] = dateParts(p.date);
  const title = p.title.trim();
  const site = title === p.siteName ? '' : ` ${sentence(p.siteName)}`;
  return `${sentence(apaAuthors(p.authors))} (${y}, ${months[m - 1]} ${d}). ${title} (${versionLabel(p.version, p.commit)}).${site} Retrieved ${formatLongDate(p.accessed)}, from ${p.url}`;
}

/** Text safe inside a braced BibTeX value: the special characters escaped, so braces always balance. */
export function escapeBibtex(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(
      /[\\{}&%$#_~^]/g,
      (c) => ({ '\\': '\\textbackslash{}', '~': '\\textasciitilde{}', '^': '\\textasciicircum{}' })[c] ?? `\\${c}`,
    );
}

/** A BibTeX author: a group name in its own braces (so it is not split into given and family names). */
const bibtexAuthor = (a: string) => (a.includes(',') ? escapeBibtex(a) : `{${escapeBibtex(a)}}`);

/** One `@misc` BibTeX entry for the page: `month` as BibTeX's unbraced macro (`dec`), the access date
 *  as biblatex's `urldate` and in `note` for classic BibTeX styles, with the version and commit. */
export function formatPageBibtex(p: PageCitationInput): string {
  const [y, m] = dateParts(p.date);
  const title = p.title.trim();
  const fields: [string, string][] = [
    ['author', `{${p.authors.map(bibtexAuthor).join(' and ')}}`],
    ['title', `{{${escapeBibtex(title)}}}`],
  ];
  if (title !== p.siteName) fields.push(['howpublished', `{${escapeBibtex(p.siteName)}}`]);
  fields.push(
    ['year', `{${y}}`],
    ['month', bibtexMonths[m - 1]!],
    ['version', `{${escapeBibtex(p.version)}}`],
    ['url', `{${p.url.replace(/[{}\s]/g, encodeURIComponent)}}`],
    ['urldate', `{${p.accessed}}`],
    ['note', `{${escapeBibtex(`${versionLabel(p.version, p.commit)}. Accessed ${p.accessed}`)}}`],
  );
  return `@misc{${p.key},\n${fields.map(([k, v]) => `  ${k} = ${v},`).join('\n')}\n}`;
}

/** A BibTeX key for a site path: `rapport-about`, `rapport-studies-cook-2002`, `rapport-home` for `/`. */
export function pageCitationKey(path: string): string {
  return `rapport-${
    path
      .replace(/[^a-z0-9]+/gi, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase() || 'home'
  }`;
}

/** Both citations of a page. */
export function citePageText(p: PageCitationInput): { apa: string; bibtex: string } {
  return { apa: formatPageApa(p), bibtex: formatPageBibtex(p) };
}

/** APA 7 reference of a release of the site's software and data, e.g.
 *  `Rapport contributors. (2026). Rapport (Version 0.1.0) [Computer software and data set]. https://…/releases/tag/v0.1.0`. */
export function formatReleaseApa(r: { authors: readonly string[]; title: string; version: string; year: number; url: string }): string {
  return `${sentence(apaAuthors(r.authors))} (${r.year}). ${r.title} (Version ${r.version}) [Computer software and data set]. ${r.url}`;
}
