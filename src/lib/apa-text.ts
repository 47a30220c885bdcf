// A fast path for the APA 7 text that citeproc (through citation-js) writes for a journal article.
// citeproc takes about 3 ms a reference, which at 10,000 study pages is most of a build, so the
// common, plain shapes are written here directly; anything else (particles, unusual initials,
// quotes, page ranges in other forms, more than 19 authors) returns undefined and goes to citeproc.
// tests/lib/apa-text.test.ts checks this against citeproc on the real records and on generated ones.
import type { CslItem } from './bibliography/csl';

type Name = { family?: string; given?: string; literal?: string };

/** A capitalised family name: "Chen", "McLaren", "García", "Smith-Jones". */
const familyPattern = /^\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)*(?:-\p{Lu}\p{Ll}+)?$/u;
/** One given name or initial: "Jonathan", "E.", "Marie-Sophie", "J.-P.". */
const givenPart = /^(?:\p{Lu}\p{Ll}+|\p{Lu}\.)(?:-(?:\p{Lu}\p{Ll}+|\p{Lu}\.))?$/u;
/** Title text with nothing citeproc rewrites (no quotes, apostrophes, ampersands, dashes next to spaces, no closing colon). */
const plainText = /^[\p{L}\p{N}](?:[\p{L}\p{N},:;()]|[ .-](?=[\p{L}\p{N}(]))*[\p{L}\p{N})]$/u;
/** Small words APA's title case leaves in lower case inside a journal's name. */
const journalSmallWords = new Set(['and', 'of', 'the', 'in', 'for', 'on']);
/** A journal name that APA's title case leaves as it is: capitalised words (and small words after the first), no hyphens. */
const plainJournal = (journal: string) =>
  journal.split(' ').every((w, i) => /^\p{Lu}[\p{L}\p{N}]*,?$/u.test(w) || (i > 0 && journalSmallWords.has(w)));
const number = /^[1-9]\d{0,5}$/;
const doiPattern = /^10\.\d{4,9}\/[A-Za-z0-9._/-]+[A-Za-z0-9]$/;

/** "E." for "Ernest", "M.-S." for "Marie-Sophie"; undefined when the given name is not plain. */
function initials(given: string): string | undefined {
  const parts = given.split(' ');
  if (!parts.every((p) => givenPart.test(p))) return undefined;
  return parts
    .map((p) =>
      p
        .split('-')
        .map((g) => `${g[0]!}.`)
        .join('-'),
    )
    .join(' ');
}

function authorList(names: readonly Name[]): string | undefined {
  if (names.length < 1 || names.length > 19) return undefined;
  const out: string[] = [];
  for (const n of names) {
    if (n.literal !== undefined || !n.family || !n.given || !familyPattern.test(n.family)) return undefined;
    const i = initials(n.given);
    if (!i) return undefined;
    out.push(`${n.family}, ${i}`);
  }
  return out.length === 1 ? out[0] : `${out.slice(0, -1).join(', ')}, & ${out.at(-1)!}`;
}

/** Page text as citeproc writes it: "e31", "13", "29–35" (a range in full, lower number first). */
function pageText(page: string): string | undefined {
  if (/^e?[1-9]\d{0,5}$/.test(page)) return page;
  const range = /^([1-9]\d{0,5})-([1-9]\d{0,5})$/.exec(page);
  if (!range || range[1]!.length !== range[2]!.length || Number(range[2]) <= Number(range[1])) return undefined;
  return `${range[1]}–${range[2]}`;
}

/** The APA 7 reference citeproc would write for a plain journal article, or undefined to ask citeproc. */
export function plainArticleApa(item: CslItem & { id: string; type: string }): string | undefined {
  const known = new Set(['id', 'type', 'title', 'author', 'issued', 'container-title', 'volume', 'issue', 'page', 'DOI', 'PMID', 'PMCID']);
  if (item.type !== 'article-journal' || Object.keys(item).some((k) => !known.has(k))) return undefined;
  const title = item['title'];
  const journal = item['container-title'];
  const year = (item['issued'] as { 'date-parts'?: unknown[][] } | undefined)?.['date-parts'];
  if (typeof title !== 'string' || typeof journal !== 'string' || !Array.isArray(year) || year.length !== 1 || year[0]!.length !== 1)
    return undefined;
  const y = year[0]![0];
  if (typeof y !== 'number' || !Number.isInteger(y) || y < 1000 || y > 2999) return undefined;
  const names = authorList((item['author'] as Name[] | undefined) ?? []);
  if (!names) return undefined;
  // A title may end with a question mark or a full stop; citeproc then adds no full stop of its own.
  const titleBody = /[?.]$/.test(title) ? title.slice(0, -1) : title;
  if (!plainText.test(titleBody) || !plainJournal(journal) || /,$/.test(journal)) return undefined;
  const { volume, issue, page, DOI: doi } = item as { volume?: unknown; issue?: unknown; page?: unknown; DOI?: unknown };
  if (volume !== undefined && (typeof volume !== 'string' || !number.test(volume))) return undefined;
  if (issue !== undefined && (typeof issue !== 'string' || !number.test(issue))) return undefined;
  if (doi !== undefined && (typeof doi !== 'string' || !doiPattern.test(doi))) return undefined;
  let pages: string | undefined;
  if (page !== undefined) {
    pages = typeof page === 'string' ? pageText(page) : undefined;
    if (!pages) return undefined;
  }
  let source = journal;
  if (volume !== undefined) source += `, ${volume}${issue !== undefined ? `(${issue})` : ''}`;
  else if (issue !== undefined) source += `, (${issue})`;
  if (pages) source += `, ${pages}`;
  const end = title === titleBody ? '.' : title.slice(-1);
  return `${names} (${y}). ${titleBody}${end} ${source}.${doi ? ` https://doi.org/${doi}` : ''}`;
}
