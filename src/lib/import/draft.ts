// A draft study record: the citation from an export or from flags, and a cautious placeholder for
// every other field the schema requires, each listed in provenance.unverified_fields so the
// record validates yet says plainly what nobody has checked.
import type { StudyInput } from '../../schemas';
import { modalities as modalityValues, type Modality, type Verification } from '../../schemas';
import { doiUrl, pubmedUrl } from '../citation';
import type { DraftCitation } from './citation';

/** First line of every scaffolded or imported record: editors with the YAML language server complete and check fields. */
export const SCHEMA_COMMENT = '# yaml-language-server: $schema=../../public/schemas/study.schema.json';

/** Placeholders for the fields a bibliographic export cannot fill. */
export const placeholders = {
  design: 'other',
  population: 'Not yet described: fill in who took part.',
  conditions: ['other'],
  sample_size: null,
  comparator: 'other',
  measures: [{ instrument: 'unreported', rater: 'client' }],
  vs_face_to_face: 'not-reported',
  outcome_link: 'not-reported',
  /** Modality when the title names none (listed as unverified like every placeholder). */
  modality: 'internet-program',
} as const;

/** Field paths a draft fills with placeholders, in record order. */
export const placeholderFields = [
  'design',
  'population',
  'conditions',
  'sample_size',
  'modalities',
  'comparator',
  'alliance.measures',
  'alliance.vs_face_to_face',
  'alliance.outcome_link',
  'summary',
] as const;
export type PlaceholderField = (typeof placeholderFields)[number];

/** Title words that name a delivery mode beyond doubt. */
const modalityPatterns: Readonly<Record<Modality, RegExp>> = {
  email: /\be-?mail\b/i,
  chat: /\bchat(?:-based)?\b|\binstant messag/i,
  videoconference: /\bvideo[- ]?conferenc|\bvideo[- ]?(?:call|consultation|link|telephony)|\bvideotherapy|\btelevideo/i,
  telephone: /\btelephone\b|\btelephone-(?:delivered|administered|based)/i,
  'internet-program':
    /\binternet[- ](?:based|delivered|administered|guided)|\bweb[- ]based|\bonline (?:programme|program|treatment|intervention|self-help)|\bi-?CBT\b|\bcomputeri[sz]ed (?:CBT|cognitive|therapy|treatment)/i,
  'virtual-reality': /\bvirtual[- ]reality\b/i,
};

/** The modalities a title names plainly, in vocabulary order; empty when it names none. */
export function modalitiesInTitle(title: string): Modality[] {
  return modalityValues.filter((m) => modalityPatterns[m].test(title));
}

/** What a draft knows besides its citation. */
export interface DraftOptions {
  /** Record id (equal to the file name). */
  id: string;
  /** Review the study is proposed for; its decision starts as `pending`. */
  review: string;
  /** Today, YYYY-MM-DD (passed in: src/lib reads no clock). */
  today: string;
  /** Where the citation came from, e.g. `pubmed.nbib`; named in the placeholder summary and the sources. */
  origin: string;
  /** The best source the citation was checked against (`bibliographic` for an export). */
  verification: Verification;
  /** Citation fields to list as unverified as well (e.g. `authors` when some names were left out). */
  unverifiedCitation?: readonly string[];
  /** The placeholder summary; default `Draft imported from <origin>; summary to be written.` */
  summaryPlaceholder?: string;
  /** The note on the DOI and PubMed sources; default `Bibliographic record (citation imported from <origin>).` */
  sourceNote?: string;
  /** Values a contributor supplied for non-citation fields; these replace placeholders and are not listed as unverified. */
  known?: Partial<
    Pick<StudyInput, 'design' | 'population' | 'conditions' | 'sample_size' | 'modalities' | 'comparator' | 'intervention' | 'summary'>
  >;
}

/** A draft study record (as an author writes it), with placeholders listed in provenance.unverified_fields. */
export function draftStudy(citation: Partial<DraftCitation>, options: DraftOptions): StudyInput {
  const known = options.known ?? {};
  const unverified = new Set<string>(options.unverifiedCitation ?? []);
  const pick = <T>(field: PlaceholderField, value: T | undefined, placeholder: T): T => {
    if (value !== undefined) return value;
    unverified.add(field);
    return placeholder;
  };
  const guessed = modalitiesInTitle(citation.title ?? '');
  const study = {
    id: options.id,
    ...citation,
    design: pick('design', known.design, placeholders.design),
    population: pick('population', known.population, placeholders.population),
    conditions: pick('conditions', known.conditions, [...placeholders.conditions]),
    sample_size: pick('sample_size', known.sample_size, placeholders.sample_size),
    modalities: pick('modalities', known.modalities, guessed.length > 0 ? guessed : [placeholders.modality]),
    comparator: pick('comparator', known.comparator, placeholders.comparator),
    ...(known.intervention ? { intervention: known.intervention } : {}),
    alliance: {
      measures: pick(
        'alliance.measures',
        undefined,
        placeholders.measures.map((m) => ({ ...m })),
      ),
      vs_face_to_face: pick('alliance.vs_face_to_face', undefined, placeholders.vs_face_to_face),
      outcome_link: pick('alliance.outcome_link', undefined, placeholders.outcome_link),
    },
    summary: pick('summary', known.summary, options.summaryPlaceholder ?? `Draft imported from ${options.origin}; summary to be written.`),
    reviews: [{ review: options.review, decision: 'pending' as const }],
    provenance: {
      verification: options.verification,
      unverified_fields: orderFields([...unverified]),
      sources: sourcesOf(citation, options.sourceNote ?? `Bibliographic record (citation imported from ${options.origin}).`),
      added: options.today,
      updated: options.today,
    },
  };
  return study as StudyInput;
}

/** Field paths in record order: citation fields first, then the placeholders' order. */
function orderFields(fields: string[]): string[] {
  const order = ['title', 'year', 'journal', 'authors', 'volume', 'issue', 'pages', 'doi', 'pmid', ...placeholderFields] as string[];
  const rank = (f: string) => (order.includes(f) ? order.indexOf(f) : order.length);
  return [...fields].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** The DOI and PubMed pages of the citation. */
function sourcesOf(citation: Partial<DraftCitation>, note: string): { url: string; note: string }[] {
  const sources: { url: string; note: string }[] = [];
  if (citation.doi) sources.push({ url: doiUrl(citation.doi), note });
  if (citation.pmid) sources.push({ url: pubmedUrl(citation.pmid), note });
  return sources;
}
