// The validator as a contributor meets it: temporary content folders with one fault each.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import yaml from 'js-yaml';
import { loadContent } from '../../src/loaders/content';
import { lineOf } from '../../src/lib/validation/yaml-lines';
import { tempDir } from '../helpers/build';
import { reviewInput, studyInput } from '../helpers/factories';

/** Writes a content folder with the test review and the given study files (name -> YAML text). */
function contentWith(studies: Record<string, string>): string {
  const dir = tempDir('content');
  fs.mkdirSync(path.join(dir, 'studies'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'reviews'), { recursive: true });
  // The review leaves its included count unreported, so these tests see only the study file's faults.
  fs.writeFileSync(path.join(dir, 'reviews/test-review.yaml'), yaml.dump(reviewInput({ flow: { screened: 100 } })));
  for (const [name, text] of Object.entries(studies)) fs.writeFileSync(path.join(dir, 'studies', name), text);
  return dir;
}

const validYaml = yaml.dump(studyInput(), { lineWidth: -1 });

describe('loadContent', () => {
  test('loads a valid folder with no problems', () => {
    const content = loadContent(contentWith({ 'doe-2010.yaml': validYaml }), '/');
    expect(content.problems).toEqual([]);
    expect(content.studies.map((s) => s.data.id)).toEqual(['doe-2010']);
  });

  test('reports a misspelt field with its line and a suggestion', () => {
    const text = validYaml.replace('modalities:', 'modalty:');
    const dir = contentWith({ 'doe-2010.yaml': text });
    const { problems } = loadContent(dir, dir);
    const line = text.split('\n').findIndex((l) => l.startsWith('modalty:')) + 1;
    expect(problems).toContainEqual({
      file: 'studies/doe-2010.yaml',
      line,
      path: 'modalty',
      message: 'is not a known field. Did you mean "modalities"?',
      severity: 'error',
    });
  });

  test('reports a broken YAML file instead of skipping it', () => {
    const dir = contentWith({ 'doe-2010.yaml': 'id: doe-2010\ntitle: [unclosed\n' });
    const content = loadContent(dir, dir);
    expect(content.studies).toEqual([]);
    expect(content.filesRead).toBe(2);
    expect(content.problems).toEqual([
      expect.objectContaining({ file: 'studies/doe-2010.yaml', path: '', message: expect.stringContaining('is not valid YAML') }),
    ]);
    expect(content.problems[0]?.line).toBeGreaterThan(0);
  });

  test('reports an empty file', () => {
    const dir = contentWith({ 'doe-2010.yaml': '' });
    expect(loadContent(dir, dir).problems).toEqual([
      expect.objectContaining({ file: 'studies/doe-2010.yaml', message: expect.stringContaining('must be a YAML mapping') }),
    ]);
  });

  test('locates a cross-record fault on its line', () => {
    const text = validYaml.replace('review: test-review', 'review: other-review');
    const dir = contentWith({ 'doe-2010.yaml': text });
    const line = text.split('\n').findIndex((l) => l.includes('review: other-review')) + 1;
    expect(loadContent(dir, dir).problems).toEqual([expect.objectContaining({ path: 'reviews[0].review', line })]);
  });
});

describe('lineOf', () => {
  const text = 'id: a\nalliance:\n  measures:\n    - instrument: WAI\n      rater: clinet\n';
  test.each([
    [['id'], 1],
    [['alliance', 'measures', 0, 'rater'], 5],
    [['alliance', 'measures', 0, 'missing'], 4],
    [['nothing'], 1],
  ] as const)('finds %j on line %i (or its nearest parent)', (segments, line) => {
    expect(lineOf(text, segments)).toBe(line);
  });
});

describe('npm run validate', () => {
  const run = (dir: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/validate.ts', dir], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      encoding: 'utf8',
    });

  test('prints file:line field: sentence for each fault, exits 1, and never a stack trace', () => {
    const bad = validYaml
      .replace('rater: client', 'rater: clinet')
      .replace('doi: 10.1000/test.2010', 'doi: https://doi.org/10.1000/test.2010');
    const dir = contentWith({ 'doe-2010.yaml': bad, 'broken.yaml': 'title: [\n' });
    const result = run(dir);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(
      /studies\/doe-2010\.yaml:\d+ alliance\.measures\[0\]\.rater: is not an allowed value \(expected one of client, therapist, observer, got "clinet"\)\. Did you mean "client"\?/,
    );
    expect(result.stdout).toMatch(/studies\/doe-2010\.yaml:\d+ doi: must be a bare DOI/);
    expect(result.stdout).toMatch(/studies\/broken\.yaml:\d+: is not valid YAML/);
    expect(`${result.stdout}${result.stderr}`).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });

  test('exits 0 for valid content', () => {
    const result = run(contentWith({ 'doe-2010.yaml': validYaml }));
    expect(result.stdout).toContain('0 errors');
    expect(result.status).toBe(0);
  });
});
