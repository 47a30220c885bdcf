// Flow checks in `npm run validate`: a review whose numbers do not close, or disagree with its
// tracking data or its study records, fails with the review, the box and both numbers.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadContent } from '../../src/loaders/content';
import { formatProblem } from '../../src/lib/validation/problem';
import { tempDir } from '../helpers/build';
import { MULLER } from '../lib/prisma/demo-review';

const fixture = path.resolve('tests/fixtures/tracked/content');

/** A copy of the tracked fixture, with `edit` applied to files by relative path. */
function trackedCopy(edit: Record<string, (text: string) => string>): string {
  const dir = tempDir('tracked');
  fs.cpSync(fixture, dir, { recursive: true });
  for (const [file, change] of Object.entries(edit)) {
    const abs = path.join(dir, file);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, change(fs.existsSync(abs) ? fs.readFileSync(abs, 'utf8') : ''));
  }
  return dir;
}

const errors = (dir: string) =>
  loadContent(dir, dir)
    .problems.filter((p) => p.severity === 'error')
    .map(formatProblem);

const warnings = (dir: string) =>
  loadContent(dir, dir)
    .problems.filter((p) => p.severity === 'warning')
    .map(formatProblem);

describe('flow checks', () => {
  test('pass for the tracked fixture, whose reported flow equals the derived one', () => {
    expect(errors(fixture)).toEqual([]);
  });

  test('a reported box that disagrees with the tracked records names the review, the box and both numbers', () => {
    const dir = trackedCopy({ 'reviews/demo-review.yaml': (t) => t.replace(/^(\s+)excluded_screening: 15$/m, '$1excluded_screening: 14') });
    const found = errors(dir);
    expect(found).toContainEqual(
      expect.stringMatching(
        /^reviews\/demo-review\.yaml:\d+ flow\.excluded_screening: review "demo-review": excluded_screening: the review reports 14 but the tracked records and screening log give 15$/,
      ),
    );
    expect(found).toContainEqual(
      expect.stringMatching(
        /flow\.sought: review "demo-review": sought \(10\) should equal screened \(25\) minus excluded at screening \(14\) = 11/,
      ),
    );
  });

  test('a screening log that includes a record with no study record fails', () => {
    const dir = trackedCopy({
      'reviews/demo-review/screening.csv': (t) =>
        t.replace(/^10\.5555\/demo\.102,title-abstract,alice,exclude,,/m, '10.5555/demo.102,title-abstract,alice,include,,'),
    });
    // A changed vote opens a conflict: the derived flow no longer closes, which is reported as screening under way.
    const problems = loadContent(dir, dir).problems.map(formatProblem);
    expect(problems.some((p) => /screening is under way: 1 conflicts open/.test(p))).toBe(true);
  });

  test('a vote for a record that is in no records file fails with its line', () => {
    const dir = trackedCopy({
      'reviews/demo-review/screening.csv': (t) => `${t.trimEnd()}\n10.9999/missing,title-abstract,alice,include,,2024-02-01\n`,
    });
    expect(errors(dir)).toContainEqual(
      expect.stringMatching(
        /demo-review\/screening\.csv:\d+ record: review "demo-review": "10\.9999\/missing" is not the key of any record/,
      ),
    );
  });

  test("a vote in a reviewer's own file is named by that file and its line", () => {
    const dir = trackedCopy({
      'reviews/demo-review/screening/carol.csv': () =>
        'record,stage,reviewer,decision,reason,date\n10.5555/demo.101,title-abstract,carol,include,,2024-02-01\n10.9999/missing,title-abstract,carol,include,,2024-02-01\n',
    });
    expect(errors(dir)).toContainEqual(
      expect.stringMatching(/demo-review\/screening\/carol\.csv:3 record: review "demo-review": "10\.9999\/missing"/),
    );
  });

  test('a vote written with an old positional key still counts, and validate names the key that replaces it', () => {
    const dir = trackedCopy({
      'reviews/demo-review/screening.csv': (t) => t.replace(MULLER, 'psycinfo-7'),
    });
    expect(errors(dir)).not.toContainEqual(expect.stringContaining('psycinfo-7'));
    expect(warnings(dir)).toContainEqual(
      expect.stringMatching(new RegExp(`screening\\.csv:\\d+ record: warning: .*"psycinfo-7" is an old positional key.*"${MULLER}"`)),
    );
  });

  test('a review whose included count differs from its study records fails', () => {
    const dir = trackedCopy({ 'reviews/demo-review.yaml': (t) => t.replace(/^(\s+)included_studies: 4$/m, '$1included_studies: 5') });
    expect(errors(dir)).toContainEqual(
      expect.stringMatching(
        /flow\.included_studies: review "demo-review": the review reports 5 included studies but 4 study records say decision "included"/,
      ),
    );
  });
});
