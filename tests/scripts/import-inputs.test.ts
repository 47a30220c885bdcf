// npm run import on the inputs that used to lose or corrupt data: PRISMA2020 CSVs that would wipe
// or break a review's flow, exports that are not UTF-8, .txt exports, and entries with impossible
// years. Each runs the real script on a copy of the content folder.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadContent } from '../../src/loaders/content';
import { writePrismaCsv } from '../../src/lib/prisma/csv';
import { reviewSchema } from '../../src/schemas';
import { tempDir } from '../helpers/build';
import { contentCopy, runImport } from '../helpers/import';
import { makeFlow, NOTHING_REPORTED } from '../helpers/factories';

const root = path.resolve(import.meta.dirname, '../..');
const fixture = (name: string) => path.join(root, 'tests/fixtures/import', name);

/** Writes a file into a fresh temporary folder; returns its path. */
function write(name: string, content: string | Uint8Array): string {
  const file = path.join(tempDir('input'), name);
  fs.writeFileSync(file, content);
  return file;
}

const studyFiles = (dir: string) =>
  fs
    .readdirSync(path.join(dir, 'studies'))
    .filter((f) => f.endsWith('.yaml'))
    .sort();
const existing = studyFiles(path.join(root, 'content'));
const newStudies = (dir: string) => studyFiles(dir).filter((f) => !existing.includes(f));
const reviewFile = (dir: string) => path.join(dir, 'reviews/sucala-2012.yaml');

describe('npm run import -- flow.csv: refusals keep the review byte for byte and exit 1', () => {
  const current = (content: string) => reviewSchema.parse(loadContent(content, content).reviews[0]!.data);
  test.each([
    [
      'the repro: a header and one junk row',
      () => 'data,node,box,description,boxtext,tooltips,url,n\njunk,x,y,z,a,b,c,1\n',
      /g\.csv:2 data: "junk" is not a PRISMA2020 data name/,
    ],
    ['the empty template', () => writePrismaCsv(makeFlow({}, NOTHING_REPORTED), []), /every n is blank or NA/],
    [
      'a cut-down file that leaves out a count the review reports',
      () => 'data,node,box,description,boxtext,tooltips,url,n\nrecords_screened,node9,box4,d,d,d,u,840\n',
      /g\.csv:1 data: the file has no row for new_studies, which .*sucala-2012\.yaml reports \(flow\.included_studies: 11\)/,
    ],
    [
      'a misspelt data name',
      (content: string) => writePrismaCsv(current(content).flow, []).replace(/^records_screened,/m, 'records_screend,'),
      /g\.csv:\d+ data: "records_screend" is not a PRISMA2020 data name: did you mean "records_screened"\?/,
    ],
    [
      'a duplicated row',
      (content: string) => {
        const csv = writePrismaCsv(current(content).flow, []);
        return `${csv}${csv.split('\n').find((l) => l.startsWith('duplicates,'))}\n`;
      },
      /g\.csv:\d+ data: "duplicates" is given twice \(lines \d+ and \d+\): keep one row for it/,
    ],
    [
      'a non-numeric count',
      (content: string) => writePrismaCsv(current(content).flow, []).replace(/^(duplicates,.*,)\d*$/m, '$1twelve'),
      /duplicates: n must be a whole number, or blank when not reported \(found "twelve"\)/,
    ],
    [
      'counts the schema accepts but validate rejects (screened is not identified minus duplicates)',
      (content: string) => {
        const flow = current(content).flow;
        return writePrismaCsv(
          {
            ...flow,
            identified: { databases: 1000, registers: null, per_source: null },
            removed_before_screening: { duplicates: 100, automation: null, other: null },
            screened: 950,
          },
          [],
        );
      },
      /flow\.screened: review "sucala-2012": screened \(950\) should equal identified \(1000\) minus removed before screening \(100\) = 900/,
    ],
  ])('refuses %s', (_, csv, message) => {
    const content = contentCopy();
    const before = fs.readFileSync(reviewFile(content));
    const listing = fs.readdirSync(path.dirname(reviewFile(content)));
    const file = write('g.csv', csv(content));
    const result = runImport([file, '--review', 'sucala-2012'], content);
    expect(result.status, result.output).toBe(1);
    expect(result.stdout).toMatch(message);
    expect(result.stdout).toMatch(/was not changed\.$/m);
    expect(fs.readFileSync(reviewFile(content)).equals(before)).toBe(true);
    // Nothing else written beside the review: no backup, no temporary file.
    expect(fs.readdirSync(path.dirname(reviewFile(content)))).toEqual(listing);
  });
});

const ris = (author: string, title: string, year = 2011) =>
  `TY  - JOUR\r\nTI  - ${title}\r\nAU  - ${author}\r\nPY  - ${year}\r\nJO  - Journal of Encodings\r\nER  - \r\n`;

