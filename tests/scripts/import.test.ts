// npm run import as a contributor meets it: real-world-shaped exports (tests/fixtures/import) into
// temporary folders, checked with loadContent, the validator's own loader.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadContent } from '../../src/loaders/content';
import { writePrismaCsv } from '../../src/lib/prisma/csv';
import { SCHEMA_COMMENT } from '../../src/lib/import/draft';
import { reviewSchema, type Review } from '../../src/schemas';
import { tempDir } from '../helpers/build';
import { contentCopy, runImport } from '../helpers/import';

const root = path.resolve(import.meta.dirname, '../..');
const fixture = (name: string) => path.join(root, 'tests/fixtures/import', name);

const yamlIn = (dir: string) =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.yaml'))
        .sort()
    : [];
const existing = yamlIn(path.join(root, 'content/studies'));

describe('npm run import: three new papers', () => {
  test.each([
    ['a PubMed export', 'pubmed-three.nbib', ['cote-2009.yaml', 'norgaard-2024.yaml', 'obrien-1999.yaml']],
    ['a Zotero RIS export', 'zotero-three.ris', ['ferreira-2018.yaml', 'klein-2016.yaml', 'ni-bhriain-2020.yaml']],
    ['a Zotero BibTeX export', 'zotero-three.bib', ['ferreira-2018.yaml', 'klein-2016.yaml', 'ni-bhriain-2020.yaml']],
  ])('%s yields three valid draft records and a clear summary', (_, file, written) => {
    const content = contentCopy();
    const result = runImport([fixture(file)], content);
    expect(result.status, result.output).toBe(0);
    const studies = path.join(content, 'studies');
    expect(yamlIn(studies).filter((f) => !existing.includes(f))).toEqual(written);
    const loaded = loadContent(content, content);
    expect(loaded.problems).toEqual([]);
    expect(loaded.studies).toHaveLength(existing.length + 3);
    expect(result.stdout).toContain('3 entries read.');
    expect(result.stdout).toContain('Written (3):');
    for (const f of written) expect(result.stdout).toContain(`studies/${f}`);
    expect(result.stdout).toContain('Duplicates skipped (0):');
    expect(result.stdout).toContain('Could not be read (0):');
    for (const f of written) {
      const text = fs.readFileSync(path.join(studies, f), 'utf8');
      expect(text.split('\n')[0]).toBe(SCHEMA_COMMENT);
      const study = loaded.studies.find((s) => s.file === `studies/${f}`)!.data;
      expect(study.provenance.verification).toBe('bibliographic');
      expect(study.reviews).toEqual([{ review: 'sucala-2012', decision: 'pending' }]);
      expect(study.provenance.unverified_fields).toEqual(expect.arrayContaining(['design', 'sample_size', 'alliance.measures', 'summary']));
    }
  });

  test('keeps accents and decodes LaTeX in names, writes bare DOIs and full page ranges', () => {
    const content = contentCopy();
    runImport([fixture('pubmed-three.nbib'), fixture('zotero-three.bib')], content);
    const { studies } = loadContent(content, content);
    const byId = new Map(studies.map((s) => [s.data.id, s.data]));
    expect(byId.get('norgaard-2024')).toMatchObject({
      authors: ['Nørgaard, Søren', 'Åberg, Elin M', 'Müller-Schmidt, Jörg'],
      pages: '112-124',
      doi: '10.5555/pst.2024.0112',
      pmid: '39991001',
    });
    expect(byId.get('norgaard-2024')?.title).toBe(
      'Working alliance in therapist-guided internet-delivered cognitive behavioural therapy for social anxiety: a randomised comparison with face-to-face group treatment',
    );
    expect(byId.get('cote-2009')).toMatchObject({
      pages: '1225-1229',
      journal: 'Telemedicine journal and e-health',
      modalities: ['videoconference'],
    });
    expect(byId.get('cote-2009')?.doi).toBeUndefined();
    expect(byId.get('obrien-1999')).toMatchObject({ authors: ["O'Brien, K. L.", 'De la Cruz, M.', 'Smith, J.'], modalities: ['email'] });
    expect(byId.get('ferreira-2018')).toMatchObject({
      authors: ['Ferreira, João', 'Łukasiewicz, Paweł', 'Schäfer, Anneliese'],
      doi: '10.5555/jad.2018.77',
      journal: 'Journal of Anxiety Disorders',
      pages: '77-84',
    });
    expect(byId.get('klein-2016')).toMatchObject({
      authors: ['Klein, Björn', 'Gómez-Pérez, José'],
      journal: 'Journal of Telemedicine and Telecare',
      modalities: ['chat'],
    });
    expect(byId.get('ni-bhriain-2020')).toMatchObject({
      authors: ['Ní Bhriain, Siobhán', 'van der Berg, Pieter'],
      modalities: ['virtual-reality'],
    });
  });

  test('reads a CSL-JSON export, leaving out an organisation author with a note', () => {
    const content = contentCopy();
    const result = runImport([fixture('zotero.json')], content);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('note: left out "Blended Care Study Group" from authors');
    const { studies, problems } = loadContent(content, content);
    expect(problems).toEqual([]);
    expect(studies.find((s) => s.data.id === 'schroder-2020')?.data).toMatchObject({
      authors: ['Schröder, Ulrike'],
      doi: '10.5555/invent.2020.100297',
      provenance: { unverified_fields: expect.arrayContaining(['authors']) },
    });
    expect(studies.find((s) => s.data.id === 'okafor-2019')?.data).toMatchObject({ pmid: '39991010' });
  });
});

