import { describe, expect, test } from 'vitest';
import {
  countsWithoutRow,
  csvLabel,
  PRISMA_CSV_DATA_NAMES,
  PRISMA_CSV_HEADER,
  PRISMA_CSV_TEMPLATE,
  readPrismaCsv,
  reasonId,
  writePrismaCsv,
} from '../../../src/lib/prisma/csv';
import { formatCsvRow, parseCsvText } from '../../../src/lib/prisma/csv-text';
import { makeFlow, NOTHING_REPORTED } from '../../helpers/factories';

const reasons = [
  { id: 'wrong-population', label: 'Wrong population' },
  { id: 'no-alliance-measure', label: 'No measure of the alliance; or none reported' },
];

/** The closed flow with ten times the records identified and screened. */
const closed = makeFlow({
  identified: { databases: 1500, registers: 0, per_source: { PubMed: 900, PsycINFO: 600 } },
  removed_before_screening: { duplicates: 250, automation: null, other: 0 },
  screened: 1250,
  excluded_screening: 1225,
});

/** The n column of the row with this data name. */
const nOf = (csv: string, data: string) => parseCsvText(csv).rows.find((r) => r.fields[0] === data)?.fields[7];

describe('writePrismaCsv', () => {
  const csv = writePrismaCsv(closed, reasons);

  test('starts with the header of the PRISMA2020 template', () => {
    expect(csv.split('\n')[0]).toBe(PRISMA_CSV_HEADER);
  });

  test('writes every template row, in the template order, each with eight fields', () => {
    const { rows } = parseCsvText(csv);
    expect(rows.slice(1).map((r) => r.fields[0])).toEqual(PRISMA_CSV_TEMPLATE.map((t) => t[0]));
    expect(rows.every((r) => r.fields.length === 8)).toBe(true);
  });

  test.each([
    ['database_results', '1500'],
    ['duplicates', '250'],
    ['excluded_automatic', ''],
    ['excluded_other', '0'],
    ['records_screened', '1250'],
    ['records_excluded', '1225'],
    ['dbr_sought_reports', '25'],
    ['dbr_notretrieved_reports', '2'],
    ['dbr_assessed', '23'],
    ['new_studies', '7'],
    ['new_reports', '8'],
    ['total_studies', '7'],
    ['previous_studies', ''],
    ['website_results', ''],
    ['total_studies_ma', ''],
    ['total_reports_ma', ''],
  ])('writes %s as %j (blank = not reported)', (data, n) => {
    expect(nOf(csv, data)).toBe(n);
  });

  test('writes lists as "Label, n; Label, n" without commas or semicolons in the labels', () => {
    expect(nOf(csv, 'database_specific_results')).toBe('PubMed, 900; PsycINFO, 600');
    expect(nOf(csv, 'dbr_excluded')).toBe('Wrong population, 10; No measure of the alliance - or none reported, 5');
  });

  test('quotes fields that hold commas', () => {
    expect(csv).toContain(
      'dbr_excluded,node14,box9,"Reports excluded (databases and registers): [separate reasons and numbers using ; e.g. Reason1, xxx; Reason2, xxx; Reason3, xxx]"',
    );
    expect(csv).toContain(',"Wrong population, 10; No measure of the alliance - or none reported, 5"\n');
  });

  test('writes totals as previous plus new studies when the review has a previous version', () => {
    const living = writePrismaCsv(makeFlow({ ...closed, previous: { studies: 3, reports: 4 } }), reasons);
    expect([nOf(living, 'total_studies'), nOf(living, 'total_reports')]).toEqual(['10', '12']);
  });

  test('gives rows the addresses the caller supplies', () => {
    const linked = writePrismaCsv(closed, reasons, {
      urlFor: (data) => (data === 'records_screened' ? 'https://example.org/screened' : undefined),
    });
    expect(parseCsvText(linked).rows.find((r) => r.fields[0] === 'records_screened')?.fields[6]).toBe('https://example.org/screened');
  });
});