describe('npm run import: encodings', () => {
  test('converts a Windows-1252 export, says so, and writes Müller, not M\uFFFDller', () => {
    const content = contentCopy();
    // Windows-1252 bytes: Latin-1 for the letters, 0x96, 0x93 and 0x94 for the dash and the quotes.
    const bytes = Buffer.from(ris('Müller, Anna', 'Alliance in e-mail therapy \u0096 a \u0093test\u0094'), 'latin1');
    const file = write('legacy.ris', bytes);
    const result = runImport([file], content);
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).toContain('Encoding: the file is not UTF-8: read as Windows-1252 (Latin-1), converting 4 characters');
    expect(newStudies(content)).toEqual(['muller-2011.yaml']);
    const text = fs.readFileSync(path.join(content, 'studies/muller-2011.yaml'), 'utf8');
    expect(text).not.toContain('\uFFFD');
    const study = loadContent(content, content).studies.find((s) => s.data.id === 'muller-2011')!.data;
    expect(study).toMatchObject({ authors: ['Müller, Anna'], title: 'Alliance in e-mail therapy – a “test”' });
  });

  test('reads a UTF-16 export with a byte-order mark', () => {
    const content = contentCopy();
    const file = write(
      'utf16.ris',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ris('Øre, Åsa', 'Alliance in chat therapy'), 'utf16le')]),
    );
    const result = runImport([file], content);
    expect(result.status, result.output).toBe(0);
    expect(newStudies(content)).toEqual(['ore-2011.yaml']);
  });

  test.each([
    [
      'UTF-8 mixed with a Latin-1 byte',
      Buffer.concat([Buffer.from(ris('Nørgaard, Søren', 'First')), Buffer.from(ris('Müller, Anna', 'Second'), 'latin1')]),
      'line 9, byte offset 131: byte 0xFC is not UTF-8, yet the file is UTF-8 elsewhere',
    ],
    ['text with a replacement character', Buffer.from(ris('M\uFFFDller, Anna', 'First')), 'line 3, byte offset 32: the text holds U+FFFD'],
  ])('refuses %s with the line and byte offset, and writes nothing', (_, bytes, message) => {
    const content = contentCopy();
    const result = runImport([write('bad.ris', bytes)], content);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(message);
    expect(newStudies(content)).toEqual([]);
  });
});

describe('npm run import: .txt exports are recognised by content', () => {
  test.each([
    ['a PubMed (MEDLINE) .txt', 'pubmed-three.nbib', 'PubMed MEDLINE', ['cote-2009.yaml', 'norgaard-2024.yaml', 'obrien-1999.yaml']],
    ['a RIS .txt', 'zotero-three.ris', 'RIS', ['ferreira-2018.yaml', 'klein-2016.yaml', 'ni-bhriain-2020.yaml']],
    ['a Web of Science .txt', 'wos-three.txt', 'Web of Science', ['brennan-2023.yaml', 'lindqvist-2021.yaml', 'wright-2019.yaml']],
  ])('reads %s', (_, name, formatName, written) => {
    const content = contentCopy();
    const file = write('savedrecs.txt', fs.readFileSync(fixture(name)));
    const result = runImport([file], content);
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).toContain(`savedrecs.txt (${formatName}, recognised by its content): 3 entries read.`);
    expect(newStudies(content)).toEqual(written);
    expect(loadContent(content, content).problems).toEqual([]);
  });

  test('writes a Web of Science record with full names, the re-cased journal, DOI and PMID', () => {
    const content = contentCopy();
    runImport([fixture('wos-three.txt')], content);
    expect(loadContent(content, content).studies.find((s) => s.data.id === 'lindqvist-2021')?.data).toMatchObject({
      authors: ['Lindqvist, Maja', 'Haddad, Yusuf', 'Okafor, Chinedu N.'],
      journal: 'Journal of Anxiety Disorders',
      pages: '102391-102399',
      doi: '10.5555/janxdis.2021.102391',
      pmid: '39991020',
      modalities: ['videoconference'],
    });
  });

  test('still refuses a .txt that holds no references, naming the formats it reads', () => {
    const result = runImport([write('notes.txt', 'Some notes about the review.\n')], contentCopy());
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('notes.txt: not a supported file');
    expect(result.stdout).toContain('Web of Science');
  });
});

describe('npm run import: years out of range', () => {
  test('names the entry and its year, instead of "the draft does not validate (please report this)"', () => {
    const content = contentCopy();
    const file = write(
      'years.ris',
      `${ris('Doe, Jane', 'An early report', 1899)}${ris('Roe, Rick', 'A report from the future', 2999)}${ris('Poe, Pat', 'A good report')}`,
    );
    const result = runImport([file], content);
    expect(result.stdout).not.toContain('please report this');
    expect(result.stdout).toContain('"An early report" (Doe, 1899) has the year 1899, before 1950, the earliest year a study record takes');
    expect(result.stdout).toMatch(/"A report from the future" \(Roe, 2999\) has the year 2999, which is in the future \(this is \d{4}\)/);
    expect(newStudies(content)).toEqual(['poe-2011.yaml']);
  });
});
