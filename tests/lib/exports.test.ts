import { describe, expect, test } from 'vitest';
import { csvField, studiesToBibtex, studiesToCsv, studiesToRis, studyCsvColumns } from '../../src/lib/exports';
import { formatApa, toCsl } from '../../src/lib/citation';
import { makeStudy } from '../helpers/factories';

const study = makeStudy({ title: 'Alliance, "online": a study\nin two lines', volume: '5', issue: '2', pages: '95-105' });

describe('open-data exports', () => {
  test.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    [null, ''],
  ])('quotes the CSV field %j as %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  test('writes one CSV row per study under the header, with CRLF line ends', () => {
    const lines = studiesToCsv([study, makeStudy({ id: 'roe-2011', doi: '10.1000/other' })]).split('\r\n');
    expect(lines[0]).toBe(studyCsvColumns.join(','));
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain('"Alliance, ""online"": a study\nin two lines"');
  });

  test('labels each row with whether the record is evidence, so a pending record is never read as a finding', () => {
    const pending = makeStudy({ id: 'p-2020', doi: '10.1000/p', reviews: [{ review: 'test-review', decision: 'pending' }] });
    const rows = studiesToCsv([study, pending]).split('\r\n').filter(Boolean);
    const column = studyCsvColumns.indexOf('evidence_status');
    expect(rows.slice(1).map((r) => r.split(',').at(column - studyCsvColumns.length))).toEqual(['included', 'pending']);
  });

  test('writes one BibTeX entry and one RIS record per study, with one line per RIS field', () => {
    expect(studiesToBibtex([study]).match(/^@article\{/gm)).toHaveLength(1);
    const ris = studiesToRis([study]);
    expect(ris.match(/^TY {2}- JOUR$/gm)).toHaveLength(1);
    expect(ris).toContain('TI  - Alliance, "online": a study in two lines');
    expect(ris.split('\n').every((l) => l === '' || /^[A-Z][A-Z0-9] {2}- /.test(l))).toBe(true);
  });

  test("formats an APA reference from the record on one line, keeping the title's own capitals", () => {
    expect(formatApa(toCsl('doe-2010', study))).toBe(
      'Doe, J., & Roe, R. (2010). Alliance, “online”: a study in two lines. Journal of Tests, 5(2), 95–105. https://doi.org/10.1000/test.2010',
    );
  });
});

describe('an author list known to be incomplete', () => {
  const study = makeStudy({ authors: ['Bouchard, S.'], authors_incomplete: true, doi: undefined });

  test('reads "et al." in APA, never as a one-author paper', () => {
    expect(formatApa(toCsl(study.id, study))).toMatch(/^Bouchard, S\., et al\. \(2010\)\. /);
  });

  test('ends with BibTeX\'s "and others"', () => {
    expect(studiesToBibtex([study])).toContain('author = {Bouchard, S. and others},');
  });

  test('a complete list is left as it is', () => {
    expect(formatApa(toCsl(study.id, { ...study, authors_incomplete: undefined }))).toMatch(/^Bouchard, S\. \(2010\)\. /);
  });
});
