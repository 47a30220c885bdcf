// Study records as YAML text, in the field order of the data contract, readable by js-yaml (the
// parser Astro and the validator use) exactly as written.
import jsYaml from 'js-yaml';
import type { StudyInput } from '../../schemas';
import { SCHEMA_COMMENT } from './draft';

/** Field order of a study record (DESIGN.md, "Study record"); unknown keys follow in their own order. */
export const studyFieldOrder = [
  'id',
  'title',
  'year',
  'journal',
  'authors',
  'volume',
  'issue',
  'pages',
  'doi',
  'pmid',
  'pmcid',
  'previous_ids',
  'reports',
  'design',
  'population',
  'conditions',
  'sample_size',
  'modalities',
  'comparator',
  'intervention',
  'alliance',
  'summary',
  'reviews',
  'provenance',
] as const;

/** Keys whose YYYY-MM-DD values stay unquoted, as in hand-written records (js-yaml reads them as dates; the schema accepts both). */
const DATE_LINE = /^( +(?:added|updated): )'(\d{4}-\d{2}-\d{2})'$/gm;

function ordered(study: StudyInput): Record<string, unknown> {
  const source = study as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of studyFieldOrder) if (source[key] !== undefined) out[key] = source[key];
  for (const [key, value] of Object.entries(source)) if (!(key in out) && value !== undefined) out[key] = value;
  return out;
}

/**
 * A study record as YAML text, starting with the schema comment line for editors. Written by
 * js-yaml, the parser Astro and the validator read it with, so each value is quoted exactly when
 * that parser would otherwise read it as something else (`'13'`, `'yes: no'`).
 */
export function studyToYaml(study: StudyInput): string {
  const text = jsYaml.dump(ordered(study), { lineWidth: -1, noRefs: true, quotingType: "'" });
  return `${SCHEMA_COMMENT}\n${text.replace(DATE_LINE, '$1$2')}`;
}
