// npm run import -- <export> --review <id> --source <name>: a search export kept as one source's
// records in the review's folder, with what it shares with the sources already there; never overwrites.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { tempDir } from '../helpers/build';
import { contentCopy, runImport } from '../helpers/import';

const root = path.resolve(import.meta.dirname, '../..');

/** A copy of the tracked fixture's content folder. */
const copyFixture = () => contentCopy(path.join(root, 'tests/fixtures/tracked/content'), ['reviews', 'studies']);

const entry = (title: string, doi: string) =>
  `TY  - JOUR\nAU  - Example, Alice\nTI  - ${title}\nJO  - A Journal\nPY  - 2008\nDO  - ${doi}\nER  - \n`;

describe('adding search results to a review', () => {
  test('keeps the export as records/<source>.ris and reports its duplicates with the other sources', () => {
    const dir = copyFixture();
    const file = path.join(tempDir('export'), 'scopus-export.txt');
    fs.writeFileSync(
      file,
      [
        entry('Demo study of the working alliance in email therapy', '10.5555/DEMO.101'),
        entry('A record only Scopus has', '10.5555/new.1'),
      ].join('\n'),
    );
    const r = runImport([file, '--review', 'demo-review', '--source', 'Scopus'], dir);
    expect(r.status, r.output).toBe(0);
    expect(r.output).toMatch(
      /2 records from Scopus; 0 duplicates within the file; shared with other sources: 1 with psycinfo, 1 with pubmed/,
    );
    expect(fs.readFileSync(path.join(dir, 'reviews/demo-review/records/scopus.ris'), 'utf8')).toContain('A record only Scopus has');
  });

  test('never overwrites a source that is there already, and leaves it byte for byte', () => {
    const dir = copyFixture();
    const existing = path.join(dir, 'reviews/demo-review/records/psycinfo.ris');
    const before = fs.readFileSync(existing);
    const file = path.join(tempDir('export'), 'psycinfo.ris');
    fs.writeFileSync(file, entry('Anything', '10.5555/x.1'));
    const r = runImport([file, '--review', 'demo-review', '--source', 'PsycINFO'], dir);
    expect(r.status).toBe(1);
    expect(r.output).toContain('already holds the "psycinfo" search results; nothing was overwritten');
    expect(fs.readFileSync(existing).equals(before)).toBe(true);
  });

  test('refuses a format the review folder does not keep, writing nothing', () => {
    const dir = copyFixture();
    const file = path.join(tempDir('export'), 'wos.txt');
    fs.writeFileSync(file, 'FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Doe, J\nTI A title\nSO A JOURNAL\nPY 2010\nER\nEF\n');
    const r = runImport([file, '--review', 'demo-review', '--source', 'WoS'], dir);
    expect(r.status).toBe(1);
    expect(r.output).toContain('not a search export the review folder keeps');
    expect(fs.readdirSync(path.join(dir, 'reviews/demo-review/records')).sort()).toEqual(['psycinfo.ris', 'pubmed.nbib']);
  });
});
