// Plain-text views of a study record for its page: citation, field names, effect rows.
import type { Effect, Study } from '../schemas';
import { formatApa, formatBibtex, formatRis, toCsl } from './citation';
import { formatTwoDecimals } from './format';

/** Human names of field paths, for the "unconfirmed facts" list. */
const fieldNames: Record<string, string> = {
  title: 'title',
  year: 'year',
  journal: 'journal',
  authors: 'authors (names or order)',
  volume: 'volume',
  issue: 'issue',
  pages: 'pages',
  doi: 'DOI',
  pmid: 'PubMed ID',
  design: 'study design',
  population: 'population',
  conditions: 'conditions',
  sample_size: 'sample size',
  same_participants_as: 'records sharing participants',
  modalities: 'delivery modality',
  comparator: 'comparator',
  intervention: 'intervention',
  alliance: 'alliance results',
  'alliance.measures': 'alliance instrument and rater',
  'alliance.vs_face_to_face': 'alliance compared with face-to-face',
  'alliance.outcome_link': 'link between alliance and outcome',
  'alliance.finding': 'alliance finding',
  'alliance.effects': 'numeric alliance results',
  reviews: 'review decision',
  synthesis: 'what the review reports',
  'synthesis.searched_to': 'when its searches ended',
  'synthesis.studies_included': 'number of studies it included',
  'synthesis.pooled': 'its pooled estimates',
  'synthesis.includes': 'which records here it included',
};

const pooledParts: Record<string, string> = {
  label: 'what was pooled',
  measure: 'measure',
  estimate: 'estimate',
  ci_low: 'confidence interval',
  ci_high: 'confidence interval',
  k: 'number of studies pooled',
  n: 'participants pooled',
  i2: 'heterogeneity (I²)',
  p: 'p value',
};

/** A readable name for a field path. */
export function fieldName(path: string): string {
  const measure = /^alliance\.measures\[(\d+)\]\.(instrument|rater|timing)$/.exec(path);
  if (measure)
    return `${{ instrument: 'alliance instrument', rater: 'who rated the alliance', timing: 'when the alliance was rated' }[measure[2] as 'instrument' | 'rater' | 'timing']} (measure ${Number(measure[1]) + 1})`;
  const pooled = /^synthesis\.pooled\[(\d+)\](?:\.(\w+))?$/.exec(path);
  if (pooled) {
    const which = `pooled estimate ${Number(pooled[1]) + 1}`;
    return pooled[2] ? `${pooledParts[pooled[2]] ?? pooled[2].replace(/_/g, ' ')} (${which})` : which;
  }
  return fieldNames[path] ?? path.replace(/[._]/g, ' ');
}

/** The study's primary report and any further reports as CSL-JSON. */
export function studyCsl(study: Study) {
  return toCsl(study.id, study);
}

/** Citations of the study's primary report; `bibtexKey` is its key in the whole export (studyBibtexKeys), so both cite it alike. */
export function studyCitations(study: Study, bibtexKey?: string): { apa: string; bibtex: string; ris: string } {
  const item = studyCsl(study);
  // RIS is written only when asked for: the study page shows APA and BibTeX.
  return {
    apa: formatApa(item),
    bibtex: formatBibtex(item, bibtexKey ? [bibtexKey] : undefined),
    get ris() {
      return formatRis(item);
    },
  };
}

/** One numeric effect as a table row: label, kind, value text. */
export function describeEffect(e: Effect): { label: string; kind: string; value: string } {
  switch (e.kind) {
    case 'correlation':
      return { label: e.label, kind: 'Correlation', value: `r = ${formatTwoDecimals(e.r)} (n = ${e.n})` };
    case 'smd':
      return {
        label: e.label,
        kind: 'Standardized mean difference',
        value: `${formatTwoDecimals(e.smd)} (95% CI ${formatTwoDecimals(e.ci_low)} to ${formatTwoDecimals(e.ci_high)})`,
      };
    case 'group-means':
      return {
        label: e.label,
        kind: 'Group means',
        value: `e-therapy ${e.etherapy.mean} (SD ${e.etherapy.sd}, n = ${e.etherapy.n}); comparison ${e.comparison.mean} (SD ${e.comparison.sd}, n = ${e.comparison.n})`,
      };
  }
}
