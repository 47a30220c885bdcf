// `npm run screen` over HTTP, on a copy of the tracked fixture: the token, the Host header, the
// bind address, votes appended and flushed before "saved", undo as a superseding vote, blindness,
// and two processes appending to one file without mixing their lines.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { parseScreeningCsv, SCREENING_HEADER } from '../../src/lib/prisma/screening';
import { NOTES_HEADER } from '../../src/lib/screening/files';
import { reviewScreeningSettings, startScreenServer, type ScreenServer } from '../../scripts/lib/screen-server';
import type { Review } from '../../src/schemas';
import { tempDir } from '../helpers/build';

const root = path.resolve(import.meta.dirname, '../..');
const fixture = path.join(root, 'tests/fixtures/tracked/content');

/** A fresh copy of the tracked fixture's content folder under .builds/. */
function contentCopy(): string {
  const dir = path.join(tempDir('screen'), 'content');
  fs.cpSync(fixture, dir, { recursive: true });
  return dir;
}

/** One HTTP request with full control of the headers (fetch would set Host itself). */
function request(
  server: { port: number },
  method: string,
  pathname: string,
  { headers = {}, body }: { headers?: Record<string, string>; body?: unknown } = {},
): Promise<{ status: number; text: string; json: () => any; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    const req = http.request(
      { host: '127.0.0.1', port: server.port, method, path: pathname, headers: { Host: `127.0.0.1:${server.port}`, ...headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text, json: () => JSON.parse(text), headers: res.headers }));
      },
    );
    req.on('error', reject);
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

const auth = (s: ScreenServer | { token: string }) => ({ 'X-Rapport-Token': s.token });
const post = (s: ScreenServer, pathname: string, body: unknown) =>
  request(s, 'POST', pathname, { headers: { ...auth(s), 'Content-Type': 'application/json' }, body });

function run(args: string[], contentDir: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/screen.ts'), ...args], {
    cwd: root,
    env: { ...process.env, CONTENT_DIR: contentDir },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

const servers: ScreenServer[] = [];
const start = async (contentDir: string, reviewer: string, extra: Partial<Parameters<typeof startScreenServer>[0]> = {}) => {
  const server = await startScreenServer({ contentDir, review: 'demo-review', reviewer, today: () => '2024-06-01', ...extra });
  servers.push(server);
  return server;
};
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe('bad input gets one line and exit code 1', () => {
  let content: string;
  beforeAll(() => {
    content = contentCopy();
    fs.mkdirSync(path.join(content, 'reviews/empty-review/records'), { recursive: true });
    const yaml = fs.readFileSync(path.join(content, 'reviews/demo-review.yaml'), 'utf8');
    fs.writeFileSync(path.join(content, 'reviews/empty-review.yaml'), yaml.replace('id: demo-review', 'id: empty-review'));
  });

  test.each([
    [
      'an unknown review',
      ['--review', 'no-such-review', '--reviewer', 'alice'],
      /^screen: no review "no-such-review" in .*\(reviews there: demo-review, empty-review\)$/,
    ],
    [
      'a review with no records',
      ['--review', 'empty-review', '--reviewer', 'alice'],
      /^screen: review "empty-review" has no search records/,
    ],
    [
      'a reviewer name that is not plain',
      ['--review', 'demo-review', '--reviewer', 'Alice Smith'],
      /^screen: --reviewer "Alice Smith" is not a plain reviewer name/,
    ],
    [
      'a path as reviewer name',
      ['--review', 'demo-review', '--reviewer', '../../etc/passwd'],
      /^screen: --reviewer .* is not a plain reviewer name/,
    ],
    [
      'another bind address',
      ['--review', 'demo-review', '--reviewer', 'alice', '--host', '0.0.0.0'],
      /^screen: --host must be 127\.0\.0\.1/,
    ],
    ['an unknown stage', ['--review', 'demo-review', '--reviewer', 'alice', '--stage', 'abstract'], /^screen: --stage must be/],
    ['a missing reviewer', ['--review', 'demo-review'], /^screen: give your name/],
  ])('%s', (_, args, message) => {
    const result = run(args, content);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr.trim()).toMatch(message);
  });
});

describe('reviewScreeningSettings', () => {
  // The review schema does not carry `screening` yet (issue 12); the workspace reads it when it does.
  const settings = (screening: unknown) => reviewScreeningSettings({ screening } as unknown as Review);
  test.each([
    ['nothing without settings', undefined, { reviewers: {}, highlight: [] }],
    ['one number for both stages', { reviewers: 1 }, { reviewers: { 'title-abstract': 1, 'full-text': 1 }, highlight: [] }],
    [
      'reviewers per stage, the consensus name and highlight terms',
      { reviewers: { 'full-text': 3 }, consensus: 'lead', highlight: ['alliance', 7] },
      { reviewers: { 'full-text': 3 }, consensus: 'lead', highlight: ['alliance'] },
    ],
  ])('reads %s', (_, screening, expected) => {
    expect(settings(screening)).toEqual(expected);
  });
});