describe('npm run import: duplicates', () => {
  test('reports a paper that already exists as a duplicate and writes nothing for it', () => {
    const content = contentCopy();
    const before = fs.readFileSync(path.join(content, 'studies/germain-2010.yaml'), 'utf8');
    const result = runImport([fixture('pubmed-existing.nbib')], content);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Written (0):');
    expect(result.stdout).toContain('Duplicates skipped (1):');
    expect(result.stdout).toMatch(
      /"Assessment of the therapeutic alliance in face-to-face or videoconf\.\.\." \(Germain, 2010\): same DOI \(10\.1089\/cyber\.2009\.0139\) as .*studies\/germain-2010\.yaml \(germain-2010\)/,
    );
    expect(yamlIn(path.join(content, 'studies'))).toEqual(existing);
    expect(fs.readFileSync(path.join(content, 'studies/germain-2010.yaml'), 'utf8')).toBe(before);
  });

  test('reads a Scopus RIS with CRLF line ends and A1 authors, skipping the existing study and a repeat within the file', () => {
    const content = contentCopy();
    const result = runImport([fixture('scopus-crlf.ris')], content);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('4 entries read.');
    expect(result.stdout).toContain('Duplicates skipped (2):');
    expect(result.stdout).toMatch(/same DOI \(10\.1089\/cyber\.2009\.0139\) as .*germain-2010\.yaml/);
    expect(result.stdout).toMatch(
      /"Online Working Alliance Predicts .*\(Haddad, 2021\): same title, year and first author as "Online working alliance predicts .*\(Haddad, 2021\) earlier in this file/,
    );
    const { studies, problems } = loadContent(content, content);
    expect(problems).toEqual([]);
    expect(studies.find((s) => s.data.id === 'haddad-2021')?.data).toMatchObject({
      authors: ['Haddad, Y.', 'Okonkwo, C.N.', 'Yılmaz, E.'],
      doi: '10.5555/chb.2021.106791',
      pages: '106791',
    });
    expect(studies.find((s) => s.data.id === 'lindgren-2022')?.data.doi).toBeUndefined();
  });

  test('importing the same papers twice writes them once: the second run reports them as duplicates', () => {
    const content = contentCopy();
    expect(runImport([fixture('zotero-three.ris')], content).status).toBe(0);
    const second = runImport([fixture('zotero-three.bib')], content);
    expect(second.status).toBe(0);
    expect(second.stdout).toContain('Written (0):');
    expect(second.stdout).toContain('Duplicates skipped (3):');
    expect(loadContent(content, content).problems).toEqual([]);
  });

  test('gives a second paper by the same first author in the same year the suffix b', () => {
    const content = contentCopy();
    runImport([fixture('broken.ris')], content);
    runImport([fixture('broken.bib')], content);
    expect(yamlIn(path.join(content, 'studies'))).toEqual(expect.arrayContaining(['valid-2019.yaml', 'valid-2019b.yaml']));
    expect(loadContent(content, content).problems).toEqual([]);
  });
});

