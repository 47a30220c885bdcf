// npm run new-study: a record from flags (or prompts), checked as validate checks it before it is written.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadContent } from '../../src/loaders/content';
import { SCHEMA_COMMENT } from '../../src/lib/import/draft';
import { askMissing, scaffoldStudy } from '../../src/lib/import/scaffold';
import { studySchema } from '../../src/schemas';
import { tempDir } from '../helpers/build';
import { withReview } from '../helpers/import';

const root = path.resolve(import.meta.dirname, '../..');

function contentCopy(): string {
  const dir = tempDir('content');
  for (const sub of ['reviews', 'studies']) fs.cpSync(path.join(root, 'content', sub), path.join(dir, sub), { recursive: true });
  return dir;
}

/** Runs `npm run new-study -- <args>` with CONTENT_DIR set; stdin is not a terminal, so nothing is asked. */
function newStudy(args: string[], contentDir: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/new-study.ts'), ...withReview(args, contentDir)], {
    cwd: root,
    env: { ...process.env, CONTENT_DIR: contentDir },
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, output: `${r.stdout}${r.stderr}` };
}

const citation = [
  '--title',
  'Working alliance in e-mail therapy for insomnia',
  '--year',
  '2019',
  '--authors',
  'Okafor, Chidi; Smith JB',
  '--journal',
  'Journal of Fictional E-Therapy',
];
const file = (content: string, id: string) => path.join(content, 'studies', `${id}.yaml`);

describe('npm run new-study', () => {
  test('writes a valid record from flags, named firstauthor-year, starting with the schema comment', () => {
    const content = contentCopy();
    const result = newStudy([...citation, '--doi', 'https://doi.org/10.5555/NEW.1', '--pages', '10–18'], content);
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).toContain('✓ wrote');
    const text = fs.readFileSync(file(content, 'okafor-2019'), 'utf8');
    expect(text.split('\n')[0]).toBe(SCHEMA_COMMENT);
    const { studies, problems } = loadContent(content, content);
    expect(problems).toEqual([]);
    expect(studies.find((s) => s.data.id === 'okafor-2019')?.data).toMatchObject({
      authors: ['Okafor, Chidi', 'Smith, J. B.'],
      doi: '10.5555/new.1',
      pages: '10-18',
      modalities: ['email'],
      reviews: [{ review: 'sucala-2012', decision: 'pending' }],
    });
  });

  test('keeps the study fields given as flags and lists only the rest as unverified', () => {
    const content = contentCopy();
    expect(
      newStudy(
        [...citation, '--design', 'rct', '--conditions', 'depression, anxiety', '--sample-size', '64', '--verification', 'abstract'],
        content,
      ).status,
    ).toBe(0);
    const study = loadContent(content, content).studies.find((s) => s.data.id === 'okafor-2019')!.data;
    expect(study).toMatchObject({
      design: 'rct',
      conditions: ['depression', 'anxiety'],
      sample_size: 64,
      provenance: { verification: 'abstract' },
    });
    expect(study.provenance.unverified_fields).toEqual([
      'population',
      'modalities',
      'comparator',
      'alliance.measures',
      'alliance.vs_face_to_face',
      'alliance.outcome_link',
      'summary',
    ]);
  });

  test('prints problems as npm run validate does, with did-you-mean, and writes nothing when the record is invalid', () => {
    const content = contentCopy();
    const result = newStudy([...citation, '--design', 'rtc', '--modalities', 'email,chatt'], content);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(
      /studies\/okafor-2019\.yaml:\d+ design: is not an allowed value \(expected one of rct, .*, got "rtc"\)\. Did you mean "rct"\?/,
    );
    expect(result.stdout).toMatch(
      /studies\/okafor-2019\.yaml:\d+ modalities\[1\]: is not an allowed value .* got "chatt"\)\. Did you mean "chat"\?/,
    );
    expect(result.stdout).toContain('was not written: 2 errors');
    expect(fs.existsSync(file(content, 'okafor-2019'))).toBe(false);
  });

  test('outside a terminal, names each missing citation field and writes nothing', () => {
    const content = contentCopy();
    const result = newStudy(['--title', 'Only a title'], content);
    expect(result.status).toBe(1);
    for (const field of ['year', 'journal', 'authors']) expect(result.stdout).toMatch(new RegExp(`\\.yaml:\\d+ ${field}: is required`));
    expect(fs.readdirSync(path.join(content, 'studies'))).toEqual(fs.readdirSync(path.join(root, 'content/studies')));
  });

  test('refuses a DOI another study already uses', () => {
    const content = contentCopy();
    const result = newStudy([...citation, '--doi', '10.1089/cyber.2009.0139'], content);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/doi: DOI 10\.1089\/cyber\.2009\.0139 is already used by .*germain-2010\.yaml/);
  });

  test('never overwrites: an existing --id is refused, and the default id takes the next suffix', () => {
    const content = contentCopy();
    const before = fs.readFileSync(file(content, 'germain-2010'), 'utf8');
    const refused = newStudy([...citation, '--id', 'germain-2010'], content);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain('already exists; it is never overwritten');
    expect(fs.readFileSync(file(content, 'germain-2010'), 'utf8')).toBe(before);
    const next = newStudy(['--title', 'Another alliance study', '--year', '2010', '--authors', 'Germain, V.', '--journal', 'J'], content);
    expect(next.status, next.output).toBe(0);
    expect(fs.existsSync(file(content, 'germain-2010b'))).toBe(true);
  });

  test('--dry-run prints the record and writes nothing', () => {
    const content = contentCopy();
    const result = newStudy([...citation, '--dry-run'], content);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`${SCHEMA_COMMENT}\nid: okafor-2019\n`);
    expect(fs.existsSync(file(content, 'okafor-2019'))).toBe(false);
  });
});

describe('askMissing', () => {
  test('asks only for what the flags did not give, in order, and skips empty answers', async () => {
    const asked: string[] = [];
    const replies: Record<string, string> = {
      'Year of publication: ': '2019',
      'Journal: ': 'J Tests',
      'DOI (optional): ': '',
      'PubMed ID (optional): ': '39991010',
    };
    const answers = await askMissing({ title: 'Given as a flag', authors: 'Doe, Jane' }, async (q) => {
      asked.push(q);
      return replies[q] ?? '';
    });
    expect(asked).toEqual(['Year of publication: ', 'Journal: ', 'DOI (optional): ', 'PubMed ID (optional): ']);
    expect(answers).toEqual({ title: 'Given as a flag', authors: 'Doe, Jane', year: '2019', journal: 'J Tests', pmid: '39991010' });
  });

  test('the answers make a record the real schema accepts', async () => {
    const answers = await askMissing(
      {},
      async (q) =>
        ({ 'Title of the paper: ': 'T', 'Year of publication: ': '2019', 'Journal: ': 'J' })[q] ??
        (q.startsWith('Authors') ? 'Doe, Jane' : ''),
    );
    expect(studySchema.safeParse(scaffoldStudy(answers, { id: 'doe-2019', review: 'r', today: '2026-01-01' })).success).toBe(true);
  });
});