describe('readPrismaCsv', () => {
  test.each([
    ['a complete flow', closed],
    ['a flow with no exclusions at full text', makeFlow({ ...closed, excluded_full_text: {} })],
    ['a flow with an exclusion count not reported', makeFlow({ ...closed, excluded_full_text: { 'wrong-population': null } })],
    [
      'a flow with other methods and a previous version',
      makeFlow({
        ...closed,
        included_reports: 10,
        other_methods: {
          identified: { websites: 2, organisations: null, citations: 4 },
          sought: 6,
          not_retrieved: 1,
          assessed: 5,
          excluded: { 'wrong-population': 3 },
        },
        previous: { studies: 3, reports: 4 },
      }),
    ],
  ])('reads back what writePrismaCsv wrote: %s', (_, original) => {
    expect(readPrismaCsv(writePrismaCsv(original, reasons), reasons)).toEqual({ flow: original, problems: [] });
  });

  test('reads a file as the Shiny app exports it: NA, thousands separators, CRLF', () => {
    const rows = [
      PRISMA_CSV_HEADER,
      formatCsvRow(['database_results', 'node7', 'box2', 'Records identified from: Databases', 'Databases', 'NA', 'NA', '1,234']),
      formatCsvRow(['register_results', 'NA', 'box2', 'Records identified from: Registers', 'Registers', 'NA', 'NA', 'NA']),
      formatCsvRow([
        'dbr_excluded',
        'node14',
        'box9',
        'Reports excluded',
        'Reports excluded',
        'NA',
        'NA',
        'Wrong population, 10; Other reason, 2',
      ]),
      formatCsvRow(['identification', 'node1', 'identification', 'Blue identification box', 'Identification', 'NA', 'NA', '0']),
    ];
    const { flow: read, problems } = readPrismaCsv(rows.join('\r\n'), reasons);
    expect(read.identified).toEqual({ databases: 1234, registers: null, per_source: null });
    expect(read.excluded_full_text).toEqual({ 'wrong-population': 10, 'other-reason': 2 });
    expect(problems).toEqual([
      { line: 4, field: 'n', message: 'the reason "Other reason" is not one of the review\'s exclusion reasons; kept as "other-reason"' },
    ]);
  });

  test.each([
    [
      "a header that is not the template's",
      'data,n\nduplicates,3\n',
      { line: 1, field: 'header', message: `the header must be exactly "${PRISMA_CSV_HEADER}" (found "data,n")` },
    ],
    [
      'a count that is not a number',
      `${PRISMA_CSV_HEADER}\nduplicates,node8,box3,d,d,d,u,xxx\n`,
      { line: 2, field: 'n', message: 'duplicates: n must be a whole number, or blank when not reported (found "xxx")' },
    ],
    [
      'the template placeholder in a list',
      `${PRISMA_CSV_HEADER}\ndbr_excluded,node14,box9,d,d,d,u,"Reason1, xxx"\n`,
      { line: 2, field: 'n', message: 'dbr_excluded: the number for "Reason1" must be a whole number (found "xxx")' },
    ],
    [
      'a total without reasons',
      `${PRISMA_CSV_HEADER}\ndbr_excluded,node14,box9,d,d,d,u,12\n`,
      {
        line: 2,
        field: 'n',
        message: 'dbr_excluded: gives a total (12) without labels; write "Label, n; Label, n" (kept as "unspecified")',
      },
    ],
    [
      'a row with too few fields',
      `${PRISMA_CSV_HEADER}\nduplicates,node8,box3\n`,
      { line: 2, field: 'data', message: `the row has 3 fields; it needs 8 (${PRISMA_CSV_HEADER})` },
    ],
  ])('reports %s with its line', (_, text, problem) => {
    expect(readPrismaCsv(text).problems).toEqual([problem]);
  });

  const row = (data: string, n: string) => formatCsvRow([data, 'NA', 'box', 'd', 'd', 'NA', 'NA', n]);
  const noCounts = 'the file gives no counts: every n is blank or NA (is it the empty template?), so there is no flow to read';
  test.each([
    [
      'a misspelt data name, with the name it was probably meant to be',
      [row('records_screend', '840')],
      [{ line: 2, field: 'data', message: '"records_screend" is not a PRISMA2020 data name: did you mean "records_screened"?' }],
    ],
    [
      'a data name that is nothing like one',
      [row('junk', '1')],
      [
        {
          line: 2,
          field: 'data',
          message: `"junk" is not a PRISMA2020 data name (expected one of ${PRISMA_CSV_DATA_NAMES.join(', ')})`,
        },
      ],
    ],
    [
      'a data name given twice, even with the same count',
      [row('records_screened', '840'), row('duplicates', '160'), row('records_screened', '840')],
      [{ line: 4, field: 'data', message: '"records_screened" is given twice (lines 2 and 4): keep one row for it' }],
    ],
    [
      'a negative count',
      [row('duplicates', '-5')],
      [{ line: 2, field: 'n', message: 'duplicates: n must be a whole number, or blank when not reported (found "-5")' }],
    ],
    [
      'a fractional count',
      [row('duplicates', '2.5')],
      [{ line: 2, field: 'n', message: 'duplicates: n must be a whole number, or blank when not reported (found "2.5")' }],
    ],
    [
      'a count on a row without a data name',
      [row('', '12')],
      [{ line: 2, field: 'data', message: 'the row gives n = "12" but no data name, so it cannot be placed in a box' }],
    ],
    ['a header and no rows', [], [{ line: 1, field: 'n', message: noCounts }]],
    ['only blank and NA counts', [row('records_screened', ''), row('duplicates', 'NA')], [{ line: 1, field: 'n', message: noCounts }]],
    [
      'a total that is not previous plus new',
      [row('previous_studies', '3'), row('new_studies', '7'), row('total_studies', '11')],
      [{ line: 4, field: 'n', message: 'total_studies (11) should equal previous_studies + new_studies = 10' }],
    ],
  ])('refuses %s', (_, rows, problems) => {
    expect(readPrismaCsv([PRISMA_CSV_HEADER, ...rows].join('\n')).problems).toEqual(problems);
  });

  test('refuses the empty template (every box not reported), which would wipe a flow', () => {
    const blank = writePrismaCsv(makeFlow({}, NOTHING_REPORTED), reasons);
    expect(readPrismaCsv(blank, reasons).problems).toEqual([{ line: 1, field: 'n', message: noCounts }]);
  });

  test('refuses an empty file', () => {
    expect(readPrismaCsv('').problems).toEqual([
      { line: 1, field: 'header', message: `the file is empty: it must start with the header "${PRISMA_CSV_HEADER}"` },
    ]);
  });

  test('knows every data name of the template, and reads the stage labels without a problem', () => {
    expect(PRISMA_CSV_DATA_NAMES).toEqual(expect.arrayContaining(['records_screened', 'dbr_excluded', 'total_reports', 'identification']));
    expect(readPrismaCsv(writePrismaCsv(closed, reasons), reasons).problems).toEqual([]);
  });
});

