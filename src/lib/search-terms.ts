// Search words of the field: the synonyms Pagefind does not know (it stems English words, but
// "videoconferencing" and "videoconference" keep different stems, and it has no synonym list),
// the query variants they give, and how the results of several variants are merged.

/** Groups of words and phrases that name the same delivery of e-therapy; lower case. */
export const searchSynonyms: readonly (readonly string[])[] = [
  ['videoconference', 'videoconferencing', 'video conference', 'video conferencing', 'video-conferencing', 'video'],
  ['email', 'e-mail', 'emails', 'e-mails', 'electronic mail'],
  ['internet-based', 'internet based', 'online', 'web-based', 'internet'],
  ['telephone', 'phone', 'telephone-based'],
  ['chat', 'online chat', 'instant messaging'],
  ['virtual reality', 'virtual-reality', 'vr'],
];

/** At most this many variants of one query are searched (the query itself first). */
export const maxSearchVariants = 8;

interface Match {
  group: readonly string[];
  index: number;
  length: number;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The first place `phrase` occurs in `query` as whole words (not inside a longer word). */
function findPhrase(query: string, phrase: string): { index: number; length: number } | null {
  const match = new RegExp(`(^|[^\\p{L}\\p{N}-])(${escape(phrase)})(?=$|[^\\p{L}\\p{N}-])`, 'iu').exec(query);
  return match ? { index: match.index + (match[1]?.length ?? 0), length: phrase.length } : null;
}

/** The synonym phrases in a query: per group its longest member found; overlaps go to the longer phrase. */
function findSynonyms(query: string): Match[] {
  const found: Match[] = [];
  for (const group of searchSynonyms) {
    let best: Match | null = null;
    for (const phrase of group) {
      const at = findPhrase(query, phrase);
      if (at && (!best || at.length > best.length)) best = { group, ...at };
    }
    if (best) found.push(best);
  }
  found.sort((a, b) => b.length - a.length);
  const kept: Match[] = [];
  for (const m of found) if (kept.every((k) => m.index + m.length <= k.index || k.index + k.length <= m.index)) kept.push(m);
  return kept.sort((a, b) => a.index - b.index);
}

/**
 * The queries to search for one query typed: the query itself, then the same words with each
 * synonym phrase swapped for the others of its group ("e-mail therapy" -> "email therapy", …);
 * at most `maxSearchVariants`, no two alike in lower case. An empty query gives none.
 */
export function searchVariants(query: string): string[] {
  const q = query.trim().replace(/\s+/g, ' ');
  if (!q) return [];
  let variants = [q];
  // Right to left, so the earlier matches' positions stay valid while a later one is swapped.
  for (const m of findSynonyms(q).reverse()) {
    const next: string[] = [];
    for (const v of variants) {
      const own = v.slice(m.index, m.index + m.length);
      next.push(v);
      for (const phrase of m.group) if (phrase !== own.toLowerCase()) next.push(v.slice(0, m.index) + phrase + v.slice(m.index + m.length));
    }
    variants = next;
  }
  const seen = new Set<string>();
  return variants.filter((v) => !seen.has(v.toLowerCase()) && seen.add(v.toLowerCase())).slice(0, maxSearchVariants);
}

/** Results of several searches as one list: each id once, with its best score, best first (ties keep their first order). */
export function mergeResults<T extends { id: string; score: number }>(lists: readonly (readonly T[])[]): T[] {
  const best = new Map<string, T>();
  for (const list of lists)
    for (const r of list) {
      const seen = best.get(r.id);
      if (!seen || r.score > seen.score) best.set(r.id, r);
    }
  const first = new Map([...best.keys()].map((id, i) => [id, i]));
  return [...best.values()].sort((a, b) => b.score - a.score || (first.get(a.id) ?? 0) - (first.get(b.id) ?? 0));
}
