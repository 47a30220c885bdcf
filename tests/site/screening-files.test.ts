// One vote file per reviewer (issue 12): the tracked fixture's shared screening.csv split into
// screening/alice.csv, screening/ben.csv and screening/consensus.csv derives the same flow, kappa and
// ledger as the shared log; the review page states its screening settings; a vote in another
// reviewer's file is an error.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadContent } from '../../src/loaders/content';
import { buildSite, tempDir } from '../helpers/build';

const root = path.resolve(import.meta.dirname, '../..');
const fixture = path.join(root, 'tests/fixtures/tracked/content');

/** A copy of the tracked fixture whose votes are split into one file per reviewer. */
function splitCopy(): string {
  const dir = tempDir('per-reviewer');
  fs.cpSync(fixture, dir, { recursive: true });
  const reviewDir = path.join(dir, 'reviews/demo-review');
  const [header, ...rows] = fs.readFileSync(path.join(reviewDir, 'screening.csv'), 'utf8').trim().split('\n');
  fs.rmSync(path.join(reviewDir, 'screening.csv'));
  fs.mkdirSync(path.join(reviewDir, 'screening'));
  for (const reviewer of ['alice', 'ben', 'consensus']) {
    const own = rows.filter((r) => r.split(',')[2] === reviewer);
    fs.writeFileSync(path.join(reviewDir, 'screening', `${reviewer}.csv`), `${[header, ...own].join('\n')}\n`);
  }
  const reviewFile = path.join(dir, 'reviews/demo-review.yaml');
  fs.writeFileSync(
    reviewFile,
    fs
      .readFileSync(reviewFile, 'utf8')
      .replace(/^exclusion_reasons:/m, 'screening:\n  reviewers: 2\n  highlight: [alliance]\nexclusion_reasons:'),
  );
  return dir;
}

describe('one vote file per reviewer', () => {
  const dir = splitCopy();
  const shared = buildSite(fixture, tempDir('shared-site'));
  const split = buildSite(dir, tempDir('split-site'));
  const read = (site: string, p: string) => fs.readFileSync(path.join(site, p), 'utf8');

  test('validates, and builds the same PRISMA CSV, diagram and ledger as the shared log', () => {
    expect(loadContent(dir, dir).problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect([shared.code, split.code]).toEqual([0, 0]);
    expect(read(split.outDir, 'reviews/demo-review/prisma.csv')).toBe(read(shared.outDir, 'reviews/demo-review/prisma.csv'));
    expect(read(split.outDir, 'reviews/demo-review/prisma.svg')).toBe(read(shared.outDir, 'reviews/demo-review/prisma.svg'));
    const kappa = (html: string) => html.match(/κ[^<]*|kappa[^<]*/gi)?.join(' ');
    expect(kappa(read(split.outDir, 'reviews/demo-review/index.html'))).toBe(kappa(read(shared.outDir, 'reviews/demo-review/index.html')));
  });

  test('the review page states its screening settings', () => {
    expect(read(split.outDir, 'reviews/demo-review/index.html')).toContain(
      'Each record is screened by 2 reviewers, independently, at title and abstract and at full text. Where reviewers disagree, the votes of &quot;consensus&quot; settle the record.',
    );
  });

  test("a vote in another reviewer's file is an error naming the file and line", () => {
    const broken = splitCopy();
    const file = path.join(broken, 'reviews/demo-review/screening/alice.csv');
    fs.appendFileSync(file, '10.5555/demo.101,title-abstract,ben,include,,2024-02-02\n');
    const problems = loadContent(broken, broken).problems.filter((p) => p.severity === 'error');
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'reviews/demo-review/screening/alice.csv',
        path: 'reviewer',
        message: expect.stringContaining(`voted in alice's file`),
      }),
    );
  });
});
