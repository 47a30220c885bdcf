// npm run bench — measures Rapport at scale, beside a plain Astro site built in the same run over
// the same synthetic study files (scripts/lib/baseline.ts: one page per study, a zod-checked
// content collection, nothing else, then Pagefind over it). The machine is shared and timings are
// noisy, so the figures that matter are the ratios to that baseline. Not a test: it prints figures
// and never fails on them (tests/scripts/bench.test.ts runs a small configuration with bounds).
//   --studies N        synthetic studies for the site builds and search (default 10000)
//   --votes N          screening rows for the PRISMA derivation (default 50000)
//   --skip-site        only the derivation, import and validation figures
//   --skip-derivation  leave out the PRISMA derivation
//   --skip-import      leave out the 20,000-entry import
//   --skip-browser     leave out the explorer and search timings (no Chromium)
//   --json FILE        where to write the results (default .bench/results.json)
//   --runs N           build both sites N times in turn and keep each figure's best value (default 1)
//   --out DIR          where both built sites go (default: beside the records, under .builds/); a
//                      folder on a RAM disk such as /dev/shm takes the disk's speed out of the figures
// Results are printed as a table (Markdown) and written as JSON.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { indexSite } from '../src/integrations/pagefind';
import { syntheticEntries, syntheticRis, writeSyntheticContent } from './lib/synthetic';
import { writeBaselineSite } from './lib/baseline';
import { seededRandom } from '../src/lib/random';
import { loadContent } from '../src/loaders/content';
import { deriveFlow } from '../src/lib/prisma/derive';
import { parseScreeningCsv, SCREENING_HEADER } from '../src/lib/prisma/screening';
import type { BibRecord } from '../src/lib/bibliography';
import { serveStatic } from './lib/serve';
import { buildEnv, nodeBuildFlags, tempDir, withBuildLock } from './lib/build';
import { benchScreening, canBenchScreening, formatScreenTimings } from './lib/bench-screen';

