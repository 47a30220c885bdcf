// Duplicate detection across search sources.
//
// The rule, applied in this order:
//   1. doi   — two records with the same DOI are the same report.
//   2. pmid  — two records with the same PubMed ID are the same report,
//              unless both already carry DOIs and the DOIs differ.
//   3. title — two records with the same normalised title (lower case; diacritics, punctuation
//              and whitespace removed), the same year and the same first author's family name
//              (normalised the same way) are the same report, unless their DOIs differ or their
//              PMIDs differ (then they are distinct reports that share a title, such as a
//              conference abstract and the article).
// Matches are transitive: records joined through a third record form one group, and the
// "unless" checks apply to the whole group. The first record of a group in input order is kept;
// the others are duplicates of it. A record missing a title, year or first author is never
// matched by rule 3.
import type { BibRecord } from '../bibliography';
import { familyName } from '../format';

/** The rule that found a duplicate. */
export type DuplicateRule = 'doi' | 'pmid' | 'title';

/** A record removed as a duplicate of a kept one. */
export interface Duplicate {
  record: BibRecord;
  /** Key of the kept record. */
  of: string;
  /** The rule that joined this record to the kept record's group. */
  rule: DuplicateRule;
}

/** The result of duplicate detection. */
export interface Deduplication {
  /** Kept records, one per group, in input order. */
  unique: BibRecord[];
  /** Removed records, in input order. */
  duplicates: Duplicate[];
  /** Every record key (kept or removed) → the key of its group's kept record. */
  aliases: Record<string, string>;
  /** Kept record key → every DOI and PMID its group carries (for matching records to studies). */
  identifiers: Record<string, { dois: string[]; pmids: string[] }>;
  /** Old positional key (`psycinfo-7`) of a record keyed by its content → that record's key: still accepted in screening logs, with a warning. */
  positional: Record<string, string>;
}

/** Lower case, without diacritics, punctuation, markup or whitespace: `Évaluation: e-Therapy!` → `evaluationetherapy`. */
export function normaliseTitle(title: string): string {
  return title
    .replace(/<[^>]+>/g, '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** The family name of a `"Family, Given"` author, normalised like a title. */
function familyOf(author: string | undefined): string {
  return normaliseTitle(familyName(author));
}

/** The rule-3 key of a record (title, year, first author); null when one of the three is missing. */
export function titleKey(record: BibRecord): string | null {
  const title = normaliseTitle(record.title);
  const family = familyOf(record.authors[0]);
  if (!title || record.year === null || !family) return null;
  return `${title}|${record.year}|${family}`;
}

interface Group {
  members: number[];
  dois: Set<string>;
  pmids: Set<string>;
}

const conflicts = (a: Set<string>, b: Set<string>) => a.size > 0 && b.size > 0 && ![...a].some((x) => b.has(x));

/** Finds duplicate records across sources (see the rule at the top of this file). */
export function dedupeRecords(records: readonly BibRecord[]): Deduplication {
  const parent = records.map((_, i) => i);
  const groups = new Map<number, Group>(
    records.map((r, i) => [i, { members: [i], dois: new Set(r.doi ? [r.doi] : []), pmids: new Set(r.pmid ? [r.pmid] : []) }]),
  );
  const rules: (DuplicateRule | null)[] = records.map(() => null);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] ?? i;
    return i;
  };
  const join = (a: number, b: number, rule: DuplicateRule) => {
    let ra = find(a);
    let rb = find(b);
    if (ra === rb) return;
    if (rb < ra) [ra, rb] = [rb, ra];
    const ga = groups.get(ra);
    const gb = groups.get(rb);
    if (!ga || !gb) return;
    if (rule !== 'doi' && conflicts(ga.dois, gb.dois)) return;
    if (rule === 'title' && conflicts(ga.pmids, gb.pmids)) return;
    parent[rb] = ra;
    for (const m of gb.members) {
      ga.members.push(m);
      rules[m] ??= rule;
    }
    gb.dois.forEach((d) => ga.dois.add(d));
    gb.pmids.forEach((p) => ga.pmids.add(p));
    groups.delete(rb);
  };
  const byRule: [DuplicateRule, (r: BibRecord) => string | null | undefined][] = [
    ['doi', (r) => r.doi],
    ['pmid', (r) => r.pmid],
    ['title', titleKey],
    // Records keyed by their content under one key are one record, whatever the title rule makes of them.
    ['title', (r) => (r.positionKey ? r.key : null)],
  ];
  for (const [rule, keyOf] of byRule) {
    const firstWith = new Map<string, number>();
    records.forEach((record, i) => {
      const key = keyOf(record);
      if (!key) return;
      const seen = firstWith.get(key);
      if (seen === undefined) firstWith.set(key, i);
      else join(seen, i, rule);
    });
  }

  const result: Deduplication = { unique: [], duplicates: [], aliases: {}, identifiers: {}, positional: {} };
  records.forEach((record, i) => {
    const root = find(i);
    const kept = records[root];
    if (!kept) return;
    result.aliases[record.key] ??= kept.key;
    if (record.positionKey) result.positional[record.positionKey] ??= record.key;
    if (root === i) {
      result.unique.push(record);
      const group = groups.get(root);
      result.identifiers[record.key] = { dois: [...(group?.dois ?? [])], pmids: [...(group?.pmids ?? [])] };
    } else {
      result.duplicates.push({ record, of: kept.key, rule: rules[i] ?? 'title' });
    }
  });
  return result;
}
