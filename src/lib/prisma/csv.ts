// The CSV of the PRISMA2020 R package and Shiny app (Haddaway, Page, Pritchard & McGuinness 2022,
// Campbell Systematic Reviews 18:e1230, doi 10.1002/cl2.1230), so a flow published here can be
// opened at https://estech.shinyapps.io/prisma_flowdiagram/ or read with PRISMA2020::PRISMA_data().
//
// Format, as in the package's template inst/extdata/PRISMA.csv (github.com/prisma-flowdiagram/PRISMA2020):
// - header exactly `data,node,box,description,boxtext,tooltips,url,n`; one row per count, plus
//   title rows (prevstud, newstud, othstud) and the stage labels (identification, screening, included)
//   whose `data` is NA or the label's name;
// - PRISMA_data() finds each count by the `data` column and reads `n`; R's read.csv reads a blank
//   `n` (or NA) as missing, written here for "not reported";
// - lists (database_specific_results, register_specific_results, dbr_excluded, other_excluded) are
//   `Label, n; Label, n`: PRISMA_parse_reasons_() takes the label up to the first comma and the
//   number after it, so labels are written without commas or semicolons.
// Mapping to the Flow schema: per_source → database_specific_results (register_specific_results
// is read into per_source too); total_studies/total_reports = previous + new (written for R, not read).
// total_studies_ma/total_reports_ma (the template's rows since v1.1.4, December 2024; PRISMA_data()
// warns and draws 0 when a row is missing) are written blank: a flow holds no meta-analysis counts.
// Read, they must be whole numbers or blank and no more than the totals, and are not kept.
// An arm (previous, other methods) is written with blank counts when the flow has none, and read as
// present when any of its counts is given; so an arm whose counts are all null does not survive a
// round trip.
import { flowSchema, type Flow } from '../../schemas/flow';
import { sumIfBoth } from './check';
import { formatCsvRow, parseCsvText } from './csv-text';
import type { ExclusionReason } from './derive';
import { reasonLabeller } from './text';
import { closest } from '../validation/suggest';

/** The header the PRISMA2020 package expects, exactly. */
export const PRISMA_CSV_HEADER = 'data,node,box,description,boxtext,tooltips,url,n';

/** One template row: data name, node, box, description, box text, tooltip, url. */
type TemplateRow = readonly [data: string, node: string, box: string, description: string, boxtext: string, tooltips: string, url: string];

/** The template's hint in the two exclusion rows' description, as the package writes it. */
const EXCLUDED_HINT = '[separate reasons and numbers using ; e.g. Reason1, xxx; Reason2, xxx; Reason3, xxx]';

/**
 * The rows of the package's template (v1.1.4, inst/extdata/PRISMA.csv; a copy is in
 * tests/fixtures/prisma2020), in its order, every column but `n` as the package writes it.
 */
