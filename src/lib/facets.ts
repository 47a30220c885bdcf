// The explorer's facets: which record fields filter the study list, and their values per study.
// Keys (vocabulary values) go in shareable URLs; labels are what people read and what the
// search index stores.
import type { Study } from '../schemas';
import { comparators, conditions, decisions, designs, modalities, outcomeLinks, raters, verifications, vsFaceToFace } from '../schemas';
import {
  comparatorLabels, conditionLabels, decisionLabels, designLabels, modalityLabels, outcomeLinkLabels, raterLabels, verificationLabels, vsFaceToFaceLabels,
} from './labels';

export interface FacetDefinition {
  /** URL parameter and search-index filter name. */
  name: string;
  /** Heading shown above the facet's options. */
  label: string;
  /** Fixed vocabulary as key -> label; null for open values (instrument names), keyed by label. */
  values: Record<string, string> | null;
  /** The study's keys for this facet. */
  of: (s: Study) => string[];
}

const unique = (xs: string[]) => [...new Set(xs)];
const vocab = <K extends string>(keys: readonly K[], labels: Record<K, string>) => Object.fromEntries(keys.map((k) => [k, labels[k]]));

/** Every facet, in display order. */
export const facets: FacetDefinition[] = [
  { name: 'modality', label: 'Modality', values: vocab(modalities, modalityLabels), of: (s) => s.modalities },
  { name: 'finding', label: 'Alliance vs face-to-face', values: vocab(vsFaceToFace, vsFaceToFaceLabels), of: (s) => [s.alliance.vs_face_to_face] },
  { name: 'outcome', label: 'Alliance and outcome', values: vocab(outcomeLinks, outcomeLinkLabels), of: (s) => [s.alliance.outcome_link] },
  { name: 'design', label: 'Design', values: vocab(designs, designLabels), of: (s) => [s.design] },
  { name: 'comparator', label: 'Compared with', values: vocab(comparators, comparatorLabels), of: (s) => [s.comparator] },
  { name: 'condition', label: 'Condition', values: vocab(conditions, conditionLabels), of: (s) => s.conditions },
  { name: 'measure', label: 'Alliance measure', values: null, of: (s) => unique(s.alliance.measures.map((m) => (m.instrument === 'unreported' ? 'Not named' : m.instrument))) },
  { name: 'rater', label: 'Rated by', values: vocab(raters, raterLabels), of: (s) => unique(s.alliance.measures.map((m) => m.rater)) },
  { name: 'verification', label: 'Verification', values: vocab(verifications, verificationLabels), of: (s) => [s.provenance.verification] },
  { name: 'decision', label: 'Review decision', values: vocab(decisions, decisionLabels), of: (s) => unique(s.reviews.map((r) => r.decision)) },
];

/** The label of one facet value (open facets use the value itself). */
export function facetLabel(facet: FacetDefinition, key: string): string {
  return facet.values?.[key] ?? key;
}

/** A study's facet labels, by facet name: what the search index stores as filters. */
export function studyFilters(study: Study): Record<string, string[]> {
  return Object.fromEntries(facets.map((f) => [f.name, f.of(study).map((k) => facetLabel(f, k))]));
}

/** Counts of studies per facet value, over all studies (zero counts kept for fixed vocabularies). */
export function facetCounts(studies: readonly Study[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const f of facets) {
    const counts: Record<string, number> = Object.fromEntries(Object.keys(f.values ?? {}).map((k) => [k, 0]));
    for (const s of studies) for (const k of f.of(s)) counts[k] = (counts[k] ?? 0) + 1;
    out[f.name] = counts;
  }
  return out;
}

/** Filters from URL parameters: facet name -> keys, ignoring unknown facets and values. */
export function parseFacetParams(params: URLSearchParams): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const f of facets) {
    const keys = params.getAll(f.name).filter((k) => f.values === null || k in f.values);
    if (keys.length) out[f.name] = keys;
  }
  return out;
}
