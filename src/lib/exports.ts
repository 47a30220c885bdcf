// Open-data exports of the study records: JSON, CSV, BibTeX, RIS.
import type { Study } from '../schemas';
import { formatBibtex, formatRis, toCsl } from './citation';
import { evidenceStatus } from './evidence-base';
import { csvField } from './format';

/** Quotes a CSV field when it needs it (RFC 4180); lives in format.ts, re-exported for callers of the exports. */
export { csvField };

/** Columns of studies.csv, one study per row; lists are joined with "; ". `evidence_status` is included, pending (awaiting screening) or excluded: only included records are evidence. */
export const studyCsvColumns = [
  'id',
  'year',
  'title',
  'authors',
  'journal',
  'volume',
  'issue',
  'pages',
  'doi',
  'pmid',
  'design',
  'conditions',
  'sample_size',
  'modalities',
  'comparator',
  'alliance_instruments',
  'alliance_raters',
  'vs_face_to_face',
  'outcome_link',
  'summary',
  'verification',
  'unverified_fields',
  'reviews',
  'evidence_status',
] as const;

/** The study records as CSV text with a header row. */
export function studiesToCsv(studies: readonly Study[]): string {
  const rows = studies.map((s) => [
    s.id,
    s.year,
    s.title,
    s.authors.join('; '),
    s.journal,
    s.volume,
    s.issue,
    s.pages,
    s.doi,
    s.pmid,
    s.design,
    s.conditions.join('; '),
    s.sample_size,
    s.modalities.join('; '),
    s.comparator,
    [...new Set(s.alliance.measures.map((m) => m.instrument))].join('; '),
    [...new Set(s.alliance.measures.map((m) => m.rater))].join('; '),
    s.alliance.vs_face_to_face,
    s.alliance.outcome_link,
    s.summary,
    s.provenance.verification,
    s.provenance.unverified_fields.join('; '),
    s.reviews.map((r) => `${r.review}:${r.decision}${r.listing ? `:${r.listing}` : ''}`).join('; '),
    evidenceStatus(s),
  ]);
  return [studyCsvColumns, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** All studies as BibTeX. */
export const studiesToBibtex = (studies: readonly Study[]) => `${formatBibtex(studies.map((s) => toCsl(s.id, s)))}\n`;
/** All studies as RIS. */
export const studiesToRis = (studies: readonly Study[]) => `${formatRis(studies.map((s) => toCsl(s.id, s)))}\n`;