export const PRISMA_CSV_TEMPLATE: readonly TemplateRow[] = [
  ['NA', 'node4', 'prevstud', 'Grey title box; Previous studies', 'Previous studies', 'Grey title box; Previous studies', 'prevstud.html'],
  [
    'previous_studies',
    'node5',
    'box1',
    'Studies included in previous version of review',
    'Studies included in previous version of review',
    'Studies included in previous version of review',
    'previous_studies.html',
  ],
  [
    'previous_reports',
    'NA',
    'box1',
    'Reports of studies included in previous version of review',
    'Reports of studies included in previous version of review',
    'NA',
    'previous_reports.html',
  ],
  [
    'NA',
    'node6',
    'newstud',
    'Yellow title box; Identification of new studies via databases and registers',
    'Identification of new studies via databases and registers',
    'Yellow title box; Identification of new studies via databases and registers',
    'newstud.html',
  ],
  [
    'database_results',
    'node7',
    'box2',
    'Records identified from: Databases',
    'Databases',
    'Records identified from: Databases and Registers',
    'database_results.html',
  ],
  [
    'database_specific_results',
    'NA',
    'box2',
    'Records identified from: specific databases',
    'Specific Databases',
    'NA',
    'database_results.html',
  ],
  ['register_results', 'NA', 'box2', 'Records identified from: Registers', 'Registers', 'NA', 'NA'],
  [
    'register_specific_results',
    'NA',
    'box2',
    'Records identified from: specific registers',
    'Specific Registers',
    'NA',
    'database_results.html',
  ],
  [
    'NA',
    'node16',
    'othstud',
    'Grey title box; Identification of new studies via other methods',
    'Identification of new studies via other methods',
    'Grey title box; Identification of new studies via other methods',
    'othstud.html',
  ],
  [
    'website_results',
    'node17',
    'box11',
    'Records identified from: Websites',
    'Websites',
    'Records identified from: Websites, Organisations and Citation Searching',
    'website_results.html',
  ],
  ['organisation_results', '', 'box11', 'Records identified from: Organisations', 'Organisations', 'NA', 'NA'],
  ['citations_results', 'NA', 'box11', 'Records identified from: Citation searching', 'Citation searching', 'NA', 'NA'],
  ['duplicates', 'node8', 'box3', 'Duplicate records', 'Duplicate records', 'Duplicate records', 'duplicates.html'],
  [
    'excluded_automatic',
    'NA',
    'box3',
    'Records marked as ineligible by automation tools',
    'Records marked as ineligible by automation tools',
    'NA',
    'NA',
  ],
  ['excluded_other', 'NA', 'box3', 'Records removed for other reasons', 'Records removed for other reasons', 'NA', 'NA'],
  [
    'records_screened',
    'node9',
    'box4',
    'Records screened (databases and registers)',
    'Records screened',
    'Records screened (databases and registers)',
    'records_screened.html',
  ],
  [
    'records_excluded',
    'node10',
    'box5',
    'Records excluded (databases and registers)',
    'Records excluded',
    'Records excluded (databases and registers)',
    'records_excluded.html',
  ],
  [
    'dbr_sought_reports',
    'node11',
    'box6',
    'Reports sought for retrieval (databases and registers)',
    'Reports sought for retrieval',
    'Reports sought for retrieval (databases and registers)',
    'dbr_sought_reports.html',
  ],
  [
    'dbr_notretrieved_reports',
    'node12',
    'box7',
    'Reports not retrieved (databases and registers)',
    'Reports not retrieved',
    'Reports not retrieved (databases and registers)',
    'dbr_notretrieved_reports.html',
  ],
  [
    'other_sought_reports',
    'node18',
    'box12',
    'Reports sought for retrieval (other)',
    'Reports sought for retrieval',
    'Reports sought for retrieval (other)',
    'other_sought_reports.html',
  ],
  [
    'other_notretrieved_reports',
    'node19',
    'box13',
    'Reports not retrieved (other)',
    'Reports not retrieved',
    'Reports not retrieved (other)',
    'other_notretrieved_reports.html',
  ],
  [
    'dbr_assessed',
    'node13',
    'box8',
    'Reports assessed for eligibility (databases and registers)',
    'Reports assessed for eligibility',
    'Reports assessed for eligibility (databases and registers)',
    'dbr_assessed.html',
  ],
  [
    'dbr_excluded',
    'node14',
    'box9',
    `Reports excluded (databases and registers): ${EXCLUDED_HINT}`,
    'Reports excluded',
    'Reports excluded (databases and registers)',
    'dbrexcludedrecords.html',
  ],
  [
    'other_assessed',
    'node20',
    'box14',
    'Reports assessed for eligibility (other)',
    'Reports assessed for eligibility',
    'Reports assessed for eligibility (other)',
    'other_assessed.html',
  ],
  [
    'other_excluded',
    'node21',
    'box15',
    `Reports excluded (other): ${EXCLUDED_HINT}`,
    'Reports excluded',
    'Reports excluded (other)',
    'other_excluded.html',
  ],
  [
    'new_studies',
    'node15',
    'box10',
    'New studies included in review',
    'New studies included in review',
    'New studies included in review',
    'new_studies.html',
  ],
  ['new_reports', 'NA', 'box10', 'Reports of new included studies', 'Reports of new included studies', 'NA', 'NA'],
  [
    'total_studies',
    'node22',
    'box16',
    'Total studies included in review',
    'Total studies included in review',
    'Total studies included in review',
    'total_studies.html',
  ],
  ['total_reports', 'NA', 'box16', 'Reports of total included studies', 'Reports of total included studies', 'NA', 'NA'],
  [
    'identification',
    'node1',
    'identification',
    'Blue identification box',
    'Identification',
    'Blue identification box',
    'identification.html',
  ],
  ['screening', 'node2', 'screening', 'Blue screening box', 'Screening', 'Blue screening box', 'screening.html'],
  ['included', 'node3', 'included', 'Blue included box', 'Included', 'Blue included box', 'included.html'],
  [
    'total_studies_ma',
    'node23',
    'box17',
    'Total studies included in meta-analysis',
    'Total studies included in meta-analysis',
    'Total studies included in meta-analysis',
    'total_studies_meta_analysis.html',
  ],
  [
    'total_reports_ma',
    'NA',
    'box17',
    'Reports of total included studies in meta-analysis',
    'Reports of total included studies in meta-analysis',
    'NA',
    'NA',
  ],
];

