// npm run bench in a small configuration (300 studies, each site built twice, no browser): Rapport and the plain Astro
// baseline are built in the same run, so a regression in build speed shows as a ratio, whatever the
// machine's load. The bounds are generous: at 300 studies Astro's fixed start-up costs dominate (the
// build measured 1.1-4.1 times the baseline on 2 shared cores, page generation 5-8 times). Page
// generation's bound catches a per-page cost such as citeproc (about 3 ms a reference) or lost
// memoisation (each page reloading every collection: 45 times the baseline).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { tempDir } from '../helpers/build';

interface BenchResults {
  studies: number;
  figures: Record<string, number>;
  table: Record<string, string>[];
}

const studies = 300;
const work = tempDir('bench-test');
const json = path.join(work, 'results.json');
let run: ReturnType<typeof spawnSync> | undefined;
const bench = () => {
  run ??= spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'scripts/bench.ts',
      '--studies',
      String(studies),
      '--skip-derivation',
      '--skip-import',
      '--skip-browser',
      '--runs',
      '2',
      '--json',
      json,
      '--out',
      path.join(work, 'sites'),
      '--keep',
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } },
  );
  return { run, results: JSON.parse(fs.readFileSync(json, 'utf8')) as BenchResults };
};

describe('npm run bench at 300 studies', () => {
  test('builds Rapport and the plain baseline and prints the table with every column', { timeout: 240_000 }, () => {
    const { run, results } = bench();
    expect(run.status, String(run.stderr)).toBe(0);
    expect(String(run.stdout)).toContain('| measure | Rapport | plain Astro | ratio | target | met |');
    const measures = results.table.map((r) => r['measure']);
    for (const wanted of [
      'build, total',
      'page generation',
      'Pagefind indexing',
      'peak memory',
      'validate',
      'dist/ size',
      'largest page',
      'heaviest study page',
    ])
      expect(
        measures.some((m) => m?.startsWith(wanted)),
        wanted,
      ).toBe(true);
    for (const row of results.table) expect(Object.keys(row)).toEqual(['measure', 'rapport', 'baseline', 'ratio', 'target', 'met']);
    expect(results.studies).toBe(studies);
  });

  test('lists the first 200 of the review’s 300 studies and of the 300 changes, and says where the rest are', { timeout: 240_000 }, () => {
    expect(bench().run.status).toBe(0);
    const [site] = fs.readdirSync(path.join(work, 'sites'));
    const dist = path.join(work, 'sites', site!, 'dist');
    const review = fs.readFileSync(path.join(dist, 'reviews', 'synthetic-review', 'index.html'), 'utf8');
    expect(review).toContain('<caption>200 of 300 studies with a study record on this site</caption>');
    expect(review.match(/<tr data-study=/g)).toHaveLength(200);
    expect(review).toContain('This page lists the first 200 of the 300 included studies, by year. All of them are in the files below');
    const changes = fs.readFileSync(path.join(dist, 'changes', 'index.html'), 'utf8');
    expect(changes.match(/<li data-change=/g)).toHaveLength(200);
    expect(changes).toMatch(/These are the 200 most recent of [\d,]+ changes\./);
    // The review's files still hold every included study.
    expect(
      fs
        .readFileSync(path.join(dist, 'reviews', 'synthetic-review', 'studies.csv'), 'utf8')
        .trim()
        .split('\r\n'),
    ).toHaveLength(301);
  });

  test('keeps the build within 6 times the plain baseline, and page generation within 12 times', { timeout: 240_000 }, () => {
    const { figures } = bench().results;
    for (const key of ['buildMs', 'baselineMs', 'pagesMs', 'baselinePagesMs', 'indexMs', 'baselineIndexMs', 'peakRss', 'studyPageBytes'])
      expect(figures[key], key).toBeGreaterThan(0);
    expect(figures['buildRatio']).toBeLessThan(6);
    expect(figures['pagesMs']! / figures['baselinePagesMs']!).toBeLessThan(12);
  });
});
