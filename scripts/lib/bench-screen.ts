// The screening workspace's timings for `npm run bench`: start-up on a synthetic review of N records,
// and the time from a key press to the next record on screen, in Debian's Chromium (playwright-core).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { syntheticRis, syntheticScreeningSet } from '../../src/lib/screening/synthetic';
import { tempDir } from './build';
import { startScreenServer } from './screen-server';

/** What one run measured, in milliseconds. */
export interface ScreenTimings {
  records: number;
  order: 'file' | 'relevance';
  /** From the call to the server listening: reading, parsing and deduplicating the records, and ranking them. */
  serverReadyMs: number;
  /** From navigation to the first record on screen. */
  firstRecordMs: number;
  /** Key press to the next record on screen, over `votes` votes: median, 95th centile, largest. */
  keyToNext: { median: number; p95: number; max: number; votes: number };
}

/** A review record with nothing but what the workspace needs: it is never built, only screened. */
const REVIEW_YAML = `id: synthetic-screening
title: Synthetic review for the screening benchmark
citation:
  title: Synthetic review for the screening benchmark (made-up records)
  year: 2026
  journal: Rapport benchmark
  authors: ['Rapport, Benchmark']
question: Made-up records, to time the screening workspace.
eligibility: { include: [A made-up criterion.], exclude: [] }
exclusion_reasons: [{ id: wrong-population, label: Wrong population }]
screening: { reviewers: 2, highlight: [alliance, therapy] }
flow: {}
`;

const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && fs.existsSync(p));

/** True when a Chromium to drive is installed. */
export const canBenchScreening = CHROMIUM !== undefined;

async function pressAndWait(page: Page, key: string): Promise<void> {
  const shown = () => `${document.body.dataset.shown}|${document.getElementById('position')?.textContent}`;
  const before = await page.evaluate(shown);
  await page.keyboard.press(key);
  await page.waitForFunction(
    (prev) => `${document.body.dataset.shown}|${document.getElementById('position')?.textContent}` !== prev,
    before,
  );
}

/** Screens `votes` synthetic records by keyboard and reports the timings the page itself measured (window.screenTimings). */
export async function benchScreening(options: { records: number; order: 'file' | 'relevance'; votes?: number }): Promise<ScreenTimings> {
  if (!CHROMIUM) throw new Error('Chromium was not found at /usr/bin/chromium (apt-get install -y chromium)');
  const dir = path.join(tempDir('screen-bench'), 'content');
  fs.mkdirSync(path.join(dir, 'reviews/synthetic-screening/records'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'reviews/synthetic-screening.yaml'), REVIEW_YAML);
  const { records } = syntheticScreeningSet({ count: options.records, seed: 1 });
  fs.writeFileSync(path.join(dir, 'reviews/synthetic-screening/records/synthetic.ris'), syntheticRis(records));
  const server = await startScreenServer({ contentDir: dir, review: 'synthetic-screening', reviewer: 'alice', order: options.order });
  const browser = await chromium.launchPersistentContext(fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-bench-')), {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    const t0 = performance.now();
    await page.goto(server.url);
    await page.waitForFunction(() => document.body.dataset.shown !== undefined, undefined, { timeout: 120_000 });
    const firstRecordMs = performance.now() - t0;
    const keys = ['i', 'e', 'e', 'e', 'm', 'e', 'i', 'e', 'e', 'e'];
    const votes = options.votes ?? 40;
    for (let i = 0; i < votes; i++) await pressAndWait(page, keys[i % keys.length]!);
    const timings = (await page.evaluate(() => (window as unknown as { screenTimings: number[] }).screenTimings)).sort((a, b) => a - b);
    const at = (q: number) => timings[Math.min(timings.length - 1, Math.floor(q * timings.length))] ?? Number.NaN;
    return {
      records: options.records,
      order: options.order,
      serverReadyMs: server.startupMs,
      firstRecordMs,
      keyToNext: { median: at(0.5), p95: at(0.95), max: at(1), votes: timings.length },
    };
  } finally {
    await browser.close();
    await server.close();
    fs.rmSync(path.dirname(dir), { recursive: true, force: true });
  }
}

/** One line of the bench's output for a run. */
export function formatScreenTimings(t: ScreenTimings): string {
  const ms = (n: number) => `${n.toFixed(n < 100 ? 1 : 0)} ms`;
  return (
    `screening workspace, ${t.records.toLocaleString('en')} records, ${t.order} order: server ready ${ms(t.serverReadyMs)}, ` +
    `first record on screen ${ms(t.firstRecordMs)}; key press to next record (${t.keyToNext.votes} votes) ` +
    `median ${ms(t.keyToNext.median)}, p95 ${ms(t.keyToNext.p95)}, max ${ms(t.keyToNext.max)}`
  );
}