describe('labels and ids', () => {
  test.each([
    ['No measure, or none; reported', 'No measure - or none - reported'],
    ['Plain label', 'Plain label'],
  ])('csvLabel(%j) is %j', (label, expected) => {
    expect(csvLabel(label)).toBe(expected);
  });
  test.each([
    ['Not delivered as e-therapy', 'not-delivered-as-e-therapy'],
    ['Étude non empirique!', 'etude-non-empirique'],
    ['???', 'unspecified'],
  ])('reasonId(%j) is %j', (label, expected) => {
    expect(reasonId(label)).toBe(expected);
  });
});

describe('countsWithoutRow', () => {
  test('names the counts a file would drop because it has no row for them, not those it marks blank', () => {
    const text = [PRISMA_CSV_HEADER, formatCsvRow(['records_screened', 'NA', 'box4', 'd', 'd', 'NA', 'NA', ''])].join('\n');
    expect(countsWithoutRow(text, closed)).toEqual(
      expect.arrayContaining([
        { data: 'new_studies', path: 'included_studies', value: 7 },
        { data: 'dbr_excluded', path: 'excluded_full_text', value: { 'wrong-population': 10, 'no-alliance-measure': 5 } },
      ]),
    );
    expect(countsWithoutRow(text, closed).map((c) => c.data)).not.toContain('records_screened');
    expect(countsWithoutRow(writePrismaCsv(closed, reasons), closed)).toEqual([]);
  });
});