describe('npm run import: broken files', () => {
  test('says which entries could not be read and why, and still writes the good ones', () => {
    const content = contentCopy();
    const result = runImport([fixture('broken.ris')], content);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Written (2):');
    expect(result.stdout).toContain(
      'Could not be read (3):\n  entry 2 (line 8) has no title (TI or T1)\n  "An entry without a year" (Noyear, no year) has no year of publication\n  "An entry without authors" (2018) has no authors',
    );
    expect(result.stdout).toContain(
      'Other problems in the file (2):\n  line 26 is not a RIS tag line ("XY  - value"): "this line is not RIS"\n  entry 5 (line 27) has no ER line before the end of the file',
    );
  });

  test('names a BibTeX entry with a missing comma by its line', () => {
    const result = runImport([fixture('broken.bib')], contentCopy());
    expect(result.stdout).toContain('entry 2 (line 8) is not a BibTeX entry: check the braces and the comma after the citation key');
  });

  test.each([
    ['a text file with no references', 'not-references.ris', 'Nothing could be read from'],
    ['truncated CSL-JSON', 'broken.json', 'the file is not valid JSON'],
    ['a missing file', 'no-such-file.ris', 'no such file'],
    ['an unsupported extension', 'README.md', 'not a supported file'],
  ])('exits 1 for %s, writes nothing, and prints no stack trace', (_, file, message) => {
    const content = contentCopy();
    const result = runImport([fixture(file)], content);
    expect(result.status).toBe(1);
    expect(result.output).toContain(message);
    expect(result.output).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(yamlIn(path.join(content, 'studies'))).toEqual(existing);
  });
});

describe('npm run import: options', () => {
  test('--dry-run reports what would be written and writes nothing', () => {
    const content = contentCopy();
    const result = runImport([fixture('pubmed-three.nbib'), '--dry-run'], content);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Would write (3):');
    expect(yamlIn(path.join(content, 'studies'))).toEqual(existing);
  });

  test('--out writes elsewhere, and still checks duplicates against content/studies', () => {
    const content = contentCopy();
    const out = tempDir('out');
    const result = runImport([fixture('scopus-crlf.ris'), '--out', out], content);
    expect(result.status).toBe(0);
    expect(yamlIn(out)).toEqual(['haddad-2021.yaml', 'lindgren-2022.yaml']);
    expect(result.stdout).toMatch(/germain-2010/);
  });

  test('--review names the review; an unknown one is refused with the known ids', () => {
    const content = contentCopy();
    const result = runImport([fixture('pubmed-three.nbib'), '--review', 'sucala-2021'], content);
    expect(result.status).toBe(2);
    expect(result.output).toContain('--review sucala-2021: there is no such review (content/reviews has sucala-2012, sucala-update-2026)');
  });

  test('never overwrites: an id already taken gets the next suffix', () => {
    const content = contentCopy();
    fs.writeFileSync(path.join(content, 'studies/norgaard-2024.yaml'), 'not: a record\n');
    runImport([fixture('pubmed-three.nbib')], content);
    expect(fs.readFileSync(path.join(content, 'studies/norgaard-2024.yaml'), 'utf8')).toBe('not: a record\n');
    expect(fs.existsSync(path.join(content, 'studies/norgaard-2024b.yaml'))).toBe(true);
  });
});