const { values } = parseArgs({
  options: {
    studies: { type: 'string', default: '10000' },
    votes: { type: 'string', default: '50000' },
    'skip-site': { type: 'boolean', default: false },
    'skip-derivation': { type: 'boolean', default: false },
    'skip-import': { type: 'boolean', default: false },
    'skip-browser': { type: 'boolean', default: false },
    'skip-screen': { type: 'boolean', default: false },
    'screen-records': { type: 'string', default: '25000' },
    json: { type: 'string', default: '.bench/results.json' },
    runs: { type: 'string', default: '1' },
    out: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const studyCount = Number(values.studies);
const voteCount = Number(values.votes);
const runs = Math.max(1, Number(values.runs) || 1);
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

/** One `astro build`, timed from the moment it holds the build lock. */
interface BuildRun {
  /** Wall-clock time of the whole build, ms. */
  total: number;
  /** Astro's "generating static routes" step, ms (from its log). */
  pages: number;
  /** Pagefind after the pages were built, ms: from Rapport's log line (it indexes its studies during the build), or timed here for the baseline. */
  index: number;
  /** Peak resident memory of the build's Node process, bytes (its own process.resourceUsage()). */
  peakRss: number;
}

/** Seconds or milliseconds in Astro's "✓ Completed in 23.67s." after "generating static routes". */
function pageGenerationMs(log: string): number {
  const m = /generating static routes[\s\S]*?Completed in ([\d.]+)(ms|s)\b/.exec(log);
  return m ? Number(m[1]) * (m[2] === 's' ? 1000 : 1) : NaN;
}

/** Runs `astro build` in `root` with `env`; a preloaded hook writes the process's resource usage when it exits. */
function astroBuild(
  root: string,
  env: Record<string, string>,
  work: string,
  nodeFlags: readonly string[] = [],
): { run: Omit<BuildRun, 'index'>; log: string } {
  const hook = path.join(work, 'resource-usage.mjs');
  const usageFile = path.join(work, `usage-${path.basename(root)}-${Date.now()}.json`);
  fs.writeFileSync(
    hook,
    "import fs from 'node:fs';\nprocess.on('exit', () => { if (process.env.BENCH_USAGE_FILE) fs.writeFileSync(process.env.BENCH_USAGE_FILE, JSON.stringify(process.resourceUsage())); });\n",
  );
  const { build, took } = withBuildLock(() => {
    const t0 = performance.now();
    const build = spawnSync(process.execPath, [...nodeFlags, '--import', hook, path.resolve('node_modules/astro/astro.js'), 'build'], {
      cwd: root,
      env: buildEnv({ ...env, BENCH_USAGE_FILE: usageFile }),
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    return { build, took: performance.now() - t0 };
  });
  const log = `${build.stdout}\n${build.stderr}`;
  if (build.status !== 0) throw new Error(`build in ${root} failed:\n${log.slice(-4000)}`);
  const usage = JSON.parse(fs.readFileSync(usageFile, 'utf8')) as NodeJS.ResourceUsage;
  return { run: { total: took, pages: pageGenerationMs(log), peakRss: usage.maxRSS * 1024 }, log };
}

/** Every file under `dir`, with its size. */
function filesUnder(dir: string): { file: string; size: number }[] {
  const out: { file: string; size: number }[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out.push({ file, size: fs.statSync(file).size });
  }
  return out;
}

/** A page's HTML plus the CSS it needs (linked style sheets and inline styles), and the JavaScript it loads. */
function pageWeight(outDir: string, htmlFile: string): { html: number; css: number; js: number } {
  const html = fs.readFileSync(htmlFile, 'utf8');
  const local = (href: string) => path.join(outDir, href.replace(/^\/+/, '').split(/[?#]/)[0]!);
  let css = 0;
  for (const m of html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g))
    css += fs.statSync(local(m[1]!), { throwIfNoEntry: false })?.size ?? 0;
  let js = 0;
  for (const m of html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)) {
    const attrs = m[1]!;
    if (/type="application\/(ld\+)?json"/.test(attrs)) continue;
    const src = /src="([^"]+)"/.exec(attrs)?.[1];
    js += src ? (fs.statSync(local(src), { throwIfNoEntry: false })?.size ?? 0) : Buffer.byteLength(m[2]!);
  }
  return { html: Buffer.byteLength(html), css, js };
}

/** Sizes of a built site: everything, the largest page, and the heaviest study page. */
function siteSizes(outDir: string) {
  const files = filesUnder(outDir);
  const pages = files.filter((f) => f.file.endsWith('.html'));
  const largest = pages.reduce((a, b) => (b.size > a.size ? b : a), { file: '', size: 0 });
  const studyPages = pages.filter((f) => /\/studies\/[^/]+\/index\.html$/.test(f.file) && !/\/studies\/page\//.test(f.file));
  const heaviestStudy = studyPages.reduce((a, b) => (b.size > a.size ? b : a), { file: '', size: 0 });
  return {
    total: files.reduce((n, f) => n + f.size, 0),
    files: files.length,
    largest: { path: path.relative(outDir, largest.file), size: largest.size },
    study: heaviestStudy.file ? { path: path.relative(outDir, heaviestStudy.file), ...pageWeight(outDir, heaviestStudy.file) } : undefined,
  };
}

/** Pagefind over a built site, with the function src/integrations/pagefind.ts runs; ms. */
async function pagefindIndex(site: string): Promise<number> {
  return (await indexSite(site)).ms;
}

/** One row of the printed table. */
interface Row {
  measure: string;
  rapport: string;
  baseline: string;
  ratio: string;
  target: string;
  met: string;
}
/** The table's columns, in order, with their headings. */
const tableColumns: [keyof Row, string][] = [
  ['measure', 'measure'],
  ['rapport', 'Rapport'],
  ['baseline', 'plain Astro'],
  ['ratio', 'ratio'],
  ['target', 'target'],
  ['met', 'met'],
];
const rows: Row[] = [];
const figures: Record<string, number> = {};
const ratioText = (r: number) => (Number.isFinite(r) ? `${r.toFixed(2)}×` : '—');
const verdict = (ok: boolean | undefined) => (ok === undefined ? '—' : ok ? 'yes' : 'no');
function row(measure: string, rapport: string, baseline = '—', ratio = NaN, target = '—', ok?: boolean) {
  rows.push({ measure, rapport, baseline, ratio: ratioText(ratio), target, met: verdict(ok) });
}
const seconds = (t: number) => `${(t / 1000).toFixed(1)} s`;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

async function benchSite() {
  console.log(`\nSite with ${studyCount.toLocaleString('en')} synthetic studies, beside a plain Astro site over the same files`);
  // Inside the project: Astro writes a build's server files to <project>/.astro when outDir is elsewhere,
  // and the baseline finds Astro in the project's node_modules.
  const work = tempDir('bench');
  const content = path.join(work, 'content');
  // --out DIR: the built sites go in a new folder inside DIR (made if need be), e.g. on a RAM disk.
  if (values.out) fs.mkdirSync(path.resolve(values.out), { recursive: true });
  const outRoot = values.out ? fs.mkdtempSync(path.join(path.resolve(values.out), 'rapport-bench-')) : work;
  const outDir = path.join(outRoot, 'dist');
  const baseRoot = writeBaselineSite(path.join(work, 'baseline'));
  const baseOut = path.join(outRoot, 'baseline-dist');
  const [, writeTime] = time(() => writeSyntheticContent(content, studyCount));
  record('write records', ms(writeTime));
  const [loaded, validateTime] = time(() => loadContent(content, content));
  record('validate (parse, schema, cross-checks)', `${ms(validateTime)}, ${loaded.problems.length} problems`);
  if (loaded.problems.some((p) => p.severity === 'error'))
    throw new Error('the synthetic records do not validate: fix scripts/lib/synthetic.ts');

  // The plain baseline, then Rapport, each holding the build lock (so no other build of this checkout
  // runs beside it); with --runs N, N times in turn, keeping each figure's best (least disturbed) value.
  const baseRuns: BuildRun[] = [];
  const mainRuns: BuildRun[] = [];
  for (let i = 0; i < runs; i++) {
    const baseBuild = astroBuild(
      baseRoot,
      { CONTENT_DIR: content, OUT_DIR: baseOut, ASTRO_CACHE_DIR: path.join(work, `baseline-cache-${i}`) },
      work,
    );
    const baseIndex = await pagefindIndex(baseOut);
    const b: BuildRun = { ...baseBuild.run, total: baseBuild.run.total + baseIndex, index: baseIndex };
    baseRuns.push(b);
    record('plain Astro: build + Pagefind', `${ms(b.total)} (pages ${ms(b.pages)}, Pagefind ${ms(b.index)})`);

    if (i > 0) fs.rmSync(outDir, { recursive: true, force: true });
    // Rapport is built as `npm run build` builds it (its Node options), the baseline as plain Astro.
    const main = astroBuild(
      path.resolve('.'),
      { CONTENT_DIR: content, OUT_DIR: outDir, ASTRO_CACHE_DIR: path.join(work, `cache-${i}`) },
      work,
      nodeBuildFlags,
    );
    const indexed = /indexed (\d+) pages, ready (\d+) ms after the pages were built/.exec(main.log);
    const r: BuildRun = { ...main.run, index: indexed ? Number(indexed[2]) : NaN };
    mainRuns.push(r);
    record('Rapport: build incl. Pagefind', `${ms(r.total)} (pages ${ms(r.pages)}, Pagefind ${ms(r.index)})`);
  }
  const best = (xs: BuildRun[]): BuildRun => ({
    total: Math.min(...xs.map((x) => x.total)),
    pages: Math.min(...xs.map((x) => x.pages)),
    index: Math.min(...xs.map((x) => x.index)),
    peakRss: Math.max(...xs.map((x) => x.peakRss)),
  });
  const base = best(baseRuns);
  const rapport = best(mainRuns);
  const studyPages = fs
    .readdirSync(path.join(outDir, 'studies'))
    .filter((d) => d !== 'page' && fs.existsSync(path.join(outDir, 'studies', d, 'index.html'))).length;
  record(
    'study pages written',
    `${studyPages} (records in: ${loaded.studies.length}; baseline pages: ${fs.readdirSync(path.join(baseOut, 'studies')).length})`,
  );

  const buildRatio = rapport.total / base.total;
  // Each run builds the baseline and then Rapport, so a pair saw about the same machine.
  const pairRatios = mainRuns.map((r, i) => r.total / baseRuns[i]!.total);
  const sortedPairs = [...pairRatios].sort((a, b) => a - b);
  const medianPair = sortedPairs[Math.floor((sortedPairs.length - 1) / 2)]!;
  figures['runs'] = runs;
  const other = (b: BuildRun) => b.total - b.pages - b.index;
  Object.assign(figures, {
    studies: studyCount,
    buildMs: rapport.total,
    baselineMs: base.total,
    buildRatio,
    pairRatios,
    pagesMs: rapport.pages,
    baselinePagesMs: base.pages,
    indexMs: rapport.index,
    baselineIndexMs: base.index,
    validateMs: validateTime,
    peakRss: rapport.peakRss,
    baselinePeakRss: base.peakRss,
  });
  row(
    `build, total (${studyCount.toLocaleString('en')} studies)`,
    seconds(rapport.total),
    seconds(base.total),
    buildRatio,
    '≤ 1.5× at 10,000',
    studyCount >= 10_000 ? buildRatio <= 1.5 : undefined,
  );
  if (runs > 1)
    row(
      'build, run by run (each run builds the baseline, then Rapport; ratio: their median)',
      pairRatios.map((r) => `${r.toFixed(2)}×`).join(', '),
      '—',
      medianPair,
    );
  row('page generation', seconds(rapport.pages), seconds(base.pages), rapport.pages / base.pages);
  row(
    'Pagefind indexing, after the pages are built (Rapport indexes its studies while it builds)',
    seconds(rapport.index),
    seconds(base.index),
    rapport.index / base.index,
  );
  row(
    'rest of the build (start, checks, content layer, bundling, post-build files; Rapport writes its citation files while Pagefind runs)',
    seconds(other(rapport)),
    seconds(other(base)),
    other(rapport) / other(base),
  );
  row('peak memory (build’s Node process)', mib(rapport.peakRss), mib(base.peakRss), rapport.peakRss / base.peakRss);
  row('validate (npm run validate’s checks)', ms(validateTime), '—', NaN, '< 2 s', validateTime < 2000);

  const sizes = siteSizes(outDir);
  const baseSizes = siteSizes(baseOut);
  row(
    'dist/ size',
    `${mib(sizes.total)} in ${sizes.files} files`,
    `${mib(baseSizes.total)} in ${baseSizes.files} files`,
    sizes.total / baseSizes.total,
  );
  row(
    'largest page',
    `${kb(sizes.largest.size)} (${sizes.largest.path})`,
    `${kb(baseSizes.largest.size)}`,
    sizes.largest.size / baseSizes.largest.size,
  );
  if (sizes.study && baseSizes.study) {
    const weight = sizes.study.html + sizes.study.css;
    const baseWeight = baseSizes.study.html + baseSizes.study.css;
    Object.assign(figures, { studyPageBytes: weight, studyPageJs: sizes.study.js });
    row(
      'heaviest study page, HTML + CSS',
      `${kb(weight)} (${sizes.study.path})`,
      kb(baseWeight),
      weight / baseWeight,
      '≤ 20 KB',
      weight <= 20_000,
    );
    row('JavaScript a study page loads (none required)', kb(sizes.study.js), kb(baseSizes.study.js));
  }

  const cleanUp = () => {
    fs.rmSync(work, { recursive: true, force: true });
    if (outRoot === work) return;
    if (values.keep) console.log(`  built sites kept in ${outRoot}`);
    else fs.rmSync(outRoot, { recursive: true, force: true });
  };
  if (values['skip-browser']) return cleanUp();
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
    let gzipped = 0;
    let requests = 0;
    page.on('response', async (res) => {
      requests++;
      const body = await res.body().catch(() => Buffer.alloc(0));
      bytes += body.length;
      gzipped += zlib.gzipSync(body).length;
    });
    await page.goto(`${server.origin}/studies/`, { waitUntil: 'networkidle' });
    await page.locator('[data-explorer-form]').waitFor({ state: 'visible' });
    await page.waitForLoadState('networkidle');
    record('explorer /studies/ HTML', kb(fs.statSync(path.join(outDir, 'studies/index.html')).size));
    figures['explorerBytes'] = bytes;
    row('explorer /studies/ ready to filter, transferred', `${kb(gzipped)} gzipped (${kb(bytes)} raw, ${requests} requests)`);

    // Explorer: time from ticking a facet to the updated table and status line, measured inside the
    // page (click, then the status line's change, then the next frame); the first click, then a second facet.
    const clicks: number[] = [];
    for (const name of ['Videoconference', 'Email']) {
      clicks.push(
        await page.evaluate(
          (label) =>
            new Promise<number>((resolve, reject) => {
              const box = [...document.querySelectorAll<HTMLInputElement>('[data-explorer-form] input[type=checkbox]')].find((b) =>
                b.closest('label')?.textContent?.trim().startsWith(label),
              );
              const status = document.querySelector('[data-explorer-status]');
              if (!box || !status) return reject(new Error(`no facet "${label}" or no status line`));
              const before = status.textContent;
              const t0 = performance.now();
              new MutationObserver((_, observer) => {
                if (status.textContent === before) return;
                observer.disconnect();
                requestAnimationFrame(() => resolve(performance.now() - t0));
              }).observe(status, { childList: true, characterData: true, subtree: true });
              box.click();
            }),
          name,
        ),
      );
    }
    figures['facetClickMs'] = clicks[0]!;
    row('explorer: first facet click to updated table', ms(clicks[0]!), '—', NaN, '≤ 100 ms', clicks[0]! <= 100);
    row('explorer: second facet click', ms(clicks[1]!), '—', NaN, '≤ 100 ms', clicks[1]! <= 100);

    // Search latency: first result's data, measured inside the page (cold, then warm), on Rapport's
    // index and on the plain baseline's (Pagefind over the same study files), each in a fresh tab.
    const baseServer = await serveStatic(baseOut);
    try {
      const [ours, plain] = [
        await searchLatencies(browser, `${server.origin}/search/`),
        await searchLatencies(browser, `${baseServer.origin}/`),
      ];
      Object.assign(figures, { searchColdMs: ours[0], baselineSearchColdMs: plain[0] });
      row(
        'search, first result, cold',
        ms(ours[0] ?? NaN),
        ms(plain[0] ?? NaN),
        (ours[0] ?? NaN) / (plain[0] ?? NaN),
        '≤ 300 ms',
        (ours[0] ?? Infinity) <= 300,
      );
      const warm = median(ours.slice(1));
      const plainWarm = median(plain.slice(1));
      row('search, first result, warm (median of 5)', ms(warm), ms(plainWarm), warm / plainWarm, '≤ 100 ms', warm <= 100);
    } finally {
      await baseServer.close();
    }
  } finally {
    await browser.close();
    await server.close();
    cleanUp();
  }
}

/** Times Pagefind searches from a page at `address` (any page of a site with /pagefind/): the first
 *  search loads the index (cold), the next five reuse it (warm); ms to the first result's data. */
async function searchLatencies(browser: import('playwright-core').BrowserContext, address: string): Promise<number[]> {
  const tab = await browser.newPage();
  try {
    await tab.goto(address, { waitUntil: 'networkidle' });
    return await tab.evaluate(
      async (terms) => {
        const entry = new URL('/pagefind/pagefind.js', location.href).href;
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
  } finally {
    await tab.close();
  }
}

/** The screening workspace on a synthetic review: start-up, and key press to the next record, in file and relevance order. */
async function benchScreen() {
  const n = Number(values['screen-records']);
  console.log(`\nScreening workspace, ${n.toLocaleString('en')} synthetic records`);
  if (!canBenchScreening || values['skip-browser']) return record('screening workspace', 'skipped (no Chromium, or --skip-browser)');
  for (const order of ['file', 'relevance'] as const) {
    const t = await benchScreening({ records: n, order });
    record('screening workspace', formatScreenTimings(t));
    figures[`screen_${order}_ready_ms`] = t.serverReadyMs;
    figures[`screen_${order}_key_to_next_median_ms`] = t.keyToNext.median;
    figures[`screen_${order}_key_to_next_p95_ms`] = t.keyToNext.p95;
  }
}

/** The rows as a Markdown table. */
function markdownTable(): string {
  const lines = [`| ${tableColumns.map(([, h]) => h).join(' | ')} |`, `| ${tableColumns.map(() => '---').join(' | ')} |`];
  for (const r of rows) lines.push(`| ${tableColumns.map(([k]) => r[k]).join(' | ')} |`);
  return lines.join('\n');
}

const args = process.argv.slice(2).join(' ');
const command = args ? `npm run bench -- ${args}` : 'npm run bench';
console.log(`Rapport benchmark on ${os.cpus().length} cores, Node ${process.version}: ${command}`);
if (!values['skip-derivation']) benchDerivation();
if (!values['skip-import']) benchImport();
if (!values['skip-screen']) await benchScreen();
if (!values['skip-site']) await benchSite();
if (rows.length) console.log(`\n${markdownTable()}\n`);
fs.mkdirSync(path.dirname(path.resolve(values.json)), { recursive: true });
fs.writeFileSync(
  values.json,
  `${JSON.stringify({ date: new Date().toISOString(), cores: os.cpus().length, studies: studyCount, votes: voteCount, results, figures, table: rows }, null, 2)}\n`,
);
console.log(`Written to ${values.json}`);
