// A first-time contributor's path: import an export, edit the draft (with the typos people make),
// run `npm run validate`, and get an error that names the file, the line and the fix.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadContent } from '../../src/loaders/content';
import { isoDateOf, suggestFix } from '../../src/lib/validation/fixes';
import { yamlErrorMessage, yamlHint } from '../../src/lib/validation/yaml-errors';
import { tempDir } from '../helpers/build';
import { withReview } from '../helpers/import';

const root = path.resolve(import.meta.dirname, '../..');

function run(script: string, args: string[], contentDir: string) {
  const all = script === 'import.ts' ? withReview(args, contentDir) : args;
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', script), ...all], {
    cwd: root,
    env: { ...process.env, CONTENT_DIR: contentDir },
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, output: `${r.stdout}${r.stderr}` };
}

/** A content folder with the real review and one draft imported from the PubMed fixture (norgaard-2024 and two others). */
function importedDraft(): { content: string; file: string; text: string } {
  const content = tempDir('content');
  fs.cpSync(path.join(root, 'content/reviews'), path.join(content, 'reviews'), { recursive: true });
  fs.cpSync(path.join(root, 'content/studies'), path.join(content, 'studies'), { recursive: true });
  const result = run('import.ts', [path.join(root, 'tests/fixtures/import/pubmed-three.nbib')], content);
  expect(result.status, result.output).toBe(0);
  const file = path.join(content, 'studies/norgaard-2024.yaml');
  return { content, file, text: fs.readFileSync(file, 'utf8') };
}

/** The 1-based line of the first line of `text` that matches. */
const lineWith = (text: string, pattern: RegExp) => text.split('\n').findIndex((l) => pattern.test(l)) + 1;

describe('a contributor edits an imported draft', () => {
  // Each edit: [what the contributor did, the edit, the line it lands on, the message validate must print].
  const edits: [string, (t: string) => string, RegExp, string][] = [
    [
      'misspells a field name',
      (t) => t.replace('modalities:', 'modalites:'),
      /^modalites:/,
      'modalites: is not a known field. Did you mean "modalities"?',
    ],
    [
      'writes a field name with a space',
      (t) => t.replace('sample_size: null', 'sample size: 126'),
      /^sample size:/,
      'sample size: is not a known field. Did you mean "sample_size"?',
    ],
    [
      'writes a design in capitals',
      (t) => t.replace('design: other', 'design: RCT'),
      /^design:/,
      'design: is not an allowed value (expected one of rct, non-randomized, single-group, analogue, case-series, qualitative, other, systematic-review, meta-analysis, got "RCT"). Did you mean "rct"?',
    ],
    [
      'shortens a modality',
      (t) => t.replace('  - internet-program', '  - internet'),
      /^ {2}- internet$/,
      'modalities[0]: is not an allowed value (expected one of email, chat, videoconference, telephone, internet-program, virtual-reality, got "internet"). Did you mean "internet-program"?',
    ],
    [
      'writes one modality without a list',
      (t) => t.replace('modalities:\n  - internet-program', 'modalities: internet-program'),
      /^modalities:/,
      'modalities: has the wrong type (expected a list, got "internet-program"): write a list, one value per line starting with "- " (e.g. "- internet-program"), or in brackets: [internet-program]',
    ],
    [
      'quotes a number',
      (t) => t.replace('sample_size: null', "sample_size: '126'"),
      /^sample_size:/,
      'sample_size: has the wrong type (expected a number, or null when not reported, got "126"): write it without quotes, as 126',
    ],
    [
      'writes NR for not reported',
      (t) => t.replace('sample_size: null', 'sample_size: NR'),
      /^sample_size:/,
      'sample_size: has the wrong type (expected a number, or null when not reported, got "NR"): write null when it is not reported',
    ],
    [
      'pastes a DOI link',
      (t) => t.replace('doi: 10.5555/pst.2024.0112', 'doi: https://doi.org/10.5555/pst.2024.0112'),
      /^doi:/,
      'doi: must be a bare DOI such as "10.2196/jmir.2084" (no https://doi.org/ prefix) (got "https://doi.org/10.5555/pst.2024.0112"). Did you mean "10.5555/pst.2024.0112"?',
    ],
    [
      'adds an author as "Given Family"',
      (t) => t.replace('  - Nørgaard, Søren', '  - Søren Nørgaard'),
      /Søren Nørgaard/,
      'authors[0]: must be written "Family, Given", e.g. "Germain, Vanessa" or "Cook, J. E." (or a group author in braces, e.g. "{Rapport contributors}") (got "Søren Nørgaard"). Did you mean "Nørgaard, Søren"?',
    ],
    [
      'writes a date day first',
      (t) => t.replace(/updated: \d{4}-\d{2}-\d{2}/, 'updated: 28/12/2026'),
      /updated:/,
      'provenance.updated: must be a date written YYYY-MM-DD (got "28/12/2026"). Did you mean "2026-12-28"?',
    ],
    [
      'misspells a rater',
      (t) => t.replace('rater: client', 'rater: clinet'),
      /rater:/,
      'alliance.measures[0].rater: is not an allowed value (expected one of client, therapist, observer, got "clinet"). Did you mean "client"?',
    ],
    [
      'misspells a decision',
      (t) => t.replace('decision: pending', 'decision: include'),
      /decision:/,
      'reviews[0].decision: is not an allowed value (expected one of included, excluded, pending, got "include"). Did you mean "included"?',
    ],
    [
      'lists an unverified field with a space',
      (t) => t.replace('    - sample_size\n', '    - sample size\n'),
      /- sample size/,
      'provenance.unverified_fields[3]: must be a field path such as "sample_size" or "alliance.measures" (got "sample size"). Did you mean "sample_size"?',
    ],
    [
      'forgets the space after a list dash',
      (t) => t.replace('  - other\nsample_size', '  -other\nsample_size'),
      /^conditions:/,
      'conditions: has the wrong type (expected a list, got "-other"): put a space after the "-" to start a list item ("- other")',
    ],
    [
      'deletes the summary',
      (t) => t.replace(/^summary: .*\n/m, ''),
      /^id:/,
      'summary: is required (expected text): 1-3 plain-language sentences in our own words.',
    ],
    [
      'writes a title with a colon unquoted',
      (t) => t.replace(/^title: .*$/m, 'title: Working alliance: a randomised comparison'),
      /^title:/,
      ': is not valid YAML: bad indentation of a mapping entry (text that contains ": " must be in quotes, e.g. title: \'Alliance: a study\')',
    ],
    [
      'indents with a tab',
      (t) => t.replace('  vs_face_to_face:', '\tvs_face_to_face:'),
      /vs_face_to_face:/,
      ': is not valid YAML: tab characters must not be used in indentation (indent with spaces, not tabs)',
    ],
    [
      'writes a field twice',
      (t) => t.replace('design: other', 'design: other\ndesign: rct'),
      /^design: rct/,
      ': is not valid YAML: duplicated mapping key (this field is written twice at the same level; keep one)',
    ],
  ];

  test.each(edits)('who %s is told the file, the line and the fix', (_, edit, linePattern, message) => {
    const { content, file, text } = importedDraft();
    const edited = edit(text);
    expect(edited).not.toBe(text);
    fs.writeFileSync(file, edited);
    const result = run('validate.ts', [content], content);
    expect(result.status).toBe(1);
    const rel = path.relative(root, file).split(path.sep).join('/');
    const expected = `${rel}:${lineWith(edited, linePattern)}${message.startsWith(':') ? '' : ' '}${message}`;
    expect(result.stdout.split('\n')).toContain(expected);
    expect(result.output).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });

  test('while an untouched imported draft passes', () => {
    const { content } = importedDraft();
    expect(loadContent(content, content).problems.filter((p) => p.file.includes('norgaard'))).toEqual([]);
  });
});

