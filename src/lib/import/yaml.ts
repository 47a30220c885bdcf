// Study records as YAML text, in the field order of the data contract, readable by js-yaml (the
// parser Astro and the validator use) exactly as written.
import jsYaml from 'js-yaml';
import { Document, isScalar, visit } from 'yaml';
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
const DATE_KEYS = new Set(['added', 'updated']);

/** True when js-yaml would read `text`, written without quotes, as something other than that text. */
function misreadUnquoted(text: string): boolean {
  try {
    return jsYaml.load(text) !== text;
  } catch {
    return true;
  }
}

function ordered(study: StudyInput): Record<string, unknown> {
  const source = study as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of studyFieldOrder) if (source[key] !== undefined) out[key] = source[key];
  for (const [key, value] of Object.entries(source)) if (!(key in out) && value !== undefined) out[key] = value;
  return out;
}

/** A study record as YAML text, starting with the schema comment line for editors. */
export function studyToYaml(study: StudyInput): string {
  const doc = new Document(ordered(study));
  visit(doc, {
    Pair(_, pair) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (DATE_KEYS.has(key)) return visit.SKIP;
      return undefined;
    },
    Scalar(_, node) {
      if (typeof node.value === 'string' && misreadUnquoted(node.value))
        node.type = /[\u0000-\u001f]/.test(node.value) ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE';
    },
  });
  return `${SCHEMA_COMMENT}\n${doc.toString({ lineWidth: 0, singleQuote: true })}`;
}
