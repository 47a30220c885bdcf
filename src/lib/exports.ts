// Open-data exports of the study records: JSON, CSV, BibTeX, RIS, CSL-JSON; all studies, one
// study (/studies/<id>/cite.*), or a review's included studies (/reviews/<id>/studies.*).
// CSV cells that a spreadsheet would run as a formula (text starting with =, +, -, @, a tab or a
// carriage return: OWASP "CSV Injection") are written with a leading apostrophe; numbers are
// written as numbers. BibTeX keys are unique across one export: keys that several records share
// get a, b, ... in record order (`bibtexKeys` in citation.ts), and a study page uses the same key.
import {
  comparators,
  conditions,
  decisions,
  designs,
  modalities,
  outcomeLinks,
  raters,
  verifications,
  vsFaceToFace,
  type Study,
} from '../schemas';
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

/**
 * Studies as BibTeX, with keys unique across the export (the keys of studyBibtexKeys); `keys` (by
 * study id, from studyBibtexKeys of all studies) makes a study's or a review's file cite each
 * record with the same key as /data/studies.bib and the study page.
 */
export const studiesToBibtex = (studies: readonly Study[], keys?: ReadonlyMap<string, string>) =>
  `${formatBibtex(
    studies.map((s) => toCsl(s.id, s)),
    keys ? studies.map((s) => keys.get(s.id) ?? s.id) : undefined,
  )}\n`;
/** Studies as RIS. */
export const studiesToRis = (studies: readonly Study[]) => `${formatRis(studies.map((s) => toCsl(s.id, s)))}\n`;
/** Studies as CSL-JSON (an array of items, ids = study ids), the format Zotero, Mendeley and Pandoc read. */
export const studiesToCslJson = (studies: readonly Study[]) =>
  `${JSON.stringify(
    studies.map((s) => toCsl(s.id, s)),
    null,
    2,
  )}\n`;

/** What each column of studies.csv holds, for the /data/ page; one entry per column of studyCsvColumns. */
export const studyCsvColumnDocs: Readonly<Record<(typeof studyCsvColumns)[number], string>> = {
  id: 'The record id, also its page address /studies/<id>/ (firstauthor-year).',
  year: 'Year of publication of the primary report (a number).',
  title: 'Title of the primary report.',
  authors: 'Authors in publication order, each "Family, Given", separated by "; ".',
  journal: 'Journal of the primary report.',
  volume: 'Journal volume; empty when not recorded.',
  issue: 'Journal issue; empty when not recorded.',
  pages: 'Page range or article number; empty when not recorded.',
  doi: 'Bare DOI (10.x/...), without https://doi.org/; empty when none.',
  pmid: 'PubMed id; empty when none.',
  design: `Study design: ${designs.join(', ')}.`,
  conditions: `Conditions treated, separated by "; ": ${conditions.join(', ')}.`,
  sample_size: 'Number of participants (a number); empty when not reported.',
  modalities: `How the e-therapy was delivered, separated by "; ": ${modalities.join(', ')}.`,
  comparator: `What e-therapy was compared with: ${comparators.join(', ')}.`,
  alliance_instruments: 'Alliance measures used (e.g. WAI-S; ARM), each once, separated by "; ".',
  alliance_raters: `Who rated the alliance (${raters.join(', ')}), each once, separated by "; ".`,
  vs_face_to_face: `Alliance compared with face-to-face: ${vsFaceToFace.join(', ')} (not-compared: no such comparison; not-reported: the sources read do not say).`,
  outcome_link: `Does the alliance relate to treatment outcome: ${outcomeLinks.join(', ')}.`,
  summary: "One to three plain-language sentences, in the contributors' own words.",
  verification: `The best source the record was checked against: ${verifications.join(', ')}.`,
  unverified_fields: 'Fields not yet confirmed against a source, separated by "; "; shown as unconfirmed on the site.',
  reviews: `Each review that screened the study as review:decision[:listing], separated by "; " (decision: ${decisions.join(', ')}).`,
  evidence_status: 'included when a review includes the study (it counts as evidence), else pending or excluded (it never counts).',
};

/** What a reuser needs beside the records: which build they come from and where their schema is. */
export interface DatasetMeta {
  /** package.json's version, e.g. "0.1.0". */
  version: string;
  /** Short git commit of the build ("-dirty" when the tree had changes); null outside git. */
  commit: string | null;
  /** Absolute address of the JSON Schema each record follows (/schemas/study.schema.json). */
  schema: string;
  /** Absolute address of this file. */
  url: string;
  /** The data licence (src/data/site.ts dataLicense): name and address. */
  licence: { name: string; url: string };
}

/**
 * studies.json: the records (as validated) with the release they come from (`version`: the
 * package version, with `+<commit>` as semver build metadata when known), the licence and the
 * JSON Schema of each record (`schema`; it describes one item of `studies`, not this wrapper).
 */
export function studiesDataset(studies: readonly Study[], meta: DatasetMeta) {
  return {
    name: 'Rapport study records',
    url: meta.url,
    version: meta.commit ? `${meta.version}+${meta.commit}` : meta.version,
    commit: meta.commit,
    licence: { name: meta.licence.name, url: meta.licence.url },
    schema: meta.schema,
    count: studies.length,
    studies,
  };
}

/** One downloadable file: the link text, its format's name and its site path. */
export interface DownloadFile {
  label: string;
  format: string;
  path: string;
}

/** The files of one study's citation: /studies/<id>/cite.bib, cite.ris, cite.csl.json. */
export function studyCiteFiles(id: string): DownloadFile[] {
  return [
    { label: 'BibTeX', format: 'bib', path: `/studies/${id}/cite.bib` },
    { label: 'RIS', format: 'ris', path: `/studies/${id}/cite.ris` },
    { label: 'CSL-JSON', format: 'csl.json', path: `/studies/${id}/cite.csl.json` },
  ];
}

/** The files of a review's included studies: /reviews/<id>/studies.bib, .ris, .csl.json, .csv. */
export function reviewStudyFiles(id: string): DownloadFile[] {
  return [
    { label: 'BibTeX', format: 'bib', path: `/reviews/${id}/studies.bib` },
    { label: 'RIS', format: 'ris', path: `/reviews/${id}/studies.ris` },
    { label: 'CSL-JSON', format: 'csl.json', path: `/reviews/${id}/studies.csl.json` },
    { label: 'CSV', format: 'csv', path: `/reviews/${id}/studies.csv` },
  ];
}

/** The formats a set of studies is published in, with their media types. */
export const exportFormats = {
  bib: 'application/x-bibtex; charset=utf-8',
  ris: 'application/x-research-info-systems; charset=utf-8',
  'csl.json': 'application/vnd.citationstyles.csl+json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
} as const;

/** A format of exportFormats. */
export type ExportFormat = keyof typeof exportFormats;

/** Studies written in one export format (BibTeX with the export-wide `keys`, see studiesToBibtex). */
export function formatStudies(format: ExportFormat, studies: readonly Study[], keys?: ReadonlyMap<string, string>): string {
  switch (format) {
    case 'bib':
      return studiesToBibtex(studies, keys);
    case 'ris':
      return studiesToRis(studies);
    case 'csl.json':
      return studiesToCslJson(studies);
    case 'csv':
      return studiesToCsv(studies);
  }
}
