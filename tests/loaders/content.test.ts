// loadContent, the checks `npm run validate` and the build both run, on temporary content folders:
// every file is a record or is reported, text is strict UTF-8, dates are calendar dates, values are
// finite, messages are one line, guides compile, and a file with thousands of faults is fast.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import yaml from 'js-yaml';
import { loadContent } from '../../src/loaders/content';
import { formatProblem } from '../../src/lib/problem';
import { tempDir } from '../helpers/build';
import { reviewInput, studyInput } from '../helpers/factories';

const dump = (value: unknown) => yaml.dump(value, { lineWidth: -1 });
const validStudy = dump(studyInput());
const guide = (body = '# A guide\n\nPlain text.\n') =>
  `---\ntitle: A guide\nsummary: A test guide.\naudience:\n  - practitioners\nreviewed: 2026-01-02\norder: 1\n---\n\n${body}`;

/** A content folder with the test review, one valid study and the given extra files (path -> text or bytes). */
function contentWith(files: Record<string, string | Uint8Array> = {}): string {
  const dir = tempDir('content');
  const write = (file: string, data: string | Uint8Array) => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), data);
  };
  // The review leaves its included count unreported, so the tests see only the faults they plant.
  write('reviews/test-review.yaml', dump(reviewInput({ flow: { screened: 100 } })));
  write('studies/doe-2010.yaml', validStudy);
  for (const [file, data] of Object.entries(files)) write(file, data);
  return dir;
}

/** The problems of a folder as validate prints them, file names relative to the folder. */
const lines = (dir: string) => loadContent(dir, dir).problems.map(formatProblem);
const errorsOf = (dir: string) => loadContent(dir, dir).problems.filter((p) => p.severity === 'error');
/** A study like the valid one, with its text changed by `edit`. */
const studyText = (id: string, edit: (text: string) => string = (t) => t) =>
  edit(validStudy.replace('id: doe-2010', `id: ${id}`).replace('doi: 10.1000/test.2010', `doi: 10.1000/${id}`));

describe('every file in the content folders is a record or is reported', () => {
  /** Problems with whole files (not with a field of a record). */
  const fileErrors = (dir: string) => errorsOf(dir).filter((p) => p.path === '');

  test('a folder of records, a tracking folder, a README and a .git folder has no problem with any file', () => {
    const dir = contentWith({
      'README.md': 'About this dataset.\n',
      'guides/a-guide.mdx': guide(),
      'reviews/test-review/records/pubmed.ris': 'TY  - JOUR\nTI  - A record\nER  - \n',
      'reviews/test-review/screening.csv': 'record,stage,reviewer,decision,reason,date\n',
    });
    fs.mkdirSync(path.join(dir, '.git'));
    expect(fileErrors(dir)).toEqual([]);
    expect(loadContent(dir, dir).guides).toHaveLength(1);
  });

  test.each([
    ['a .yml study', 'studies/roe-2011.yml', '', 'has the extension ".yml", which the build does not read: rename it to roe-2011.yaml'],
    ['a .YAML study', 'studies/roe-2011.YAML', '', 'has the extension ".YAML", which the build does not read: rename it to roe-2011.yaml'],
    ['a .yml review', 'reviews/other.yml', '', 'rename it to other.yaml'],
    [
      'a study in a sub-folder',
      'studies/more/roe-2011.yaml',
      'studies/more',
      'is a folder inside studies/: the build reads only files directly in studies/',
    ],
    ['a hidden study', 'studies/.roe-2011.yaml', '', 'is a hidden file (its name starts with "."), which the build skips'],
    ['a guide among the studies', 'studies/a-guide.mdx', '', 'is a guidance page, but guides are read only from guides/'],
    ['a guide written as .md', 'guides/a-guide.md', '', 'has the extension ".md", which the build does not read: rename it to a-guide.mdx'],
    ['a guide outside guides/', 'a-guide.mdx', '', 'is not in a folder the build reads (studies/, reviews/ or guides/)'],
    ['a notes file among the studies', 'studies/notes.txt', '', 'is not a study record (studies/ holds only studies/<id>.yaml files)'],
    ['a folder the build does not read', 'drafts/roe-2011.yaml', 'drafts', 'is not a content folder the build reads'],
    [
      'a tracking folder without its review',
      'reviews/deleted-review/screening.csv',
      'reviews/deleted-review',
      'there is no review record reviews/deleted-review.yaml',
    ],
    ['a stray file in a tracking folder', 'reviews/test-review/notes.md', '', 'is not a tracking file Rapport reads'],
    [
      'a folder inside records/',
      'reviews/test-review/records/old/pubmed.ris',
      'reviews/test-review/records/old',
      'is a folder inside records/',
    ],
  ])('reports %s by name, as an error, saying what to do', (_, file, reported, message) => {
    const dir = contentWith({ [file]: studyText('roe-2011') });
    expect(fileErrors(dir)).toEqual([expect.objectContaining({ file: reported || file, message: expect.stringContaining(message) })]);
  });

  test('reports a symbolic link to a record, which the build would follow and validate would skip', () => {
    const dir = contentWith();
    fs.writeFileSync(path.join(dir, 'roe-2011.txt'), studyText('roe-2011'));
    fs.symlinkSync(path.join(dir, 'roe-2011.txt'), path.join(dir, 'studies/roe-2011.yaml'));
    expect(errorsOf(dir).map((p) => [p.file, p.message])).toContainEqual([
      'studies/roe-2011.yaml',
      expect.stringContaining('is a symbolic link, which Rapport does not follow'),
    ]);
  });
});

