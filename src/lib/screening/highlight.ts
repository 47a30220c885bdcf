// Highlight terms in a record's title and abstract, as plain segments: the browser builds text
// nodes and <mark> elements from them, so record text is never parsed as HTML.
//
// A term matches at the start of a word, case- and accent-insensitively, and to the end of that
// word when it ends in `*` (`therap*` marks "therapy" and "therapist"); without `*` it must end at
// a word boundary too (`chat` marks "chat", not "chatbot"). A term of several words matches them
// with any run of spaces or punctuation between. Overlapping matches: the earliest, then longest, wins.

/** A run of text, marked when it matched a term. */
export interface Segment {
  text: string;
  /** The term (as given) that matched; absent for unmarked text. */
  term?: string;
}

/** Text folded for matching, one UTF-16 unit per unit of the original so offsets line up. */
function fold(text: string): string {
  let out = '';
  for (const ch of text) {
    const base = ch.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    // Keep the original length so a match's offsets are offsets into `text`.
    out += base.length === ch.length ? base : ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch;
  }
  return out;
}

const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

/** Cleans a list of terms: trimmed, blanks and duplicates dropped, longest first. */
export function normaliseTerms(terms: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of terms) {
    const term = raw.trim().replace(/\s+/g, ' ');
    const key = fold(term);
    if (!term || term === '*' || seen.has(key)) continue;
    seen.add(key);
    out.push(term);
  }
  return out.sort((a, b) => b.length - a.length || a.localeCompare(b));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A matcher for one term over folded text. */
function termPattern(term: string): RegExp {
  const prefix = term.endsWith('*');
  const words = fold(prefix ? term.slice(0, -1) : term)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map(escapeRegExp);
  const body = words.join('[^\\p{L}\\p{N}]+');
  return new RegExp(prefix ? `${body}[\\p{L}\\p{N}]*` : body, 'gu');
}

/** Splits `text` into unmarked and marked segments for `terms`; the segments' texts join to `text`. */
export function highlightSegments(text: string, terms: readonly string[]): Segment[] {
  const cleaned = normaliseTerms(terms);
  if (cleaned.length === 0 || text === '') return text === '' ? [] : [{ text }];
  const folded = fold(text);
  const matches: { start: number; end: number; term: string }[] = [];
  for (const term of cleaned) {
    const pattern = termPattern(term);
    if (pattern.source === '' || pattern.source === '[\\p{L}\\p{N}]*') continue;
    for (const m of folded.matchAll(pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      if (m[0].length === 0) continue;
      if (isWordChar(folded[start - 1]) || isWordChar(folded[end])) continue;
      matches.push({ start, end, term });
    }
  }
  matches.sort((a, b) => a.start - b.start || b.end - a.end);
  const segments: Segment[] = [];
  let at = 0;
  for (const match of matches) {
    if (match.start < at) continue;
    if (match.start > at) segments.push({ text: text.slice(at, match.start) });
    segments.push({ text: text.slice(match.start, match.end), term: match.term });
    at = match.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at) });
  return segments;
}
