// npm run bench — measures Rapport at scale. Not a test: it prints figures and never fails on them.
//   --studies N   synthetic studies for the site build and search (default 10000)
//   --votes N     screening rows for the PRISMA derivation (default 50000)
//   --skip-site   only the derivation and validation figures
// Results are printed as a table and written to .bench/results.json.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { syntheticEntries, syntheticRis, writeSyntheticContent } from './lib/synthetic';
import { seededRandom } from '../src/lib/random';
import { loadContent } from '../src/loaders/content';
import { deriveFlow } from '../src/lib/prisma/derive';
import { parseScreeningCsv, SCREENING_HEADER } from '../src/lib/prisma/screening';
import type { BibRecord } from '../src/lib/bibliography';
import { serveStatic } from './lib/serve';
import { buildEnv, tempDir, withBuildLock } from './lib/build';

const { values } = parseArgs({
  options: {
    studies: { type: 'string', default: '10000' },
    votes: { type: 'string', default: '50000' },
    'skip-site': { type: 'boolean', default: false },
  },
});
const studyCount = Number(values.studies);
const voteCount = Number(values.votes);
const results: { what: string; value: string }[] = [];
const record = (what: string, value: string) => {
  results.push({ what, value });
  console.log(`  ${what}: ${value}`);
};
const ms = (t: number) => `${Math.round(t)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const time = <T>(fn: () => T): [T, number] => {
  const t0 = performance.now();
  const out = fn();
  return [out, performance.now() - t0];
};

function benchDerivation() {
  console.log(`\nPRISMA derivation, ${voteCount.toLocaleString('en')} screening rows`);
  const rnd = seededRandom(7);
  const recordsPerSource = Math.ceil(voteCount / 4);
  const records: BibRecord[] = [];
  for (const source of ['pubmed', 'psycinfo']) {
    for (let i = 0; i < recordsPerSource; i++) {
      // One record in five appears in both sources (same DOI): a duplicate to remove.
      const shared = i % 5 === 0;
      const n = shared ? i : source === 'pubmed' ? i : recordsPerSource + i;
      records.push({
        key: `10.5555/bench.${n}`,
        source,
        title: `Bench record ${n}`,
        year: 2000 + (n % 20),
        authors: [`Author${n % 97}, A.`],
        doi: `10.5555/bench.${n}`,
      });
    }
  }
  const unique = [...new Set(records.map((r) => r.key))];
  const rows = [SCREENING_HEADER];
  let written = 0;
  for (const key of unique) {
    if (written >= voteCount) break;
    const include = rnd() < 0.1;
    for (const reviewer of ['ana', 'ben']) {
      const agree = rnd() < 0.95;
      rows.push(`${key},title-abstract,${reviewer},${include === agree ? 'include' : 'exclude'},,2026-01-01`);
      written++;
    }
  }
  const text = rows.join('\n');
  const [parsed, parseTime] = time(() => parseScreeningCsv(text, { reasons: ['wrong-population'] }));
  const [derived, deriveTime] = time(() =>
    deriveFlow({ records, votes: parsed.votes, reasons: [{ id: 'wrong-population', label: 'Wrong population' }] }),
  );
  record('records', `${records.length.toLocaleString('en')} (${(records.length - unique.length).toLocaleString('en')} duplicates)`);
  record('parse screening.csv', ms(parseTime));
  record('derive flow (dedupe, decisions, kappa)', ms(deriveTime));
  record(
    'screened / excluded / conflicts',
    `${derived.flow.screened} / ${derived.flow.excluded_screening} / ${derived.progress.stages['title-abstract'].conflicts.length}`,
  );
}

/** npm run import on a 20,000-entry RIS export into an empty synthetic content folder: parse, duplicates, checks, writes. */
function benchImport() {
  console.log('\nImport, a 20,000-entry RIS export');
  const work = tempDir('bench-import');
  const content = writeSyntheticContent(path.join(work, 'content'), 0);
  const ris = path.join(work, 'export.ris');
  fs.writeFileSync(ris, syntheticRis(syntheticEntries({ distinct: 20_000 })));
  const args = ['--import', 'tsx', 'scripts/import.ts', ris, '--review', 'synthetic-review'];
  const [run, took] = time(() => spawnSync(process.execPath, args, { env: { ...process.env, CONTENT_DIR: content }, stdio: 'ignore' }));
  record('npm run import (20,000 entries, written)', `${ms(took)}${run.status === 0 ? '' : ` (exit ${run.status})`}`);
  fs.rmSync(work, { recursive: true, force: true });
}

async function benchSite() {
  console.log(`\nSite with ${studyCount.toLocaleString('en')} synthetic studies`);
  // Inside the project: Astro writes a build's server files to <project>/.astro when outDir is elsewhere.
  const work = tempDir('bench');
  const content = path.join(work, 'content');
  const outDir = path.join(work, 'dist');
  const [, writeTime] = time(() => writeSyntheticContent(content, studyCount));
  record('write records', ms(writeTime));
  const [loaded, validateTime] = time(() => loadContent(content, content));
  record('validate (parse, schema, cross-checks)', `${ms(validateTime)}, ${loaded.problems.length} problems`);

  const t0 = performance.now();
  const build = withBuildLock(() =>
    spawnSync(process.execPath, ['node_modules/astro/astro.js', 'build'], {
      env: buildEnv({ CONTENT_DIR: content, OUT_DIR: outDir, ASTRO_CACHE_DIR: path.join(work, 'cache') }),
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    }),
  );
  const buildTime = performance.now() - t0;
  if (build.status !== 0) throw new Error(`build failed:\n${build.stdout.slice(-3000)}\n${build.stderr.slice(-3000)}`);
  const indexed = /indexed (\d+) pages in (\d+) ms/.exec(build.stdout);
  record('build (astro build incl. Pagefind)', ms(buildTime));
  if (indexed) record('Pagefind indexing', `${indexed[2]} ms for ${indexed[1]} pages`);
  const pages = fs
    .readdirSync(path.join(outDir, 'studies'))
    .filter((d) => fs.existsSync(path.join(outDir, 'studies', d, 'index.html'))).length;
  record('study pages written', `${pages} (records in: ${loaded.studies.length})`);

  const server = await serveStatic(outDir);
  const browser = await chromium.launchPersistentContext(fs.mkdtempSync(path.join(work, 'chromium-')), {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  try {
    // Explorer page weight: every byte the browser fetches to show /studies/ and make it interactive.
    const page = await browser.newPage();
    let bytes = 0;
    let requests = 0;
    page.on('response', async (res) => {
      requests++;
      bytes += (await res.body().catch(() => Buffer.alloc(0))).length;
    });
    await page.goto(`${server.origin}/studies/`, { waitUntil: 'networkidle' });
    await page.locator('[data-explorer-form]').waitFor({ state: 'visible' });
    await page.waitForLoadState('networkidle');
    record('explorer /studies/ HTML', kb(fs.statSync(path.join(outDir, 'studies/index.html')).size));
    record('explorer page weight, ready to filter', `${kb(bytes)} in ${requests} requests (uncompressed)`);

    // Explorer: time from ticking a facet to the updated status line.
    const t1 = performance.now();
    await page.getByRole('checkbox', { name: /^Videoconference/ }).check();
    await page.waitForFunction(() => document.querySelector('[data-explorer-status]')?.textContent?.includes('matching'));
    record('explorer facet click to updated table', ms(performance.now() - t1));

    // Search latency: first result's data, measured inside the page (cold, then warm).
    const search = await browser.newPage();
    await search.goto(`${server.origin}/search/`, { waitUntil: 'networkidle' });
    const latencies = await search.evaluate(
      async (terms) => {
        const entry = '/pagefind/pagefind.js';
        const pf = (await import(/* @vite-ignore */ entry)) as {
          search: (t: string) => Promise<{ results: { data: () => Promise<unknown> }[] }>;
        };
        const out: number[] = [];
        for (const term of terms) {
          const t = performance.now();
          const r = await pf.search(term);
          if (r.results[0]) await r.results[0].data();
          out.push(performance.now() - t);
        }
        return out;
      },
      ['alliance', 'videoconference', 'panic', 'rapport', 'outcome', 'trial'],
    );
    record('search, first result (cold, first query)', ms(latencies[0] ?? NaN));
    record('search, first result (warm, median of 5)', ms(median(latencies.slice(1))));
  } finally {
    await browser.close();
    await server.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

console.log(`Rapport benchmark on ${os.cpus().length} cores, Node ${process.version}`);
benchDerivation();
benchImport();
if (!values['skip-site']) await benchSite();
fs.mkdirSync('.bench', { recursive: true });
fs.writeFileSync(
  '.bench/results.json',
  `${JSON.stringify({ date: new Date().toISOString(), studies: studyCount, votes: voteCount, results }, null, 2)}\n`,
);
console.log('\nWritten to .bench/results.json');
