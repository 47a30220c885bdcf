// prisma.csv against the PRISMA2020 R package's current template (v1.1.4, inst/extdata/PRISMA.csv
// at commit 620aaf9b of github.com/prisma-flowdiagram/PRISMA2020; see tests/fixtures/prisma2020/README.md).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { PRISMA_CSV_HEADER, PRISMA_CSV_TEMPLATE, readPrismaCsv, writePrismaCsv } from '../../../src/lib/prisma/csv';
import { formatCsvRow, parseCsvText } from '../../../src/lib/prisma/csv-text';
import { makeFlow } from '../../helpers/factories';

const templateText = readFileSync(fileURLToPath(new URL('../../fixtures/prisma2020/PRISMA.csv', import.meta.url)), 'utf8');
const [templateHeader, ...templateRows] = parseCsvText(templateText).rows.map((r) => r.fields);

const reasons = [
  { id: 'wrong-population', label: 'Wrong population' },
  { id: 'no-alliance-measure', label: 'No alliance measure' },
];

/** A flow with every arm, so every row of the template has something to say. */
const full = makeFlow({
  identified: { databases: 1500, registers: 3, per_source: { PubMed: 900, PsycINFO: 600 } },
  removed_before_screening: { duplicates: 250, automation: 4, other: 0 },
  screened: 1249,
  excluded_screening: 1224,
  other_methods: {
    identified: { websites: 2, organisations: null, citations: 4 },
    sought: 6,
    not_retrieved: 1,
    assessed: 5,
    excluded: { 'wrong-population': 3 },
  },
  previous: { studies: 3, reports: 4 },
});

const written = parseCsvText(writePrismaCsv(full, reasons)).rows.map((r) => r.fields);
const nOf = (rows: string[][], data: string) => rows.find((r) => r[0] === data)?.[7];

describe('prisma.csv and the PRISMA2020 v1.1.4 template', () => {
  test('the fixture is the template with the meta-analysis rows (the one the package reads today)', () => {
    expect(templateRows.map((r) => r[0]).slice(-2)).toEqual(['total_studies_ma', 'total_reports_ma']);
    expect(templateRows).toHaveLength(34);
  });

  test('writes the header of the template exactly', () => {
    expect(templateHeader?.join(',')).toBe(PRISMA_CSV_HEADER);
    expect(written[0]).toEqual(templateHeader);
  });

  test("writes the template's data rows, in its order, including total_studies_ma and total_reports_ma", () => {
    expect(written.slice(1).map((r) => r[0])).toEqual(templateRows.map((r) => r[0]));
  });

  test('writes every column but n as the template has it, row by row', () => {
    expect(written.slice(1).map((r) => r.slice(0, 7))).toEqual(templateRows.map((r) => r.slice(0, 7)));
    expect(PRISMA_CSV_TEMPLATE.map((r) => [...r])).toEqual(templateRows.map((r) => r.slice(0, 7)));
  });

  test('writes 0 in n of the title and stage-label rows, as the template does', () => {
    const labels = templateRows.filter((r) =>
      ['prevstud', 'newstud', 'othstud', 'identification', 'screening', 'included'].includes(r[2]!),
    );
    expect(labels).toHaveLength(6);
    for (const row of labels) expect(written.find((w) => w[2] === row[2])?.[7]).toBe(row[7]);
  });

  test('writes the meta-analysis counts blank (NA in R: no meta-analysis box), since a flow does not hold them', () => {
    expect([nOf(written, 'total_studies_ma'), nOf(written, 'total_reports_ma')]).toEqual(['', '']);
  });

  test('reads back the same flow it wrote from the template-shaped file', () => {
    expect(readPrismaCsv(writePrismaCsv(full, reasons), reasons)).toEqual({ flow: full, problems: [] });
  });

  const withRow = (data: string, n: string) =>
    writePrismaCsv(full, reasons).replace(new RegExp(`^${data},.*$`, 'm'), (line) => line.replace(/,[^,]*$/, `,${n}`));

  test('reads a file that gives meta-analysis counts, without keeping them in the flow', () => {
    const text = withRow('total_studies_ma', '9');
    expect(
      nOf(
        parseCsvText(text).rows.map((r) => r.fields),
        'total_studies_ma',
      ),
    ).toBe('9');
    expect(readPrismaCsv(text, reasons)).toEqual({ flow: full, problems: [] });
  });

  test.each([
    [
      'a meta-analysis count that is not a number',
      'total_studies_ma',
      'xxx',
      'total_studies_ma: n must be a whole number, or blank when not reported (found "xxx")',
    ],
    [
      'more studies in the meta-analysis than in the review',
      'total_studies_ma',
      '11',
      'total_studies_ma (11) is more than total_studies (10): a meta-analysis includes no more than the review',
    ],
    [
      'more reports in the meta-analysis than in the review',
      'total_reports_ma',
      '13',
      'total_reports_ma (13) is more than total_reports (12): a meta-analysis includes no more than the review',
    ],
  ])('refuses %s', (_, data, n, message) => {
    const line = written.findIndex((r) => r[0] === data) + 1;
    expect(readPrismaCsv(withRow(data, n), reasons).problems).toEqual([{ line, field: 'n', message }]);
  });

  test('still reads a file written before v1.1.4, without the meta-analysis rows', () => {
    const old = writePrismaCsv(full, reasons)
      .split('\n')
      .filter((line) => !/^total_(studies|reports)_ma,/.test(line))
      .join('\n');
    expect(old).not.toContain('_ma,');
    expect(readPrismaCsv(old, reasons)).toEqual({ flow: full, problems: [] });
  });

  test('quotes template text that holds commas exactly as the template does', () => {
    const dbrExcluded = templateText.split('\r\n').find((l) => l.startsWith('dbr_excluded,'))!;
    const prefix = dbrExcluded.slice(0, dbrExcluded.lastIndexOf(',"'));
    expect(writePrismaCsv(full, reasons)).toContain(`${prefix},`);
    expect(formatCsvRow(templateRows.find((r) => r[0] === 'dbr_excluded')!)).toBe(dbrExcluded);
  });
});
