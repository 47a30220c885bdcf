import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { loadTracking } from '../../../src/loaders/tracking';
import { formatProblem } from '../../../src/lib/validation/problem';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-tracking-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** Writes files under root/reviews/<name>/ and returns the review folder, relative to root. */
function reviewFolder(name: string, files: Record<string, string>): string {
  for (const [file, text] of Object.entries(files)) {
    const abs = path.join(root, 'reviews', name, file);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, text);
  }
  return `reviews/${name}`;
}

describe('loadTracking', () => {
  test('reads every supported format, naming each source after its file', () => {
    const dir = reviewFolder('formats', {
      'records/scopus.bib': '@article{a, title={From Scopus}, year=2010}',
      'records/zotero.json': '[{"title": "From Zotero"}]',
      'records/embase.ris': 'TY  - JOUR\nTI  - From Embase\nER  - \n',
      'records/pubmed.nbib': 'PMID- 1\nTI  - From PubMed\n',
    });
    const tracking = loadTracking(dir, { root });
    expect(tracking?.sources.map((s) => [s.name, s.format])).toEqual([
      ['embase', 'ris'],
      ['pubmed', 'nbib'],
      ['scopus', 'bibtex'],
      ['zotero', 'csl-json'],
    ]);
    expect(tracking?.records.map((r) => r.positionKey ?? r.key)).toEqual(['embase-1', 'pmid:1', 'scopus-1', 'zotero-1']);
    expect(tracking?.screeningFile).toBeNull();
    expect(tracking?.votes).toEqual([]);
  });

  test('reports faults as file:line field: message', () => {
    const dir = reviewFolder('faults', {
      'records/embase.ris': 'TY  - JOUR\nTI  - Fine\nER  - \nTY  - JOUR\nAU  - Doe, Jane\nER  - \n',
      'records/psyc.json': '[{"title": "Read first (json sorts before ris)"}]',
      'records/psyc.ris': 'TY  - JOUR\nTI  - Same source twice\nER  - \n',
      'records/notes.txt': 'search notes',
      'screening.csv':
        'record,stage,reviewer,decision,reason,date\nembase-1,title-abstract,alice,yes,,\nembase-1,full-text,alice,exclude,made-up,\n',
    });
    const tracking = loadTracking(dir, { root, reasons: ['not-etherapy'] });
    expect(tracking?.problems.map(formatProblem)).toEqual([
      'reviews/faults/records/embase.ris:4 entry 2: entry 2 (line 4) has no title (TI or T1)',
      'reviews/faults/records/notes.txt: warning: is not a search-results file Rapport reads: use .ris, .bib, .nbib (PubMed MEDLINE) or .json (CSL-JSON)',
      `reviews/faults/records/psyc.ris: names the same source "psyc" as reviews/faults/records/psyc.json: give each source one file`,
      'reviews/faults/screening.csv:2 decision: must be "include", "exclude" or "maybe" (found "yes")',
      `reviews/faults/screening.csv:3 reason: "made-up" is not one of this review's exclusion_reasons ids (not-etherapy) or "not-retrieved"`,
    ]);
  });

  test('returns null when the review has no tracking folder', () => {
    expect(loadTracking('reviews/none', { root })).toBeNull();
  });
});