/** Rows that are titles or stage labels: their `n` is not a count (the template writes 0). */
const LABEL_ROWS = new Set(['prevstud', 'newstud', 'othstud', 'identification', 'screening', 'included']);

type Counts = Readonly<Record<string, number | null>> | null | undefined;

/** A label as PRISMA_parse_reasons_() can read it: no commas or semicolons. */
export function csvLabel(label: string): string {
  return label
    .replace(/\s*[,;]\s*/g, ' - ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A count as R's read.csv reads it: plain digits (no thousands separator), blank when not reported. */
const countField = (n: number | null | undefined) => (typeof n === 'number' ? String(n) : '');

/** `Label, n; Label, n`; blank when not reported. `{}` (nothing excluded) is written 0. */
function formatList(counts: Counts, labelOf: (key: string) => string): string {
  if (!counts) return '';
  const entries = Object.entries(counts);
  if (entries.length === 0) return '0';
  return entries.map(([key, n]) => `${csvLabel(labelOf(key))}, ${typeof n === 'number' ? n : 'NA'}`).join('; ');
}

/** Orders counts by reason as the review lists its reasons, others after. */
function byReasonOrder(counts: Counts, reasons: readonly ExclusionReason[]): Counts {
  if (!counts) return counts;
  const order = reasons.map((r) => r.id).filter((id) => id in counts);
  const rest = Object.keys(counts).filter((id) => !order.includes(id));
  return Object.fromEntries([...order, ...rest].map((id) => [id, counts[id] ?? null]));
}

/**
 * Writes a flow as the PRISMA2020 package's CSV. Exclusion reasons are written with their labels;
 * `urlFor` may give each count row (by `data` name) the address the interactive diagram links to.
 */
export function writePrismaCsv(
  flow: Flow,
  reasons: readonly ExclusionReason[],
  options: { urlFor?: (data: string) => string | undefined } = {},
): string {
  const labelOf = reasonLabeller(reasons);
  const other = flow.other_methods;
  const previous = flow.previous;
  const values: Record<string, string> = {
    previous_studies: countField(previous?.studies),
    previous_reports: countField(previous?.reports),
    database_results: countField(flow.identified.databases),
    database_specific_results: formatList(flow.identified.per_source, (name) => name),
    register_results: countField(flow.identified.registers),
    register_specific_results: '',
    website_results: countField(other?.identified.websites),
    organisation_results: countField(other?.identified.organisations),
    citations_results: countField(other?.identified.citations),
    duplicates: countField(flow.removed_before_screening.duplicates),
    excluded_automatic: countField(flow.removed_before_screening.automation),
    excluded_other: countField(flow.removed_before_screening.other),
    records_screened: countField(flow.screened),
    records_excluded: countField(flow.excluded_screening),
    dbr_sought_reports: countField(flow.sought),
    dbr_notretrieved_reports: countField(flow.not_retrieved),
    other_sought_reports: countField(other?.sought),
    other_notretrieved_reports: countField(other?.not_retrieved),
    dbr_assessed: countField(flow.assessed),
    dbr_excluded: formatList(byReasonOrder(flow.excluded_full_text, reasons), labelOf),
    other_assessed: countField(other?.assessed),
    other_excluded: other ? formatList(byReasonOrder(other.excluded, reasons), labelOf) : '',
    new_studies: countField(flow.included_studies),
    new_reports: countField(flow.included_reports),
    total_studies: countField(previous ? sumIfBoth(previous.studies, flow.included_studies) : flow.included_studies),
    total_reports: countField(previous ? sumIfBoth(previous.reports, flow.included_reports) : flow.included_reports),
    // The flow has no meta-analysis counts: blank, which R reads as NA, so the package draws no
    // meta-analysis box even with meta_analysis = TRUE (0 would draw "(n = 0)").
    total_studies_ma: '',
    total_reports_ma: '',
  };
  const lines = [PRISMA_CSV_HEADER];
  for (const [data, node, box, description, boxtext, tooltips, url] of PRISMA_CSV_TEMPLATE) {
    const n = LABEL_ROWS.has(box) ? '0' : (values[data] ?? '');
    const link = data !== 'NA' ? (options.urlFor?.(data) ?? url) : url;
    lines.push(formatCsvRow([data, node, box, description, boxtext, tooltips, link, n]));
  }
  return `${lines.join('\n')}\n`;
}

/** A fault in a PRISMA2020 CSV: line, column and a sentence. */
export interface PrismaCsvProblem {
  line: number;
  field: string;
  message: string;
}

/** Turns a reason label into a kebab-case id: `Not delivered as e-therapy` → `not-delivered-as-e-therapy`. */
export function reasonId(label: string): string {
  const id = label
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return id || 'unspecified';
}

type Problems = PrismaCsvProblem[];
/** The `n` of each count row by its `data` name, with the line it is on. */
type CountRows = Map<string, { line: number; n: string }>;

/** The `data` names of the template's rows (count rows, list rows, totals and stage labels). */
export const PRISMA_CSV_DATA_NAMES: readonly string[] = [...new Set(PRISMA_CSV_TEMPLATE.map(([data]) => data).filter((d) => d !== 'NA'))];
const knownData = new Set(PRISMA_CSV_DATA_NAMES);

/** "did you mean" for a misspelt `data` name (`records_screend` → `records_screened`), else the list of names. */
function unknownDataMessage(data: string): string {
  const guess = closest(data, PRISMA_CSV_DATA_NAMES);
  return guess
    ? `"${data}" is not a PRISMA2020 data name: did you mean "${guess}"?`
    : `"${data}" is not a PRISMA2020 data name (expected one of ${PRISMA_CSV_DATA_NAMES.join(', ')})`;
}

/**
 * The count rows of the file by `data` name (titles and stage labels left out); null when the
 * header is wrong. An unknown `data` name, a name given twice and a count on a row without a name
 * are problems: a row the reader cannot place is never dropped silently.
 */
function countRows(text: string, problems: Problems): CountRows | null {
  const parsed = parseCsvText(text);
  problems.push(...parsed.problems.map((p) => ({ line: p.line, field: 'n', message: p.message })));
  const [header, ...rows] = parsed.rows;
  const headerText = header?.fields.map((f) => f.trim()).join(',') ?? '';
  if (headerText !== PRISMA_CSV_HEADER) {
    problems.push({
      line: header?.line ?? 1,
      field: 'header',
      message: header
        ? `the header must be exactly "${PRISMA_CSV_HEADER}" (found "${headerText}")`
        : `the file is empty: it must start with the header "${PRISMA_CSV_HEADER}"`,
    });
    return null;
  }
  const byData: CountRows = new Map();
  for (const row of rows) {
    const data = (row.fields[0] ?? '').trim();
    const box = (row.fields[2] ?? '').trim();
    const n = (row.fields[7] ?? '').trim();
    if (row.fields.length !== 8)
      problems.push({
        line: row.line,
        field: 'data',
        message: `the row has ${row.fields.length} fields; it needs 8 (${PRISMA_CSV_HEADER})`,
      });
    if (!data || data === 'NA') {
      if (!LABEL_ROWS.has(box) && !isBlank(n))
        problems.push({
          line: row.line,
          field: 'data',
          message: `the row gives n = "${n}" but no data name, so it cannot be placed in a box`,
        });
      continue;
    }
    if (!knownData.has(data)) {
      problems.push({ line: row.line, field: 'data', message: unknownDataMessage(data) });
      continue;
    }
    const earlier = byData.get(data);
    if (earlier) {
      problems.push({
        line: row.line,
        field: 'data',
        message: `"${data}" is given twice (lines ${earlier.line} and ${row.line}): keep one row for it`,
      });
      continue;
    }
    if (LABEL_ROWS.has(box)) continue;
    byData.set(data, { line: row.line, n });
  }
  return byData;
}

const isBlank = (n: string) => n === '' || n.toUpperCase() === 'NA';

/** The count of a row: a whole number (thousands separators allowed), null when blank, NA or missing. */
function readCount(byData: CountRows, data: string, problems: Problems): number | null {
  const row = byData.get(data);
  if (!row || isBlank(row.n)) return null;
  const digits = row.n.replace(/,(?=\d{3}(?:\D|$))/g, '');
  if (/^\d+$/.test(digits)) return Number(digits);
  problems.push({
    line: row.line,
    field: 'n',
    message: `${data}: n must be a whole number, or blank when not reported (found "${row.n}")`,
  });
  return null;
}

/** The counts of a list row (`Label, n; Label, n`) by key; `{}` for a total of 0, null when blank. */
function readList(
  byData: CountRows,
  data: string,
  keyOf: (label: string) => string,
  problems: Problems,
): Record<string, number | null> | null {
  const row = byData.get(data);
  if (!row || isBlank(row.n)) return null;
  if (/^[\d,]+$/.test(row.n)) {
    const total = Number(row.n.replace(/,/g, ''));
    if (total === 0) return {};
    problems.push({
      line: row.line,
      field: 'n',
      message: `${data}: gives a total (${total}) without labels; write "Label, n; Label, n" (kept as "unspecified")`,
    });
    return { unspecified: total };
  }
  const out: Record<string, number | null> = {};
  for (const part of row.n.split(/;\s*/).filter((p) => p.trim() !== '')) {
    const comma = part.indexOf(',');
    const label = (comma < 0 ? part : part.slice(0, comma)).trim();
    const nText = comma < 0 ? '' : part.slice(comma + 1).trim();
    let n: number | null = null;
    if (!isBlank(nText)) {
      if (/^[\d,]+$/.test(nText)) n = Number(nText.replace(/,/g, ''));
      else
        problems.push({
          line: row.line,
          field: 'n',
          message: `${data}: the number for "${label}" must be a whole number (found "${nText}")`,
        });
    }
    out[keyOf(label)] = n;
  }
  return out;
}

/** A reason label as the review's reason id (by label or id); any other label becomes a kebab-case id and a problem. */
function reasonKeyer(reasons: readonly ExclusionReason[], line: number, problems: Problems): (label: string) => string {
  return (label) => {
    const match = reasons.find((r) => r.id === label || csvLabel(r.label).toLowerCase() === csvLabel(label).toLowerCase());
    if (match) return match.id;
    const id = reasonId(label);
    if (reasons.length > 0)
      problems.push({ line, field: 'n', message: `the reason "${label}" is not one of the review's exclusion reasons; kept as "${id}"` });
    return id;
  };
}

/** The flow's fields from the count rows, not yet validated (arms present when any of their counts is given). */
function flowCandidate(byData: CountRows, reasons: readonly ExclusionReason[], problems: Problems) {
  const count = (data: string) => readCount(byData, data, problems);
  const list = (data: string, keyOf: (label: string) => string) => readList(byData, data, keyOf, problems);
  const reasonKey = reasonKeyer(reasons, byData.get('dbr_excluded')?.line ?? 1, problems);
  const databaseSources = list('database_specific_results', (name) => name);
  const registerSources = list('register_specific_results', (name) => name);
  const perSource = databaseSources || registerSources ? { ...databaseSources, ...registerSources } : null;
  const previous = { studies: count('previous_studies'), reports: count('previous_reports') };
  const other = {
    identified: { websites: count('website_results'), organisations: count('organisation_results'), citations: count('citations_results') },
    sought: count('other_sought_reports'),
    not_retrieved: count('other_notretrieved_reports'),
    assessed: count('other_assessed'),
    excluded: list('other_excluded', reasonKey),
  };
  const hasOther =
    [...Object.values(other.identified), other.sought, other.not_retrieved, other.assessed].some((n) => n !== null) ||
    other.excluded !== null;
  return {
    identified: { databases: count('database_results'), registers: count('register_results'), per_source: perSource },
    removed_before_screening: { duplicates: count('duplicates'), automation: count('excluded_automatic'), other: count('excluded_other') },
    screened: count('records_screened'),
    excluded_screening: count('records_excluded'),
    sought: count('dbr_sought_reports'),
    not_retrieved: count('dbr_notretrieved_reports'),
    assessed: count('dbr_assessed'),
    excluded_full_text: list('dbr_excluded', reasonKey),
    included_studies: count('new_studies'),
    included_reports: count('new_reports'),
    ...(hasOther ? { other_methods: other } : {}),
    ...(previous.studies !== null || previous.reports !== null ? { previous } : {}),
  };
}

/**
 * Where each count row of the template goes in the flow (a list row: its breakdown). Register
 * sources are read into `identified.per_source` too, but written there by database_specific_results.
 */
export const PRISMA_CSV_FLOW_PATHS: Readonly<Record<string, string>> = {
  previous_studies: 'previous.studies',
  previous_reports: 'previous.reports',
  database_results: 'identified.databases',
  database_specific_results: 'identified.per_source',
  register_results: 'identified.registers',
  website_results: 'other_methods.identified.websites',
  organisation_results: 'other_methods.identified.organisations',
  citations_results: 'other_methods.identified.citations',
  duplicates: 'removed_before_screening.duplicates',
  excluded_automatic: 'removed_before_screening.automation',
  excluded_other: 'removed_before_screening.other',
  records_screened: 'screened',
  records_excluded: 'excluded_screening',
  dbr_sought_reports: 'sought',
  dbr_notretrieved_reports: 'not_retrieved',
  other_sought_reports: 'other_methods.sought',
  other_notretrieved_reports: 'other_methods.not_retrieved',
  dbr_assessed: 'assessed',
  dbr_excluded: 'excluded_full_text',
  other_assessed: 'other_methods.assessed',
  other_excluded: 'other_methods.excluded',
  new_studies: 'included_studies',
  new_reports: 'included_reports',
};

/**
 * The counts of `current` that reading `text` would drop because the file has no row for them at
 * all (a row with a blank n says "not reported"; a missing row is more likely a cut-down file).
 */
export function countsWithoutRow(text: string, current: Flow): { data: string; path: string; value: unknown }[] {
  const present = new Set(parseCsvText(text).rows.map((r) => (r.fields[0] ?? '').trim()));
  const valueAt = (path: string) =>
    path.split('.').reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), current);
  return Object.entries(PRISMA_CSV_FLOW_PATHS)
    .filter(([data]) => !present.has(data))
    .map(([data, path]) => ({ data, path, value: valueAt(path) }))
    .filter(({ value }) => value !== null && value !== undefined);
}