describe('text is strict UTF-8', () => {
  const latin1 = (text: string) => Buffer.from(text, 'latin1');
  test.each([
    ['a study', 'studies/muller-2011.yaml', latin1(studyText('muller-2011', (t) => t.replace('Doe, Jane', 'Müller, Jürgen')))],
    ['a review', 'reviews/other-review.yaml', latin1(dump(reviewInput({ id: 'other-review', title: 'Überblick' })))],
    ['a guide', 'guides/a-guide.mdx', latin1(guide('# Führung\n'))],
    [
      'a screening log',
      'reviews/test-review/screening.csv',
      latin1('record,stage,reviewer,decision,reason,date\npmid:1,title-abstract,Jürgen,include,,\n'),
    ],
    ['a search-results file', 'reviews/test-review/records/pubmed.ris', latin1('TY  - JOUR\nTI  - Müller\nER  - \n')],
  ])('refuses %s that is not UTF-8, with its line and byte offset, and never reads it as U+FFFD', (_, file, bytes) => {
    const dir = contentWith({ [file]: bytes });
    const offset = bytes.findIndex((b) => b >= 0x80);
    const line = bytes.subarray(0, offset).toString('latin1').split('\n').length;
    const content = loadContent(dir, dir);
    expect(content.problems).toContainEqual(
      expect.objectContaining({
        file,
        line,
        message: expect.stringContaining(
          `is not valid UTF-8: byte 0x${bytes[offset]!.toString(16).toUpperCase()} at byte offset ${offset} (line ${line})`,
        ),
      }),
    );
    expect(JSON.stringify([content.studies, content.reviews, content.guides])).not.toContain('\uFFFD');
  });
});