describe('the workspace server', () => {
  test('listens on 127.0.0.1 and serves the page with the session token and a strict policy', async () => {
    const server = await start(contentCopy(), 'carol');
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await request(server, 'GET', '/');
    expect(page.status).toBe(200);
    expect(page.text).toContain(`<meta name="rapport-token" content="${server.token}" />`);
    expect(page.headers['content-security-policy']).toContain("connect-src 'self'");
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect((await request(server, 'GET', '/screen.js')).status).toBe(200);
  });

  test.each([
    ['another host name', 'evil.example:PORT'],
    ['a rebinding name with the right port', 'attacker.test:PORT'],
    ['the right name on another port', '127.0.0.1:1'],
  ])('answers 421 to %s in the Host header', async (_, host) => {
    const server = await start(contentCopy(), 'carol');
    const res = await request(server, 'GET', '/api/session', {
      headers: { ...auth(server), Host: host.replace('PORT', String(server.port)) },
    });
    expect(res.status).toBe(421);
  });

  test('accepts localhost:<port> as the Host', async () => {
    const server = await start(contentCopy(), 'carol');
    const res = await request(server, 'GET', '/api/session', { headers: { ...auth(server), Host: `localhost:${server.port}` } });
    expect(res.status).toBe(200);
  });

  test('refuses every API request without the session token', async () => {
    const content = contentCopy();
    const server = await start(content, 'carol');
    const vote = { record: '10.5555/demo.101', decision: 'include' };
    for (const headers of [{}, { 'X-Rapport-Token': 'wrong' }, { 'X-Rapport-Token': `${server.token}x` }]) {
      expect((await request(server, 'GET', '/api/session', { headers })).status).toBe(403);
      const res = await request(server, 'POST', '/api/vote', { headers: { ...headers, 'Content-Type': 'application/json' }, body: vote });
      expect(res.status).toBe(403);
    }
    expect(fs.existsSync(path.join(content, 'reviews/demo-review/screening/carol.csv'))).toBe(false);
  });

  test('refuses a write from another origin, and one that is not JSON, even with the token', async () => {
    const server = await start(contentCopy(), 'carol');
    const vote = { record: '10.5555/demo.101', decision: 'include' };
    const cross = await request(server, 'POST', '/api/vote', {
      headers: { ...auth(server), 'Content-Type': 'application/json', Origin: 'http://evil.example' },
      body: vote,
    });
    expect(cross.status).toBe(403);
    const plain = await request(server, 'POST', '/api/vote', { headers: { ...auth(server), 'Content-Type': 'text/plain' }, body: vote });
    expect(plain.status).toBe(415);
  });

  test('appends a vote to screening/<reviewer>.csv with one write under O_APPEND and an fsync before it says saved', async () => {
    const content = contentCopy();
    const server = await start(content, 'carol');
    const writes = vi.spyOn(fs, 'writeSync');
    const syncs = vi.spyOn(fs, 'fsyncSync');
    const res = await post(server, '/api/vote', { record: '10.5555/demo.101', decision: 'include' });
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({ saved: true, vote: { decision: 'include' } });
    const line = '10.5555/demo.101,title-abstract,carol,include,,2024-06-01\n';
    const lineWrites = writes.mock.calls.filter((c) => Buffer.isBuffer(c[1]) && c[1].toString() === line);
    expect(lineWrites).toHaveLength(1);
    const fd = lineWrites[0]![0] as number;
    expect(fs.fstatSync(fd).isFile()).toBe(true);
    expect(syncs.mock.calls.some((c) => c[0] === fd)).toBe(true);
    expect(syncs.mock.invocationCallOrder.at(-1)!).toBeGreaterThan(writes.mock.invocationCallOrder.at(-1)!);
    const file = path.join(content, 'reviews/demo-review/screening/carol.csv');
    expect(fs.readFileSync(file, 'utf8')).toBe(`${SCREENING_HEADER}\n${line}`);
  });

  test('writes the consensus reviewer’s votes to screening/consensus.csv', async () => {
    const content = contentCopy();
    const server = await start(content, 'consensus');
    expect(server.voteFile).toBe(path.join(content, 'reviews/demo-review/screening/consensus.csv'));
  });

  test('undo appends a vote that restores the one before; a first vote stays', async () => {
    const content = contentCopy();
    const server = await start(content, 'carol');
    const first = (await post(server, '/api/vote', { record: '10.5555/demo.101', decision: 'include' })).json();
    const second = (await post(server, '/api/vote', { record: '10.5555/demo.101', decision: 'exclude' })).json();
    const undone = await post(server, '/api/undo', { id: second.id });
    expect(undone.json()).toMatchObject({ restored: { decision: 'include' }, record: '10.5555/demo.101' });
    expect((await post(server, '/api/undo', { id: second.id })).status).toBe(409);
    // The first vote was replaced since (by the restoring vote): undoing it is refused, not guessed.
    expect((await post(server, '/api/undo', { id: first.id })).status).toBe(409);
    const only = (await post(server, '/api/vote', { record: '10.5555/demo.102', decision: 'maybe' })).json();
    expect((await post(server, '/api/undo', { id: only.id })).json()).toMatchObject({ restored: null });
    const { votes, problems } = parseScreeningCsv(fs.readFileSync(path.join(content, 'reviews/demo-review/screening/carol.csv'), 'utf8'));
    expect(problems).toEqual([]);
    expect(votes.map((v) => `${v.record} ${v.decision}`)).toEqual([
      '10.5555/demo.101 include',
      '10.5555/demo.101 exclude',
      '10.5555/demo.101 include',
      '10.5555/demo.102 maybe',
    ]);
    const view = (await request(server, 'GET', '/api/record?index=0', { headers: auth(server) })).json();
    expect(view.mine.decision).toBe('include');
  });

  test('orders by relevance to my includes once I have an include and an exclude, and says so', async () => {
    const server = await start(contentCopy(), 'carol', { order: 'relevance', retrainEvery: 1 });
    const list = async () => (await request(server, 'GET', '/api/list?filter=to-screen', { headers: auth(server) })).json();
    await expect.poll(async () => (await list()).order.label).toMatch(/^Ordered by relevance to your includes: in file order until/);
    expect((await list()).indices).toEqual(Array.from({ length: 25 }, (_, i) => i));
    await post(server, '/api/vote', { record: '10.5555/demo.101', decision: 'include' });
    await post(server, '/api/vote', { record: '10.5555/demo.102', decision: 'exclude' });
    await expect.poll(async () => (await list()).order.version).toBeGreaterThan(0);
    const ranked = await list();
    expect(ranked.order.label).toMatch(/^Ordered by relevance to your includes \(model of your 1 includes and 1 excludes/);
    expect(ranked.indices).toHaveLength(23);
    expect(ranked.indices).not.toEqual([...ranked.indices].sort((a: number, b: number) => a - b));
    // The same votes give the same order in another session.
    const again = await start(contentCopy(), 'carol', { order: 'relevance', retrainEvery: 1 });
    await post(again, '/api/vote', { record: '10.5555/demo.101', decision: 'include' });
    await post(again, '/api/vote', { record: '10.5555/demo.102', decision: 'exclude' });
    await expect
      .poll(async () => (await request(again, 'GET', '/api/list?filter=to-screen', { headers: auth(again) })).json().indices)
      .toEqual(ranked.indices);
  });

  test('keeps notes in screening/<reviewer>.notes.csv', async () => {
    const content = contentCopy();
    const server = await start(content, 'carol');
    expect((await post(server, '/api/note', { record: '10.5555/demo.101', note: 'Check the "methods", p. 3' })).json()).toMatchObject({
      saved: true,
    });
    expect(fs.readFileSync(path.join(content, 'reviews/demo-review/screening/carol.notes.csv'), 'utf8')).toBe(
      `${NOTES_HEADER}\n10.5555/demo.101,title-abstract,"Check the ""methods"", p. 3",2024-06-01\n`,
    );
    const view = (await request(server, 'GET', '/api/record?index=0', { headers: auth(server) })).json();
    expect(view.note).toBe('Check the "methods", p. 3');
  });

  test('is blind: nothing a reviewer receives names another reviewer’s vote', async () => {
    const content = contentCopy();
    // ben's own file, beside the fixture's shared screening.csv (alice's and ben's votes).
    fs.mkdirSync(path.join(content, 'reviews/demo-review/screening'));
    fs.writeFileSync(
      path.join(content, 'reviews/demo-review/screening/ben.notes.csv'),
      `${NOTES_HEADER}\n10.5555/demo.101,title-abstract,secret ben note,\n`,
    );
    const server = await start(content, 'carol');
    const answers: string[] = [];
    answers.push((await request(server, 'GET', '/api/session', { headers: auth(server) })).text);
    for (const filter of ['to-screen', 'mine', 'maybe'])
      answers.push((await request(server, 'GET', `/api/list?filter=${filter}`, { headers: auth(server) })).text);
    const list = JSON.parse(answers[1]!).indices as number[];
    expect(list).toHaveLength(25);
    for (const index of list) answers.push((await request(server, 'GET', `/api/record?index=${index}`, { headers: auth(server) })).text);
    answers.push((await post(server, '/api/vote', { record: '10.5555/demo.101', decision: 'include' })).text);
    const all = answers.join('\n');
    expect(all).not.toMatch(/"reviewer":"(alice|ben|consensus)"/);
    expect(all).not.toContain('secret ben note');
    expect(all).not.toContain('"votes"');
  });

  test('a reviewer who voted in the shared screening.csv sees their own votes there', async () => {
    const server = await start(contentCopy(), 'alice');
    const mine = (await request(server, 'GET', '/api/list?filter=mine', { headers: auth(server) })).json();
    expect(mine.indices).toHaveLength(25);
    const view = (await request(server, 'GET', '/api/record?index=0', { headers: auth(server) })).json();
    expect(view.mine).toMatchObject({ reviewer: 'alice' });
  });

  test('the consensus reviewer sees the fixture’s open conflicts with every vote', async () => {
    const content = contentCopy();
    // Drop the fixture's consensus rows so its three title-abstract conflicts are open again.
    const file = path.join(content, 'reviews/demo-review/screening.csv');
    fs.writeFileSync(
      file,
      fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => !l.includes(',consensus,'))
        .join('\n'),
    );
    const server = await start(content, 'consensus');
    const open = (await request(server, 'GET', '/api/list?filter=to-screen', { headers: auth(server) })).json();
    const keys = await Promise.all(
      open.indices.map(async (i: number) => (await request(server, 'GET', `/api/record?index=${i}`, { headers: auth(server) })).json()),
    );
    // 10.5555/demo.126: alice changed her include to exclude, so it agrees now (not a conflict).
    expect(keys.map((k) => k.key).sort()).toEqual(['10.5555/demo.115', 'pmid:39990123', 'pmid:39990129']);
    expect(
      keys.find((k) => k.key === 'pmid:39990123').votes.map((v: { reviewer: string; decision: string }) => `${v.reviewer} ${v.decision}`),
    ).toEqual(['alice include', 'ben exclude']);
  });
});

