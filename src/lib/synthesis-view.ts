// The synthesis block of a systematic review or meta-analysis kept as a study record, as its page
// shows it (src/components/StudySynthesis.astro): search date, studies included, the pooled
// estimates as a table, and the included studies that are records here. Formatting only; the
// numbers are the review's own.
import type { PooledEstimate, Study } from '../schemas';
import { formatSearchedTo, shortCitation, synthesisEvidence } from './evidence-base';
import { formatCount, formatTwoDecimals } from './format';
import { designLabels, pooledMeasureLabels } from './labels';
import { isUnverified } from './provenance';

/** One pooled estimate as a table row: every cell as shown, "not reported" for a null or absent one. */
export interface PooledRow {
  label: string;
  measure: string;
  estimate: string;
  /** "−0.67 to 0.07". */
  ci: string;
  k: string;
  n: string;
  /** "45%". */
  i2: string;
  p: string;
  note: string | null;
}

/** A study the review included, linked to its record. */
export interface IncludedStudy {
  id: string;
  /** "Germain et al. (2010)", or the id when the record is not found. */
  citation: string;
}

/** What the synthesis block shows. */
export interface SynthesisView {
  /** "August 2011", or "not reported". */
  searchedTo: string;
  /** "12", or "not reported". */
  studiesIncluded: string;
  rows: PooledRow[];
  includes: IncludedStudy[];
  /** Some fact of the block is listed as unconfirmed (provenance.unverified_fields). */
  unconfirmed: { searchedTo: boolean; studiesIncluded: boolean; pooled: boolean };
}

const NOT_REPORTED = 'not reported';
const orNot = (n: number | null | undefined, show: (n: number) => string) => (typeof n === 'number' ? show(n) : NOT_REPORTED);

/** "0.11", "< 0.001" for p values below a thousandth, as reviews report them. */
export function formatP(p: number): string {
  if (p < 0.001) return '< 0.001';
  return p < 0.01 ? p.toFixed(3) : formatTwoDecimals(p);
}

/** One pooled estimate's cells. */
export function pooledRow(e: PooledEstimate): PooledRow {
  return {
    label: e.label,
    measure: pooledMeasureLabels[e.measure],
    estimate: formatTwoDecimals(e.estimate),
    ci: `${formatTwoDecimals(e.ci_low)} to ${formatTwoDecimals(e.ci_high)}`,
    k: orNot(e.k, formatCount),
    n: orNot(e.n, formatCount),
    i2: orNot(e.i2, (i) => `${Number.isInteger(i) ? i : i.toFixed(1)}%`),
    p: orNot(e.p, formatP),
    note: e.note ?? null,
  };
}

/** The synthesis block of a record, or null when the record has none; `studies` resolve the ids it includes to citations. */
export function describeSynthesis(
  study: Pick<Study, 'synthesis' | 'provenance'>,
  studies: readonly Pick<Study, 'id' | 'authors' | 'year' | 'authors_incomplete'>[],
): SynthesisView | null {
  const s = study.synthesis;
  if (!s) return null;
  const byId = new Map(studies.map((r) => [r.id, r]));
  return {
    searchedTo: s.searched_to === null ? NOT_REPORTED : formatSearchedTo(s.searched_to),
    studiesIncluded: orNot(s.studies_included, formatCount),
    rows: s.pooled.map(pooledRow),
    includes: (s.includes ?? []).map((id) => {
      const record = byId.get(id);
      return { id, citation: record ? shortCitation(record) : id };
    }),
    unconfirmed: {
      searchedTo: isUnverified(study, 'synthesis.searched_to'),
      studiesIncluded: isUnverified(study, 'synthesis.studies_included'),
      pooled: isUnverified(study, 'synthesis.pooled'),
    },
  };
}

/** Records here that name `studyId` in their `synthesis.includes`: the reviews that pooled this study. */
export function includedBySyntheses<S extends Pick<Study, 'id' | 'synthesis'>>(studyId: string, studies: readonly S[]): S[] {
  let byStudy = synthesesByStudy.get(studies) as Map<string, S[]> | undefined;
  if (!byStudy) {
    // Built once per list: each study page asks, and a scan of every record per page grew with the square of the records.
    byStudy = new Map();
    for (const s of studies) for (const id of new Set(s.synthesis?.includes ?? [])) byStudy.set(id, [...(byStudy.get(id) ?? []), s]);
    synthesesByStudy.set(studies, byStudy);
  }
  return byStudy.get(studyId) ?? [];
}
const synthesesByStudy = new WeakMap<readonly object[], Map<string, object[]>>();

/** One review of studies as the synthesis page lists it: who, its period, and its pooled numbers. */
export interface ReviewFinding extends SynthesisView {
  id: string;
  /** "Quartus (2019)". */
  citation: string;
  /** "Meta-analysis" or "Systematic review". */
  design: string;
}

/** The included reviews of studies, earliest search first (not reported last), each with its own numbers: shown apart, never pooled with the primary studies. */
export function reviewFindings(studies: readonly Study[]): ReviewFinding[] {
  const searchedTo = (s: Study) => s.synthesis?.searched_to ?? '9999';
  return [...synthesisEvidence(studies)]
    .sort((a, b) => searchedTo(a).localeCompare(searchedTo(b)) || a.year - b.year || a.id.localeCompare(b.id))
    .flatMap((s): ReviewFinding[] => {
      const view = describeSynthesis(s, studies);
      return view ? [{ ...view, id: s.id, citation: shortCitation(s), design: designLabels[s.design] }] : [];
    });
}
