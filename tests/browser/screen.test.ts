// Two reviewers screen the tracked fixture in Chromium by keyboard alone, each blind to the other,
// each in their own file; a conflict appears and the consensus reviewer settles it. The flow derived
// from the three files equals a hand count. axe-core finds no WCAG 2.2 A/AA violation.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { parseNbib, parseRis } from '../../src/lib/bibliography';
import { deriveFlow } from '../../src/lib/prisma/derive';
import { parseScreeningCsv } from '../../src/lib/prisma/screening';
import { mergeScreeningFiles } from '../../src/lib/screening/files';
import { startScreenServer, type ScreenServer } from '../../scripts/lib/screen-server';
import { axeViolations, chromiumPath, launchBrowser } from '../helpers/browser';
import { tempDir } from '../helpers/build';

const fixture = path.resolve(import.meta.dirname, '../fixtures/tracked/content');

/** The text of an element. */
const text = (page: Page, selector: string) => page.locator(selector).innerText();

/** Presses a key and waits for the next record (or the end of the list) to be on screen. */
async function pressAndWait(page: Page, key: string) {
  const before = await page.evaluate(() => `${document.body.dataset.shown}|${document.getElementById('position')?.textContent}`);
  await page.keyboard.press(key);
  await page.waitForFunction(
    (prev) => `${document.body.dataset.shown}|${document.getElementById('position')?.textContent}` !== prev,
    before,
  );
}

async function open(browser: BrowserContext, server: ScreenServer): Promise<Page> {
  const page = await browser.newPage();
  // The workspace's Content-Security-Policy allows no injected script; axe-core is one, so the test
  // page (only) lets it in.
  await (await browser.newCDPSession(page)).send('Page.setBypassCSP', { enabled: true });
  await page.goto(server.url);
  await page.waitForFunction(() => document.body.dataset.shown !== undefined);
  return page;
}

const violations = async (page: Page) =>
  (await axeViolations(page)).map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);

