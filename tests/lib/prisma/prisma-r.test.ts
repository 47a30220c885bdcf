// prisma.csv read by the PRISMA2020 R package itself: PRISMA_data() of v1.1.4 (its R files are in
// tests/fixtures/prisma2020/R, from commit 620aaf9b), run by tests/fixtures/prisma2020/check-prisma-data.R
// with every warning made an error. Needs Rscript and the scales package (Debian r-base-core and
// r-cran-scales); without them the tests are skipped, and say so.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { writePrismaCsv } from '../../../src/lib/prisma/csv';
import { makeFlow } from '../../helpers/factories';

const script = fileURLToPath(new URL('../../fixtures/prisma2020/check-prisma-data.R', import.meta.url));

function hasR(): boolean {
  try {
    execFileSync('Rscript', ['-e', 'if (!requireNamespace("scales", quietly = TRUE)) quit(status = 1)'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const rAvailable = hasR();
// In CI (which installs R, .ci/run) a missing R is a failure, as a missing Chromium is.
if (!rAvailable && process.env.CI)
  throw new Error('Rscript with the scales package is required in CI (apt-get install r-base-core r-cran-scales r-cran-stringr)');
if (!rAvailable)
  console.warn(
    'tests/lib/prisma/prisma-r.test.ts: SKIPPED, no Rscript with the scales package (apt-get install r-base-core r-cran-scales)',
  );

/** What PRISMA_data() read from the CSV text: name → value as the package formats it ("1,500", "NA"). */
function prismaData(csv: string, args: string[] = []): { status: number | null; values: Record<string, string>; stderr: string } {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'prisma-r-')), 'prisma.csv');
  fs.writeFileSync(file, csv);
  const run = spawnSync('Rscript', [script, file, ...args], { encoding: 'utf8' });
  const values = Object.fromEntries(
    run.stdout
      .split('\n')
      .filter((l) => l.includes('='))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
  return { status: run.status, values, stderr: run.stderr };
}

const reasons = [
  { id: 'wrong-population', label: 'Wrong population' },
  { id: 'no-alliance-measure', label: 'No alliance measure' },
];

describe.skipIf(!rAvailable)('PRISMA2020 v1.1.4 PRISMA_data() reading prisma.csv', () => {
  test('reads every count of a full flow, the meta-analysis counts as NA, without a warning', () => {
    const flow = makeFlow({
      identified: { databases: 1500, registers: 3, per_source: { PubMed: 900, PsycINFO: 600 } },
      removed_before_screening: { duplicates: 250, automation: 4, other: 0 },
      screened: 1249,
      excluded_screening: 1224,
      previous: { studies: 3, reports: 4 },
    });
    const { status, values, stderr } = prismaData(writePrismaCsv(flow, reasons));
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(values).toMatchObject({
      previous_studies: '3',
      database_results: '1,500',
      register_results: '3',
      duplicates: '250',
      excluded_automatic: '4',
      excluded_other: '0',
      records_screened: '1,249',
      records_excluded: '1,224',
      dbr_sought_reports: '25',
      dbr_notretrieved_reports: '2',
      dbr_assessed: '23',
      new_studies: '7',
      new_reports: '8',
      total_studies: '10',
      total_reports: '12',
      total_studies_ma: 'NA',
      total_reports_ma: 'NA',
      website_results: 'NA',
      dbr_excluded: 'Wrong population:10;No alliance measure:5',
      database_specific_results: 'PubMed:900;PsycINFO:600',
    });
  });

  test('stops with an error on a file without the meta-analysis rows, as prisma.csv was before v1.1.4, even with warnings allowed', () => {
    const old = writePrismaCsv(makeFlow(), reasons)
      .split('\n')
      .filter((l) => !l.startsWith('total_studies_ma,') && !l.startsWith('total_reports_ma,'))
      .join('\n');
    const { status, stderr } = prismaData(old, ['--allow-warnings']);
    expect(status).not.toBe(0);
    expect(stderr).toContain("object 'total_studies_ma_text' not found");
  });
});