describe('fix suggestions', () => {
  test.each([
    ['27/11/2026', '2026-11-27'],
    ['2026/11/27', '2026-11-27'],
    ['2026.1.5', '2026-01-05'],
    ['05/11/2026', undefined],
    ['November 2026', undefined],
  ])('reads the date %j as %j (only when day and month cannot be confused)', (text, iso) => {
    expect(isoDateOf(text)).toBe(iso);
  });

  test.each([
    [['doi'], 'doi:10.1000/ABC', '10.1000/abc'],
    [['pmid'], 'PMID: 22858538', '22858538'],
    [['authors', 0], 'Smith JB', 'Smith, J. B.'],
    [['reports', 0, 'authors', 1], 'Jane Doe', 'Doe, Jane'],
    [['provenance', 'unverified_fields', 0], 'alliance measures', 'alliance.measures'],
    [['title'], 'Anything', undefined],
    [['doi'], 'not a doi', undefined],
  ] as const)('suggests a fix at %j for %j', (segments, found, fix) => {
    expect(suggestFix(segments, found, ['sample_size', 'alliance', 'alliance.measures', 'alliance.measures.rater'])).toBe(fix);
  });

  test.each([
    ['bad indentation of a mapping entry', '  rater: client', /check the indentation/],
    ['bad indentation of a mapping entry', 'population: Adults: with PTSD', /must be in quotes/],
    ['unexpected end of the stream within a flow collection', 'title: [unclosed', /is not closed/],
    ['some other reason', 'x', undefined],
  ])('hints at a fix for the YAML fault %j', (reason, line, hint) => {
    if (hint) expect(yamlHint(reason, line)).toMatch(hint);
    else expect(yamlHint(reason, line)).toBeUndefined();
  });

  test('keeps js-yaml\'s reason first, so "is not valid YAML" still starts the message', () => {
    expect(yamlErrorMessage('duplicated mapping key', 'a: 1\na: 2\n', 1)).toBe(
      'is not valid YAML: duplicated mapping key (this field is written twice at the same level; keep one)',
    );
  });
});
