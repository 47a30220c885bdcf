// Stable record keys (issue 12): a record without a DOI or PMID is named from its content, so the
// key is the same on every machine and whatever order the export lists the records in.
//
// The content key, frozen here (a change would orphan every vote written with the old keys, so the
// normalisation is written out in this file rather than borrowed, and tests pin exact keys):
//   t:<family>-<year>-<hash>
//   family  the first author's family name (the text before the comma; an organisation's whole
//           name), normalised, cut to 24 characters; `anon` when there is no author
//   year    the four-digit year; `nd` when there is none
//   hash    12 hex digits (48 bits) of FNV-1a-64 over `<title>|<year>|<family>`, each normalised
// Normalised: Unicode NFKD, combining marks and markup tags removed, lower case (locale-free), only
// letters and digits kept. So `Évaluation: e-Therapy!` and `evaluation e therapy` name one record.
// Two records that share title, year and first author get the same key, as the duplicate rule
// (src/lib/prisma/dedupe.ts, rule 3) joins them anyway.

/** The fields a content key is made from. */
export interface KeyFields {
  title: string;
  year: number | null;
  /** Authors in order, each `"Family, Given"`. */
  authors: readonly string[];
  doi?: string | undefined;
  pmid?: string | undefined;
}

/** Letters and digits only, lower case, accents and tags removed: `Évaluation: e-Therapy!` → `evaluationetherapy`. */
export function normaliseKeyText(text: string): string {
  return text
    .replace(/<[^>]+>/g, '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** FNV-1a 64-bit hash of the UTF-8 bytes of `text`, as 16 hex digits (four 16-bit limbs: no BigInt, fast on 25,000 records). */
export function fnv1a64(text: string): string {
  // offset basis 0xcbf29ce484222325, low limb first; prime 0x100000001b3 = 2^40 + 0x1b3
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (const byte of new TextEncoder().encode(text)) {
    h0 ^= byte;
    const t0 = h0 * 0x1b3;
    let t1 = h1 * 0x1b3;
    let t2 = h2 * 0x1b3;
    let t3 = h3 * 0x1b3;
    t2 += h0 << 8;
    t3 += h1 << 8;
    t1 += t0 >>> 16;
    h0 = t0 & 0xffff;
    t2 += t1 >>> 16;
    h1 = t1 & 0xffff;
    h3 = (t3 + (t2 >>> 16)) & 0xffff;
    h2 = t2 & 0xffff;
  }
  return [h3, h2, h1, h0].map((h) => h.toString(16).padStart(4, '0')).join('');
}

/** The first author's family name, normalised (empty when there is no author). */
function firstFamily(authors: readonly string[]): string {
  const first = authors[0] ?? '';
  return normaliseKeyText(first.split(',')[0] ?? '');
}

/** The content key of a record: `t:<family>-<year>-<12 hex>` (see the top of this file). */
export function contentKey(fields: Pick<KeyFields, 'title' | 'year' | 'authors'>): string {
  const family = firstFamily(fields.authors);
  const year = fields.year === null ? 'nd' : String(fields.year);
  const hash = fnv1a64(`${normaliseKeyText(fields.title)}|${year}|${family}`).slice(0, 12);
  return `t:${family.slice(0, 24) || 'anon'}-${year}-${hash}`;
}

/** A record's stable key: its bare lower-case DOI, else `pmid:<n>`, else its content key. */
export function stableKey(fields: KeyFields): string {
  if (fields.doi) return fields.doi.toLowerCase();
  if (fields.pmid) return `pmid:${fields.pmid}`;
  return contentKey(fields);
}

/** True for a key of the content form (`t:...`). */
export function isContentKey(key: string): boolean {
  return /^t:[\p{L}\p{N}]+-(?:\d{4}|nd)-[0-9a-f]{12}$/u.test(key);
}

/** One positional key (`psycinfo-7`) and the stable key that replaces it. */
export interface KeyMigration {
  from: string;
  to: string;
}

/**
 * The old positional keys (`<source>-<n>`) of the records keyed by their content, and the stable
 * keys that replace them, in input order: what a screening log still written with positional keys
 * must be rewritten to (validate names each such vote with its replacement).
 */
export function keyMigrations(records: readonly { key: string; positionKey?: string | undefined }[]): KeyMigration[] {
  return records.flatMap((r) => (r.positionKey && isContentKey(r.key) ? [{ from: r.positionKey, to: r.key }] : []));
}
