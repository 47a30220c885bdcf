// The explorer's facets: which record fields filter the study list, and their values per study.
// Keys (vocabulary values) go in shareable URLs; labels are what people read and what the
// search index stores. The browser explorer imports this module too, so it holds no runtime
// import of src/schemas (which would bring zod into the bundle): the fixed vocabularies are the
// label records, whose keys are the vocabularies in order (tests/lib/facets.test.ts checks).
import type { Study } from '../schemas';
import {
  comparatorLabels,
  conditionLabels,
  decisionLabels,
  designLabels,
  modalityLabels,
  outcomeLinkLabels,
  raterLabels,
  verificationLabels,
  vsFaceToFaceLabels,
} from './labels';
import { instrumentName } from './format';

export interface FacetDefinition {
  /** URL parameter and search-index filter name. */
  name: string;
  /** Heading shown above the facet's options. */
  label: string;
  /** Fixed vocabulary as key -> label; null for open values (instrument names), keyed by label. */
  values: Readonly<Record<string, string>> | null;
  /** The study's keys for this facet. */
  of: (s: Study) => string[];
}

/** One option of a facet as the filter form shows it. */
export interface FacetOption {
  key: string;
  label: string;
  /** Studies with this value. */
  count: number;
}

const unique = (xs: string[]) => [...new Set(xs)];

/** Every facet, in display order. */
export const facets: FacetDefinition[] = [
  { name: 'modality', label: 'Modality', values: modalityLabels, of: (s) => s.modalities },
  { name: 'finding', label: 'Alliance vs face-to-face', values: vsFaceToFaceLabels, of: (s) => [s.alliance.vs_face_to_face] },
  { name: 'outcome', label: 'Alliance and outcome', values: outcomeLinkLabels, of: (s) => [s.alliance.outcome_link] },
  { name: 'design', label: 'Design', values: designLabels, of: (s) => [s.design] },
  { name: 'comparator', label: 'Compared with', values: comparatorLabels, of: (s) => [s.comparator] },
  { name: 'condition', label: 'Condition', values: conditionLabels, of: (s) => s.conditions },
  {
    name: 'measure',
    label: 'Alliance measure',
    values: null,
    of: (s) => unique(s.alliance.measures.map((m) => instrumentName(m.instrument))),
  },
  { name: 'rater', label: 'Rated by', values: raterLabels, of: (s) => unique(s.alliance.measures.map((m) => m.rater)) },
  { name: 'verification', label: 'Verification', values: verificationLabels, of: (s) => [s.provenance.verification] },
  { name: 'decision', label: 'Review decision', values: decisionLabels, of: (s) => unique(s.reviews.map((r) => r.decision)) },
];

/** The label of one facet value (open facets use the value itself). */
export function facetLabel(facet: FacetDefinition, key: string): string {
  return facet.values?.[key] ?? key;
}

/** The label of a value of the facet named `name`: what the search index stores for it. */
export function facetValueLabel(name: string, key: string): string {
  const facet = facets.find((f) => f.name === name);
  return facet ? facetLabel(facet, key) : key;
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

/** Each facet with the options the filter form offers: the values some study has, with their counts. */
export function facetOptions(studies: readonly Study[]): { facet: FacetDefinition; options: FacetOption[] }[] {
  const known = optionsOf.get(studies);
  if (known) return known;
  const counts = facetCounts(studies);
  const options = facets.map((facet) => ({
    facet,
    options: Object.entries(counts[facet.name] ?? {})
      .filter(([, count]) => count > 0)
      .map(([key, count]) => ({ key, label: facetLabel(facet, key), count })),
  }));
  optionsOf.set(studies, options);
  return options;
}
/** facetOptions' answers by study list (shared: treat them as read-only): every page of the explorer shows the same counts over the same list, and counting 10,000 studies for each of 200 pages cost seconds. */
const optionsOf = new WeakMap<readonly Study[], { facet: FacetDefinition; options: FacetOption[] }[]>();

/** Filters from URL parameters: facet name -> keys, ignoring unknown facets and values. */
export function parseFacetParams(params: URLSearchParams): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const f of facets) {
    const keys = params.getAll(f.name).filter((k) => f.values === null || Object.hasOwn(f.values, k));
    if (keys.length) out[f.name] = keys;
  }
  return out;
}
