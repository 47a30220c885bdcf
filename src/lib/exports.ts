// Open-data exports of the study records: JSON, CSV, BibTeX, RIS.
// CSV cells that a spreadsheet would run as a formula (text starting with =, +, -, @, a tab or a
// carriage return: OWASP "CSV Injection") are written with a leading apostrophe; numbers are
// written as numbers. BibTeX keys are unique across one export: keys that several records share
// get a, b, ... in record order (`bibtexKeys` in citation.ts), and a study page uses the same key.
import type { Study } from '../schemas';
import { bibtexKeys, formatBibtex, formatRis, toCsl } from './citation';
import { evidenceStatus } from './evidence-base';
import { csvField } from './format';

/** Quotes a CSV field when it needs it (RFC 4180); lives in format.ts, re-exported for callers of the exports. */
export { csvField };

/** Text a spreadsheet reads as a formula (OWASP "CSV Injection"): starting with =, +, -, @, a tab or a carriage return. */
const formulaStart = /^[=+\-@\t\r]/;

/** One CSV cell that a spreadsheet will not run: text starting with a formula character gets a leading `'`; numbers and empty cells are written as they are, then quoted as csvField quotes. */
export function csvCell(value: string | number | null | undefined): string {
  return csvField(typeof value === 'string' && formulaStart.test(value) ? `'${value}` : value);
}

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

/** The study records as CSV text with a header row; every cell goes through csvCell (formula-safe). */
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
  return [studyCsvColumns, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** The BibTeX key of each study in an export of `studies` (in that order), by study id: unique across the export. */
export function studyBibtexKeys(studies: readonly Study[]): Map<string, string> {
  const keys = bibtexKeys(studies.map((s) => toCsl(s.id, s)));
  return new Map(studies.map((s, i) => [s.id, keys[i]!]));
}

/** All studies as BibTeX, with keys unique across the export (the keys of studyBibtexKeys). */
export const studiesToBibtex = (studies: readonly Study[]) => `${formatBibtex(studies.map((s) => toCsl(s.id, s)))}\n`;
/** All studies as RIS. */
export const studiesToRis = (studies: readonly Study[]) => `${formatRis(studies.map((s) => toCsl(s.id, s)))}\n`;