/**
 * total_studies and total_reports, when given, must be previous + new; total_studies_ma and
 * total_reports_ma whole numbers no larger than them (all four are written for R, not read into the flow).
 */
function checkTotals(byData: CountRows, problems: Problems): void {
  const plain = (data: string) => {
    const n = byData.get(data)?.n ?? '';
    return /^\d+$/.test(n) ? Number(n) : null;
  };
  for (const [total, previous, added] of [
    ['total_studies', 'previous_studies', 'new_studies'],
    ['total_reports', 'previous_reports', 'new_reports'],
  ] as const) {
    const given = plain(total);
    const expected = plain(added) === null ? null : (plain(previous) ?? 0) + plain(added)!;
    if (given !== null && expected !== null && given !== expected)
      problems.push({
        line: byData.get(total)!.line,
        field: 'n',
        message: `${total} (${given}) should equal ${previous} + ${added} = ${expected}`,
      });
  }
  for (const [subset, total] of [
    ['total_studies_ma', 'total_studies'],
    ['total_reports_ma', 'total_reports'],
  ] as const) {
    const n = readCount(byData, subset, problems);
    const whole = plain(total);
    if (n !== null && whole !== null && n > whole)
      problems.push({
        line: byData.get(subset)!.line,
        field: 'n',
        message: `${subset} (${n}) is more than ${total} (${whole}): a meta-analysis includes no more than the review`,
      });
  }
}