describe('dates are calendar dates, and none is in the future', () => {
  const today = new Date().toISOString().slice(0, 10);
  test.each([
    ['a quoted 31 February', "added: '2026-02-31'", 'provenance.added', 'is not a calendar date: February 2026 has 28 days'],
    [
      'an unquoted 30 February (js-yaml would read 2026-03-02)',
      'added: 2026-02-30',
      'provenance.added',
      'is not a calendar date: February 2026 has 28 days',
    ],
    [
      'a time stamp with a time zone (js-yaml would shift it to the next day)',
      'added: 2026-01-01T23:00:00-05:00',
      'provenance.added',
      'must be a date written YYYY-MM-DD (got "2026-01-01T23:00:00-05:00"). Did you mean "2026-01-01"?',
    ],
    ['an added date in 2099', 'added: 2099-01-01', 'provenance.added', 'must not be in the future'],
    ['an updated date in 2099', 'updated: 2099-01-01', 'provenance.updated', 'must not be in the future'],
  ])('refuses %s', (_, replacement, field, message) => {
    const key = replacement.split(':')[0]!;
    const text = studyText('roe-2011', (t) => t.replace(new RegExp(`${key}: .*`), replacement));
    const dir = contentWith({ 'studies/roe-2011.yaml': text });
    const line = text.split('\n').findIndex((l) => l.includes(replacement)) + 1;
    expect(errorsOf(dir).filter((p) => p.path === field)).toEqual([
      expect.objectContaining({ file: 'studies/roe-2011.yaml', line, message: expect.stringContaining(message) }),
    ]);
  });

  test('accepts a record added and updated today', () => {
    const text = studyText('roe-2011', (t) => t.replace(/added: .*/, `added: ${today}`).replace(/updated: .*/, `updated: ${today}`));
    expect(errorsOf(contentWith({ 'studies/roe-2011.yaml': text }))).toEqual([]);
  });

  test('refuses a review searched up to a month in the future, and an impossible search date', () => {
    const review = dump(
      reviewInput({
        id: 'other-review',
        searched_to: '2099-01',
        searches: [{ source: 'PubMed', date: '2011-02-30' }],
        flow: { screened: 1 },
      }),
    );
    const dir = contentWith({ 'reviews/other-review.yaml': review });
    expect(errorsOf(dir).map((p) => [p.path, p.message])).toEqual([
      ['searched_to', expect.stringContaining('must not be in the future')],
      ['searches[0].date', expect.stringContaining('February 2011 has 28 days')],
    ]);
  });
});

describe('values are finite and plausible, each fault on one line naming its field', () => {
  test.each([
    ['sample_size: 1e20', (t: string) => t.replace(/sample_size: .*/, 'sample_size: 1e20'), 'sample_size', 'must be at most 10,000,000'],
    ['sample_size: .inf', (t: string) => t.replace(/sample_size: .*/, 'sample_size: .inf'), 'sample_size', 'must be a finite whole number'],
    [
      'smd: .inf',
      (t: string) =>
        t.replace(
          /outcome_link: .*/,
          (l) => `${l}\n  effects:\n    - kind: smd\n      label: WAI\n      smd: .inf\n      ci_low: 0\n      ci_high: .inf`,
        ),
      'alliance.effects[0].smd',
      'must be a finite number',
    ],
  ])('refuses %s with one message', (_, edit, field, message) => {
    const dir = contentWith({ 'studies/roe-2011.yaml': studyText('roe-2011', edit) });
    const found = errorsOf(dir).filter((p) => p.path === field);
    expect(found).toEqual([expect.objectContaining({ message: expect.stringContaining(message) })]);
  });
});

describe('every message is one line', () => {
  test('a value or a field name cannot forge a second file:line field: message line, nor colour the terminal', () => {
    const text = studyText('roe-2011', (t) =>
      t.replace(/design: .*/, 'design: "rct\\nstudies/doe-2010.yaml:1 id: forged"').replace(/summary: .*/, (l) => `${l}\n"\\e[31mred": 1`),
    );
    const printed = lines(contentWith({ 'studies/roe-2011.yaml': text })).join('\n');
    expect(printed.split('\n')).toHaveLength(2);
    expect(printed).not.toMatch(/^studies\/doe-2010\.yaml/m);
    expect(printed).not.toContain('\u001b');
    expect(printed).toContain('got "rct\\nstudies/doe-2010.yaml:1 id: forged")');
    expect(printed).toContain('\\u001b[31mred: is not a known field');
  });
});

describe('guides are compiled as MDX', () => {
  test('reports an MDX syntax error on its line of the guide', () => {
    const dir = contentWith({ 'guides/a-guide.mdx': guide('# A guide\n\nSome {unclosed expression\n') });
    expect(errorsOf(dir)).toEqual([
      expect.objectContaining({ file: 'guides/a-guide.mdx', line: 12, message: expect.stringContaining('is not valid MDX') }),
    ]);
  });
});

