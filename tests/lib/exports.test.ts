import { describe, expect, test } from 'vitest';
import { csvCell, csvField, studiesToBibtex, studiesToCsv, studiesToRis, studyBibtexKeys, studyCsvColumns } from '../../src/lib/exports';
import { formatApa, formatBibtex, toCsl } from '../../src/lib/citation';
import { studyCitations } from '../../src/lib/study-view';
import { loadContent } from '../../src/loaders/content';
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

describe('CSV cells a spreadsheet would run as a formula (OWASP "CSV Injection")', () => {
  test.each([
    ['=1+1', "'=1+1"],
    ['+41 22 000', "'+41 22 000"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', `"'\rcmd"`],
    ['=HYPERLINK("https://example.org","x")', `"'=HYPERLINK(""https://example.org"",""x"")"`],
  ])('writes the text %j as %j, with a leading apostrophe', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  test.each([
    [-0.42, '-0.42'],
    [2006, '2006'],
    [0, '0'],
    ['a-b = c', 'a-b = c'],
    ['plain', 'plain'],
    [null, ''],
  ])('leaves %j as %j: numbers are numbers, and text is only touched at its start', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  test('neutralises every text column of studies.csv, and writes year and sample size as numbers', () => {
    const hostile = makeStudy({
      title: '=HYPERLINK("https://evil.example","click")',
      authors: ['@Evil, E.', 'Doe, Jane'],
      journal: '+cmd|calc',
      pages: '-1+1',
      sample_size: 12,
    });
    const [header, row] = studiesToCsv([hostile]).split('\r\n');
    const cells = Object.fromEntries(
      header!.split(',').map((name, i) => [name, row!.match(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)![i]!.replace(/,$/, '')]),
    );
    expect(cells['title']).toBe(`"'=HYPERLINK(""https://evil.example"",""click"")"`);
    expect(cells['authors']).toBe(`"'@Evil, E.; Doe, Jane"`);
    expect(cells['journal']).toBe("'+cmd|calc");
    expect(cells['pages']).toBe("'-1+1");
    expect(cells['year']).toBe('2010');
    expect(cells['sample_size']).toBe('12');
  });
});

describe('BibTeX keys', () => {
  const first = makeStudy({
    id: 'knaevelsrud-2006',
    authors: ['Knaevelsrud, Christine', 'Maercker, A.'],
    year: 2006,
    title: 'Does the quality of the working alliance predict treatment outcome?',
    doi: '10.1000/a',
  });
  const second = makeStudy({
    id: 'knaevelsrud-2006b',
    authors: ['Knaevelsrud, C.'],
    year: 2006,
    title: 'Does Internet-based therapy work for traumatized patients?',
    doi: '10.1000/b',
  });
  const other = makeStudy({ id: 'doe-2010', doi: '10.1000/c' });
  const keysIn = (bib: string) => [...bib.matchAll(/^@article\{([^,]+),$/gm)].map((m) => m[1]);

  test('that two records would share get a, b, … in record order, and every other key is left as it is', () => {
    const studies = [first, other, second];
    expect(keysIn(studiesToBibtex(studies))).toEqual(['Knaevelsrud2006Doesa', 'Doe2010trial', 'Knaevelsrud2006Doesb']);
    expect([...studyBibtexKeys(studies)]).toEqual([
      ['knaevelsrud-2006', 'Knaevelsrud2006Doesa'],
      ['doe-2010', 'Doe2010trial'],
      ['knaevelsrud-2006b', 'Knaevelsrud2006Doesb'],
    ]);
  });

  test('are the same on every run, and the order of the records decides the suffixes', () => {
    expect(studiesToBibtex([first, second])).toBe(studiesToBibtex([first, second]));
    expect(keysIn(studiesToBibtex([second, first]))).toEqual(['Knaevelsrud2006Doesa', 'Knaevelsrud2006Doesb']);
    expect(studyBibtexKeys([second, first]).get('knaevelsrud-2006b')).toBe('Knaevelsrud2006Doesa');
  });

  test('skip a suffixed key that another record already has as its own', () => {
    const taken = makeStudy({
      id: 'knaevelsrud-2006c',
      authors: ['Knaevelsrud, C.'],
      year: 2006,
      title: 'Doesa is a word here',
      doi: '10.1000/d',
    });
    expect(keysIn(studiesToBibtex([first, second, taken]))).toEqual([
      'Knaevelsrud2006Doesb',
      'Knaevelsrud2006Doesc',
      'Knaevelsrud2006Doesa',
    ]);
  });

  test("give a single record the key it has in the export, when given the export's key", () => {
    const keys = studyBibtexKeys([first, second]);
    const single = formatBibtex(toCsl(second.id, second), [keys.get(second.id)!]);
    expect(studiesToBibtex([first, second])).toContain(single);
  });

  test('are unique across the real content, and each study page cites its record with the key the export gives it', () => {
    const studies = loadContent('content')
      .studies.map((s) => s.data)
      .sort((a, b) => a.year - b.year || a.id.localeCompare(b.id));
    expect(studies.length).toBeGreaterThan(1);
    const keys = keysIn(studiesToBibtex(studies));
    expect(keys).toHaveLength(studies.length);
    expect(new Set(keys).size).toBe(keys.length);
    const byId = studyBibtexKeys(studies);
    expect(studies.map((s) => byId.get(s.id))).toEqual(keys);
    for (const study of studies) expect(keysIn(studyCitations(study).bibtex)).toEqual([byId.get(study.id)]);
  });
});

describe('a study page cites its record with the key the export gives it', () => {
  test('two records whose keys would clash get the same distinct keys on their pages as in studies.bib', () => {
    const a = makeStudy({ id: 'doe-2010', title: 'Alliance online', doi: '10.1000/a' });
    const b = makeStudy({ id: 'doe-2010b', title: 'Alliance offline', doi: '10.1000/b' });
    const keys = studyBibtexKeys([a, b]);
    const exported = studiesToBibtex([a, b]);
    for (const s of [a, b]) {
      const key = keys.get(s.id)!;
      expect(studyCitations(s, key).bibtex).toContain(`@article{${key},`);
      expect(exported).toContain(`@article{${key},`);
    }
    expect(new Set(keys.values()).size).toBe(2);
  });
});