describe('npm run import -- flow.csv --review <id>', () => {
  const reasons = [
    { id: 'not-etherapy', label: 'Not delivered as e-therapy' },
    { id: 'no-alliance', label: 'No measure of the alliance' },
  ];

  function reviewWithReasons(content: string): string {
    const file = path.join(content, 'reviews/sucala-2012.yaml');
    const text = fs
      .readFileSync(file, 'utf8')
      .replace('exclusion_reasons: []', `exclusion_reasons:\n${reasons.map((r) => `  - id: ${r.id}\n    label: ${r.label}`).join('\n')}`);
    fs.writeFileSync(file, text);
    return file;
  }

  test("reads a PRISMA2020 CSV into the review's flow, keeping the rest of the file byte for byte", () => {
    const content = contentCopy();
    const file = reviewWithReasons(content);
    const before = fs.readFileSync(file, 'utf8');
    const reported = reviewSchema.parse({
      ...reviewSchema.parse(loadContent(content, content).reviews[0]!.data),
      flow: {
        identified: { databases: 1000, per_source: { PubMed: 500, PsycINFO: 400, CINAHL: 100 } },
        removed_before_screening: { duplicates: 160 },
        screened: 840,
        excluded_screening: 780,
        sought: 60,
        not_retrieved: 0,
        assessed: 60,
        excluded_full_text: { 'not-etherapy': 30, 'no-alliance': 19 },
        included_studies: 11,
        included_reports: 11,
      },
    }).flow;
    const csv = path.join(tempDir('csv'), 'flow.csv');
    fs.writeFileSync(csv, writePrismaCsv(reported, reasons));
    const result = runImport([csv, '--review', 'sucala-2012'], content);
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).toContain('updated the reported flow in');
    const loaded = loadContent(content, content);
    expect(loaded.problems).toEqual([]);
    expect((loaded.reviews[0]!.data as Review).flow).toEqual(reported);
    const after = fs.readFileSync(file, 'utf8');
    const cut = (t: string) => [t.slice(0, t.indexOf('\nflow:')), t.slice(t.indexOf('\nnotes:'))];
    expect(cut(after)).toEqual(cut(before));
  });

  test('writes nothing when the CSV has a problem, and names its line', () => {
    const content = contentCopy();
    const file = reviewWithReasons(content);
    const before = fs.readFileSync(file, 'utf8');
    const csv = path.join(tempDir('csv'), 'flow.csv');
    const flow = reviewSchema.parse(loadContent(content, content).reviews[0]!.data).flow;
    fs.writeFileSync(csv, writePrismaCsv(flow, reasons).replace(/^(records_screened,.*,)840$/m, '$1about 840'));
    const result = runImport([csv, '--review', 'sucala-2012'], content);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(
      /flow\.csv:\d+ n: records_screened: n must be a whole number, or blank when not reported \(found "about 840"\)/,
    );
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
  });

  test("writes nothing when an exclusion reason is not one of the review's", () => {
    const content = contentCopy();
    const file = path.join(content, 'reviews/sucala-2012.yaml');
    const before = fs.readFileSync(file, 'utf8');
    const csv = path.join(tempDir('csv'), 'flow.csv');
    const flow = reviewSchema.parse(loadContent(content, content).reviews[0]!.data).flow;
    fs.writeFileSync(
      csv,
      writePrismaCsv({ ...flow, excluded_full_text: { 'wrong-population': 3 } }, [{ id: 'wrong-population', label: 'Wrong population' }]),
    );
    const result = runImport([csv, '--review', 'sucala-2012'], content);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      'flow.excluded_full_text.wrong-population: "wrong-population" is not one of this review\'s exclusion_reasons ids',
    );
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
  });
});