describe('two processes on one reviewer’s file', () => {
  const children: ChildProcess[] = [];
  afterAll(() => children.forEach((c) => c.kill('SIGTERM')));

  /** Starts `npm run screen` as its own process; resolves with its port and token. */
  async function spawnServer(content: string, reviewer: string): Promise<{ port: number; token: string }> {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(root, 'scripts/screen.ts'), '--review', 'demo-review', '--reviewer', reviewer],
      {
        cwd: root,
        env: { ...process.env, CONTENT_DIR: content },
      },
    );
    children.push(child);
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /Open (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
        if (m?.[1]) resolve(m[1]);
      });
      child.on('exit', (code) => reject(new Error(`screen exited with ${code}: ${out}`)));
    });
    const port = Number(new URL(url).port);
    const page = await request({ port }, 'GET', '/');
    const token = /name="rapport-token" content="([^"]+)"/.exec(page.text)![1]!;
    return { port, token };
  }

  test('never mix their lines: every vote of both is one whole row', async () => {
    const content = contentCopy();
    const [a, b] = await Promise.all([spawnServer(content, 'carol'), spawnServer(content, 'carol')]);
    const keys = fs
      .readFileSync(path.join(content, 'reviews/demo-review/screening.csv'), 'utf8')
      .split('\n')
      .slice(1)
      .map((l) => l.split(',')[0]!)
      .filter((k) => k && !k.startsWith('psycinfo'));
    const unique = [...new Set(keys)];
    const sends = [];
    for (let i = 0; i < 40; i++) {
      for (const s of [a, b]) {
        sends.push(
          request(s, 'POST', '/api/vote', {
            headers: { 'X-Rapport-Token': s.token, 'Content-Type': 'application/json' },
            body: { record: unique[i % unique.length], decision: i % 2 ? 'include' : 'exclude' },
          }),
        );
      }
    }
    const results = await Promise.all(sends);
    expect(results.map((r) => r.status)).toEqual(results.map(() => 200));
    const text = fs.readFileSync(path.join(content, 'reviews/demo-review/screening/carol.csv'), 'utf8');
    const { votes, problems } = parseScreeningCsv(text);
    expect(problems).toEqual([]);
    expect(votes).toHaveLength(80);
    expect(text.split('\n').filter((l) => l === SCREENING_HEADER)).toHaveLength(1);
  });
});