describe.skipIf(!chromiumPath)('screening in the browser', () => {
  let browser: BrowserContext;
  let content: string;
  const servers: ScreenServer[] = [];
  const reviewDir = () => path.join(content, 'reviews/demo-review');
  const start = async (reviewer: string) => {
    const server = await startScreenServer({
      contentDir: content,
      review: 'demo-review',
      reviewer,
      highlight: ['alliance', 'therap*'],
      today: () => '2024-06-01',
    });
    servers.push(server);
    return server;
  };

  beforeAll(async () => {
    content = path.join(tempDir('screen-browser'), 'content');
    fs.cpSync(fixture, content, { recursive: true });
    // A fresh start: no votes yet (the fixture's shared screening.csv holds a finished screening).
    fs.rmSync(path.join(content, 'reviews/demo-review/screening.csv'));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all(servers.map((s) => s.close()));
  });

  // The first six records in file order, and how each reviewer votes on them.
  const alice = ['i', 'e', 'i', 'e', 'm', 'i'];
  const ben = ['i', 'e', 'e', 'e', 'i', 'i'];

  test('alice screens by keyboard: votes, undo, a note, the keys overlay', async () => {
    const server = await start('alice');
    const page = await open(browser, server);
    expect(await text(page, '#session-line')).toMatch(/blind: you see only your own votes/);
    expect(await page.locator('#record-title mark').first().innerText()).toMatch(/alliance|therap/i);
    for (const key of alice) await pressAndWait(page, key);
    await page.waitForFunction(() => document.getElementById('status')?.textContent?.startsWith('Saved: include'));
    expect(await text(page, '#position')).toBe('Record 7 of 25 · To screen');
    expect(await text(page, '#progress-text')).toMatch(/^You: 6 of 25 screened · 19 left · 1 maybe/);

    // Back to record 6, change the include to an exclude, then undo: the include is restored.
    await pressAndWait(page, 'k');
    await pressAndWait(page, 'e');
    await page.keyboard.press('u');
    await page.waitForFunction(() => document.getElementById('status')?.textContent?.startsWith('Undone'));
    expect(await text(page, '#my-vote')).toMatch(/^Your vote: include/);

    // A note: n opens the dialog with focus in the text box, Ctrl+Enter saves.
    await page.keyboard.press('n');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('note-text');
    await page.keyboard.type('Check the "methods" section');
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'Note saved');
    expect(await page.evaluate(() => document.querySelector('dialog[open]'))).toBeNull();

    // ? opens a modal dialog listing the keys; Tab stays inside it; Esc closes it and focus comes back.
    await page.locator('#next').focus();
    await page.keyboard.press('?');
    expect(await page.locator('#help').evaluate((d: HTMLDialogElement) => d.open)).toBe(true);
    expect(await text(page, '#help-keys')).toMatch(/Include[\s\S]*Undo your last vote/);
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => Boolean(document.activeElement?.closest('#help')))).toBe(true);
    }
    expect(await violations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    expect(await page.locator('#help').evaluate((d: HTMLDialogElement) => d.open)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('next');
    expect(await violations(page)).toEqual([]);

    const timings = await page.evaluate(() => (window as unknown as { screenTimings: number[] }).screenTimings);
    expect(timings.length).toBeGreaterThanOrEqual(6);
    console.info(`[screen] key press to next record (ms): ${timings.map((t) => t.toFixed(1)).join(', ')}`);
    await page.close();
  });

  test('ben screens the same records blind to alice’s votes', async () => {
    const server = await start('ben');
    const page = await open(browser, server);
    expect(await text(page, '#my-vote')).toBe('Not voted yet');
    expect(await page.locator('#votes').isHidden()).toBe(true);
    for (const key of ben) {
      expect(await text(page, '#my-vote')).toBe('Not voted yet');
      await pressAndWait(page, key);
    }
    expect(await text(page, '#progress-text')).toMatch(/^You: 6 of 25 screened · 19 left · 0 maybe\. Stage: 6 of 25 with 2 votes$/);
    await page.close();
  });

  test('their votes are in their own files, and differ', () => {
    const read = (name: string) => parseScreeningCsv(fs.readFileSync(path.join(reviewDir(), 'screening', name), 'utf8'));
    const a = read('alice.csv');
    const b = read('ben.csv');
    expect(a.problems).toEqual([]);
    expect(b.problems).toEqual([]);
    expect(new Set(a.votes.map((v) => v.reviewer))).toEqual(new Set(['alice']));
    expect(new Set(b.votes.map((v) => v.reviewer))).toEqual(new Set(['ben']));
    expect(a.votes.map((v) => v.decision)).toEqual(['include', 'exclude', 'include', 'exclude', 'maybe', 'include', 'exclude', 'include']);
    expect(b.votes.map((v) => v.decision)).toEqual(['include', 'exclude', 'exclude', 'exclude', 'include', 'include']);
    expect(fs.readFileSync(path.join(reviewDir(), 'screening/alice.notes.csv'), 'utf8')).toContain('Check the ""methods"" section');
  });

  test('the consensus reviewer sees the one conflict with both votes and settles it by keyboard', async () => {
    const server = await start('consensus');
    const page = await open(browser, server);
    expect(await text(page, '#position')).toBe('Record 1 of 1 · To screen');
    expect(await text(page, '#votes-body')).toMatch(/alice\s+include[\s\S]*ben\s+exclude/);
    expect(await violations(page)).toEqual([]);
    await pressAndWait(page, 'e');
    expect(await text(page, '#record-title')).toBe('End of “To screen”');
    await expect.poll(() => text(page, '#status')).toBe('Saved: exclude');
    const consensus = parseScreeningCsv(fs.readFileSync(path.join(reviewDir(), 'screening/consensus.csv'), 'utf8'));
    expect(consensus.votes.map((v) => `${v.reviewer} ${v.decision}`)).toEqual(['consensus exclude']);
    await page.close();
  });

  test('at full text, number keys exclude for the review’s reasons and not retrieved', async () => {
    const ft = path.join(tempDir('screen-ft'), 'content');
    fs.cpSync(fixture, ft, { recursive: true });
    const server = await startScreenServer({
      contentDir: ft,
      review: 'demo-review',
      reviewer: 'carol',
      stage: 'full-text',
      today: () => '2024-06-01',
    });
    servers.push(server);
    const page = await open(browser, server);
    // The fixture's title-abstract decisions send 10 reports to full text.
    expect(await text(page, '#position')).toBe('Record 1 of 10 · To screen');
    expect(await text(page, '#reason-buttons')).toMatch(/Not delivered as e-therapy\s*1[\s\S]*Full text not retrieved\s*4/);
    await page.keyboard.press('e');
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'Choose the reason: press 1 to 4');
    await pressAndWait(page, '2');
    await expect.poll(() => text(page, '#status')).toBe('Saved: exclude (No measure of the alliance)');
    await pressAndWait(page, '4');
    await expect.poll(() => text(page, '#status')).toBe('Saved: exclude (Full text not retrieved)');
    await pressAndWait(page, 'i');
    const { votes } = parseScreeningCsv(fs.readFileSync(path.join(ft, 'reviews/demo-review/screening/carol.csv'), 'utf8'));
    expect(votes.map((v) => `${v.stage} ${v.decision} ${v.reason ?? ''}`.trim())).toEqual([
      'full-text exclude no-alliance-measure',
      'full-text exclude not-retrieved',
      'full-text include',
    ]);
    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  test('the flow derived from the three files equals the hand count', () => {
    const records = [
      ...parseNbib(fs.readFileSync(path.join(reviewDir(), 'records/pubmed.nbib'), 'utf8'), 'pubmed').records,
      ...parseRis(fs.readFileSync(path.join(reviewDir(), 'records/psycinfo.ris'), 'utf8'), 'psycinfo').records,
    ].sort((x, y) => x.source.localeCompare(y.source));
    const files = ['alice.csv', 'ben.csv', 'consensus.csv'].map((name) => ({
      name: `screening/${name}`,
      text: fs.readFileSync(path.join(reviewDir(), 'screening', name), 'utf8'),
    }));
    const { votes, problems } = mergeScreeningFiles(files, { consensusName: 'consensus' });
    expect(problems).toEqual([]);
    const derived = deriveFlow({ records, votes, reasons: [] });
    // By hand: 32 records, 7 duplicates, 25 screened. Of the six voted: records 2 and 4 (e/e) and
    // record 3 (i/e, settled exclude) are excluded; records 1 (i/i), 5 (m/i) and 6 (i/i) go to full text.
    expect(derived.flow).toMatchObject({ screened: 25, excluded_screening: 3, sought: 3 });
    expect(derived.progress.stages['title-abstract'].decided).toBe(6);
    expect(derived.progress.stages['title-abstract'].conflicts).toEqual([]);
  });
});

