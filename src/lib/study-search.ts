// What the search index holds for a study page, made from the study's record rather than read back
// from the built page, so the build can index the studies while it renders them
// (src/integrations/pagefind.ts). The text is the study's own facts with their labels, from the same
// rows as the page (src/lib/study-facts.ts): the furniture every study page shares (headings, table
// heads, explanations, the reviews and guides it appears in) is not in it, so a search finds a study
// by what is particular to it. The filters, sort keys and metadata are the explorer's (facets.ts,
// explorer.ts).
import type { Study } from '../schemas';
import { raterLabels } from './labels';
import { studyFilters } from './facets';
import { studyRow } from './explorer';
import { instrumentName } from './format';
import { allianceFactRows, studyFactRows } from './study-facts';
import { describeEffect } from './study-view';

/** A page of the search index given as data: Pagefind's custom record. */
export interface SearchRecord {
  /** The page's address under the site's root, without the base path (as Pagefind gives a built page's). */
  url: string;
  content: string;
  language: 'en';
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

/** Ends a piece of text as a sentence, so that pieces run together read apart in an excerpt. */
function sentence(text: string): string {
  const t = text.trim();
  return /[.!?]["”’)\]]*$/.test(t) ? t : `${t}.`;
}

/** The text of a study's index entry: title, identifiers, summary, labelled facts, alliance, further reports, what the sources are. */
export function studySearchText(s: Study): string {
  const a = s.alliance;
  const identifiers = [s.doi && `DOI ${s.doi}`, s.pmid && `PubMed ${s.pmid}`, s.pmcid && `PubMed Central ${s.pmcid}`]
    .filter(Boolean)
    .join(' · ');
  const parts = [
    sentence(s.title),
    identifiers ? sentence(identifiers) : '',
    sentence(s.summary),
    ...studyFactRows(s).map((f) => `${f.label}: ${f.value}`),
    a.finding ? sentence(a.finding) : '',
    ...allianceFactRows(s).map((f) => `${f.label}: ${f.value}`),
    ...a.measures.map((m) => sentence([instrumentName(m.instrument), raterLabels[m.rater], m.timing].filter(Boolean).join(', '))),
    ...(a.effects ?? []).map(describeEffect).map((e) => sentence(`${e.label}: ${e.kind} ${e.value}`)),
    ...(s.reports ?? []).map((r) => sentence(`${r.title} (${r.year})`)),
    ...s.provenance.sources.map((src) => (src.note ? sentence(src.note) : '')),
  ];
  return parts.filter((p) => p !== '').join(' ');
}

/** A study's entry in the search index. */
export function studySearchRecord(s: Study): SearchRecord {
  return {
    url: `/studies/${s.id}/`,
    content: studySearchText(s),
    language: 'en',
    meta: { ...studyRow(s), title: s.title },
    filters: { type: ['Study'], ...studyFilters(s) },
    sort: { year: String(s.year), size: String(s.sample_size ?? 0), title: s.title.toLowerCase() },
  };
}
