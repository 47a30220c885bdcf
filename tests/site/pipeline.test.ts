// One checking pipeline: `astro build` runs validate's checks first and stops on their errors,
// printing the same `file:line field: sentence` lines as `npm run validate` and no stack trace;
// `astro dev` prints them before it serves. Fixtures: tests/fixtures/pipeline-faults (one of each
// fault the build used to let through or crash on) and tests/fixtures/pipeline-duplicate.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildEnv, buildSite, tempDir, withBuildLock } from '../helpers/build';

const root = path.resolve(import.meta.dirname, '../..');
const validate = (dir: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/validate.ts', dir], { cwd: root, encoding: 'utf8' });
/** The `file:line field: sentence` lines of an output (the lines that start with a content path). */
const problemLines = (output: string, dir: string) => output.split('\n').filter((l) => l.startsWith(`${dir}/`));
/** A stack frame, as Node prints one. */
const stackFrame = /^\s+at .+/m;

describe('the build runs the checks validate runs', () => {
  // The fixture, plus what git should not hold: a study that is not UTF-8, a hidden study and a symbolic link.
  const dir = tempDir('pipeline');
  fs.cpSync(path.join(root, 'tests/fixtures/pipeline-faults'), dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'studies/muller-2017.yaml'),
    Buffer.from(fs.readFileSync(path.join(dir, 'studies/doe-2010.yaml'), 'utf8').replace('Doe, Jane', 'Müller, Jürgen'), 'latin1'),
  );
  fs.copyFileSync(path.join(dir, 'studies/doe-2010.yaml'), path.join(dir, 'studies/.hidden-2018.yaml'));
  fs.symlinkSync(path.join(dir, 'studies/doe-2010.yaml'), path.join(dir, 'studies/link-2019.yaml'));
  const shown = path.relative(root, dir);
  const built = buildSite(dir);
  const checked = validate(dir);

  test('fails with exit code 1, and so does validate', () => {
    expect(built.code, built.output).toBe(1);
    expect(checked.status).toBe(1);
  });

  test('prints every fault validate prints, line for line, and the same summary', () => {
    const expected = problemLines(checked.stdout, shown);
    expect(expected.length).toBeGreaterThanOrEqual(14);
    expect(problemLines(built.output, shown)).toEqual(expected);
    expect(built.output).toContain(checked.stdout.trim().split('\n').at(-1)!);
  });

  test.each([
    ['a second file with the id cook-2002 would have had (here doe-2010)', 'studies/doe-2010-copy.yaml:1 id: must equal the file name'],
    ['an unknown review (a deleted review file)', 'studies/roe-2011.yaml:27 reviews[0].review: names a review that does not exist'],
    ['a duplicate DOI', 'studies/roe-2011.yaml:8 doi: DOI 10.1000/test.2010 is already used by'],
    ['an unknown exclusion reason', 'studies/zoe-2016.yaml:29 reviews[0].reason: is not an exclusion reason of review "test-review"'],
    ['an empty file', 'studies/empty-2013.yaml:1: must be a YAML mapping'],
    ['a file of two documents', 'studies/two-2014.yaml:2: is not valid YAML: expected a single document'],
    ['a .yml file', 'studies/yml-2015.yml: has the extension ".yml"'],
    ['a hidden file', 'studies/.hidden-2018.yaml: is a hidden file'],
    ['a symbolic link', 'studies/link-2019.yaml: is a symbolic link'],
    ['a file that is not UTF-8', 'studies/muller-2017.yaml:6: is not valid UTF-8: byte 0xFC at byte offset'],
    ['an impossible date', 'studies/poe-2012.yaml:35 provenance.added: is not a calendar date: February 2026 has 28 days'],
    ['an implausible count', 'studies/poe-2012.yaml:13 sample_size: must be at most 10,000,000'],
    ['an MDX syntax error', 'guides/broken-mdx.mdx:12: is not valid MDX'],
  ])('names %s on its line', (_, line) => {
    expect(problemLines(built.output, shown)).toContainEqual(expect.stringContaining(`${shown}/${line}`));
  });

  test("prints no stack trace and no error of Astro's own loaders", () => {
    expect(built.output).not.toMatch(stackFrame);
    expect(built.output).not.toMatch(/TypeError|\[content\] Syncing/);
    expect(fs.existsSync(path.join(built.outDir, 'index.html'))).toBe(false);
  });
});

describe("astro dev reports validate's problems before serving", () => {
  test('prints the duplicate id as validate does, before the server is ready', { timeout: 120_000 }, () => {
    const fixture = 'tests/fixtures/pipeline-duplicate';
    // Starts `astro dev`, waits for it to say where it serves (or to stop), then stops it and prints what it said.
    const runner = `
      const { spawn } = require('node:child_process');
      const child = spawn(process.execPath, ['node_modules/astro/astro.js', 'dev', '--port', process.argv[1]], { detached: true });
      let out = '';
      const finish = () => { try { process.kill(-child.pid, 'SIGTERM'); } catch {} process.stdout.write(out); process.exit(0); };
      child.stdout.on('data', (d) => { out += d; if (/Local\\s+(\\u001b\\[\\d+m)?http/.test(out)) finish(); });
      child.stderr.on('data', (d) => { out += d; });
      child.on('exit', finish);
      setTimeout(finish, 90000);`;
    const port = String(43_000 + Math.floor(Math.random() * 1000));
    const result = withBuildLock(() =>
      spawnSync(process.execPath, ['-e', runner, port], {
        cwd: root,
        env: buildEnv({ CONTENT_DIR: fixture, ASTRO_CACHE_DIR: tempDir('cache'), FORCE_COLOR: '0', NO_COLOR: '1' }),
        encoding: 'utf8',
      }),
    );
    const output = result.stdout.replace(/\u001b\[[\d;]*m/g, '');
    const expected = problemLines(validate(fixture).stdout, fixture);
    expect(expected).toEqual([expect.stringContaining(`${fixture}/studies/doe-2010-copy.yaml:1 id: must equal the file name`)]);
    expect(problemLines(output, fixture)).toEqual(expected);
    expect(output).toMatch(/Local\s+http/);
    expect(output.indexOf(expected[0]!)).toBeLessThan(output.search(/Local\s+http/));
    expect(output).not.toMatch(stackFrame);
  });
});