// The timing for the README and the note, on a synthetic review (src/lib/screening/synthetic.ts):
//   SCREEN_BENCH_RECORDS=25000 CI=true npx vitest run tests/browser/screen.test.ts
const benchRecords = Number(process.env.SCREEN_BENCH_RECORDS ?? 0);
describe.skipIf(!chromiumPath || !benchRecords)(`screening timing on ${benchRecords} synthetic records`, () => {
  test.each(['file', 'relevance'] as const)(
    'start-up and key press to next record, %s order',
    async (order) => {
      const { syntheticRis, syntheticScreeningSet } = await import('../../src/lib/screening/synthetic');
      const dir = path.join(tempDir('screen-bench'), 'content');
      fs.mkdirSync(path.join(dir, 'reviews/synthetic-screening/records'), { recursive: true });
      const yaml = fs
        .readFileSync(path.join(fixture, 'reviews/demo-review.yaml'), 'utf8')
        .replace('id: demo-review', 'id: synthetic-screening');
      fs.writeFileSync(path.join(dir, 'reviews/synthetic-screening.yaml'), yaml);
      const { records } = syntheticScreeningSet({ count: benchRecords, seed: 1 });
      fs.writeFileSync(path.join(dir, 'reviews/synthetic-screening/records/synthetic.ris'), syntheticRis(records));
      const server = await startScreenServer({ contentDir: dir, review: 'synthetic-screening', reviewer: 'alice', order });
      const browser = await launchBrowser();
      try {
        const page = await browser.newPage();
        const t0 = performance.now();
        await page.goto(server.url);
        await page.waitForFunction(() => document.body.dataset.shown !== undefined, undefined, { timeout: 60_000 });
        const firstRecord = performance.now() - t0;
        const keys = ['i', 'e', 'e', 'e', 'm', 'e', 'i', 'e', 'e', 'e'];
        for (let i = 0; i < 60; i++) await pressAndWait(page, keys[i % keys.length]!);
        const timings = (await page.evaluate(() => (window as unknown as { screenTimings: number[] }).screenTimings)).sort((a, b) => a - b);
        const at = (q: number) => timings[Math.min(timings.length - 1, Math.floor(q * timings.length))]!.toFixed(1);
        console.info(
          `[screen-bench] ${benchRecords} records, ${order} order: server ready in ${server.startupMs.toFixed(0)} ms, first record on screen ` +
            `${firstRecord.toFixed(0)} ms after navigation; key press to next record over ${timings.length} votes: median ${at(0.5)} ms, ` +
            `p95 ${at(0.95)} ms, max ${at(1)} ms; order label at the end: "${await text(page, '#order-label')}"`,
        );
        expect(timings.length).toBe(60);
      } finally {
        await browser.close();
        await server.close();
      }
    },
    300_000,
  );
});