describe('files the build could not read', () => {
  test.each([
    ['an empty study file', '', 1, 'must be a YAML mapping'],
    ['a study file holding two documents', `${validStudy}---\n${validStudy}`, validStudy.split('\n').length, 'expected a single document'],
  ])('reports %s on a line, by name', (_, text, line, message) => {
    const dir = contentWith({ 'studies/doe-2010.yaml': text });
    expect(errorsOf(dir)).toEqual([
      expect.objectContaining({ file: 'studies/doe-2010.yaml', line, message: expect.stringContaining(message) }),
    ]);
  });

  test('reports a second file with an existing id, naming the file that has it', () => {
    const dir = contentWith({ 'studies/doe-2010-copy.yaml': validStudy.replace('doi: 10.1000/test.2010', 'doi: 10.1000/copy') });
    expect(errorsOf(dir)).toEqual([
      expect.objectContaining({
        file: 'studies/doe-2010-copy.yaml',
        line: 1,
        path: 'id',
        message: expect.stringContaining('which is already the id of studies/doe-2010.yaml'),
      }),
    ]);
  });
});

describe('validate is linear in the faults of one file', () => {
  test('reports a 5 MB study with 5,000 faults, each on its line, in seconds', () => {
    const base = studyInput();
    const effects = Array.from({ length: 5000 }, (_, i) => ({ kind: 'correlation', label: `effect ${i} ${'x'.repeat(980)}`, r: 5, n: 40 }));
    const text = dump({ ...base, alliance: { ...base.alliance, effects } });
    expect(text.length).toBeGreaterThan(5_000_000);
    const dir = contentWith({ 'studies/doe-2010.yaml': text });
    const started = performance.now();
    const { problems } = loadContent(dir, dir);
    const seconds = (performance.now() - started) / 1000;
    console.info(`validate: ${problems.length} faults of a ${(text.length / 1e6).toFixed(1)} MB file in ${seconds.toFixed(2)} s`);
    expect(problems).toHaveLength(5000);
    const textLines = text.split('\n');
    expect(problems.every((p, i) => p.path === `alliance.effects[${i}].r` && textLines[p.line! - 1]?.trim() === 'r: 5')).toBe(true);
    expect(seconds).toBeLessThan(10);
  });
});

describe('a tracked review whose screening is under way', () => {
  test('reports reported-versus-derived differences and the faults of unsettled records as warnings, so it builds with notices', () => {
    const dir = tempDir('tracked-open');
    fs.cpSync(path.resolve('tests/fixtures/tracked/content'), dir, { recursive: true });
    const log = path.join(dir, 'reviews/demo-review/screening.csv');
    // Without the consensus vote that settled pmid:39990123 at title-abstract, that record is an open conflict.
    fs.writeFileSync(log, fs.readFileSync(log, 'utf8').replace(/^pmid:39990123,title-abstract,consensus,include,,2024-02-05\n/m, ''));
    const { problems } = loadContent(dir, dir);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(problems.map((p) => p.path)).toEqual([
      'derived flow.sought',
      'flow.sought',
      'flow.assessed',
      'flow.excluded_full_text.not-empirical',
      // The vote at fault, named by its own file and line (reviews/demo-review/screening.csv:<line>).
      'record',
    ]);
    expect(problems.at(-1)?.file).toMatch(/reviews\/demo-review\/screening\.csv$/);
    expect(problems.every((p) => p.message.endsWith('(screening is under way: 1 conflicts open, 0 records awaiting votes)'))).toBe(true);
  });

  test('still fails on a settled vote for a record that is in no records file', () => {
    const dir = tempDir('tracked-open');
    fs.cpSync(path.resolve('tests/fixtures/tracked/content'), dir, { recursive: true });
    const log = path.join(dir, 'reviews/demo-review/screening.csv');
    fs.writeFileSync(log, `${fs.readFileSync(log, 'utf8').trimEnd()}\n10.9999/missing,title-abstract,alice,include,,2024-02-01\n`);
    expect(errorsOf(dir).map((p) => p.message)).toContainEqual(expect.stringContaining('"10.9999/missing" is not the key of any record'));
  });
});