/**
 * Reads the PRISMA2020 package's CSV into a flow. Exclusion reasons are matched to `reasons` by
 * label (or id); a label that matches none becomes a kebab-case id and a problem. Refused, each
 * with a problem naming its line: a wrong header, an unknown `data` name (with a "did you mean"),
 * a name given twice, a count that is not a whole number, a file that gives no count at all.
 */
export function readPrismaCsv(text: string, reasons: readonly ExclusionReason[] = []): { flow: Flow; problems: PrismaCsvProblem[] } {
  const problems: Problems = [];
  const empty = flowSchema.parse({});
  const byData = countRows(text, problems);
  if (!byData) return { flow: empty, problems };
  // A file without a single count (the empty template, or only rows that are refused above) has no flow to read.
  if (problems.length === 0 && ![...byData.values()].some((row) => !isBlank(row.n))) {
    problems.push({
      line: 1,
      field: 'n',
      message: 'the file gives no counts: every n is blank or NA (is it the empty template?), so there is no flow to read',
    });
    return { flow: empty, problems };
  }
  checkTotals(byData, problems);
  const result = flowSchema.safeParse(flowCandidate(byData, reasons, problems));
  if (!result.success) {
    for (const issue of result.error.issues) problems.push({ line: 1, field: issue.path.join('.'), message: issue.message });
    return { flow: empty, problems };
  }
  return { flow: result.data, problems };
}
