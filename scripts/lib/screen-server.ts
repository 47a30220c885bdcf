// The local screening workspace (`npm run screen`): a node:http server on 127.0.0.1 that shows one
// reviewer one record at a time and appends each vote to content/reviews/<id>/screening/<reviewer>.csv.
//
// Safety: it listens on 127.0.0.1 only and answers loopback peers whose Host header names it
// (127.0.0.1:<port> or localhost:<port>, which stops DNS rebinding); every /api/ request carries the
// session's random token in the X-Rapport-Token header (the token is only in the page, which no
// other origin can read), writes must be JSON and, when the browser says where they come from, come
// from the page's own origin. A vote is appended as one line with one write() on a file opened with
// O_APPEND, then fsync'd, before the answer says "saved"; writes within the process go through a
// queue. Blind: a reviewer's answers hold their own votes and notes only (src/lib/screening/workspace.ts).
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { checkRecord } from '../../src/loaders/content';
import { loadReviewTracking } from '../../src/loaders/tracking';
import { NOT_RETRIEVED, stages, type Stage, type Vote } from '../../src/lib/prisma/screening';
import {
  formatNoteLine,
  formatVoteLine,
  mergeScreeningFiles,
  NOTES_FILE_START,
  notesFileName,
  parseNotesCsv,
  reviewerNameProblem,
  sequence,
  voteFileName,
  VOTES_FILE_START,
  type NewVote,
  type Note,
  type ScreeningFile,
} from '../../src/lib/screening/files';
import { CorpusBuilder, rankCandidates, scoreRecords, tieBreaks, trainModel, type Corpus } from '../../src/lib/screening/rank';
import { filters, isVoteError, Workspace, type Filter } from '../../src/lib/screening/workspace';
import { reviewSchema, type Review } from '../../src/schemas';

/** A fault in the command line or the content: printed as one line, exit 1. */
export class ScreenError extends Error {}

/** How the workspace is started. */
export interface ScreenOptions {
  /** Absolute content folder. */
  contentDir: string;
  review: string;
  reviewer: string;
  stage?: Stage;
  order?: 'file' | 'relevance';
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** Terms to highlight; when absent, the review's `screening.highlight` (if any). */
  highlight?: readonly string[];
  /** The consensus reviewer's name; when absent, the review's setting, else `consensus`. */
  consensusName?: string;
  /** Reviewers each record needs; when absent, the review's setting, else 2. */
  reviewers?: number;
  /** Retrain the relevance model after this many votes (default 5). */
  retrainEvery?: number;
  /** Today's date, YYYY-MM-DD (default: the local date). */
  today?: () => string;
}

/** A running workspace. */
export interface ScreenServer {
  url: string;
  port: number;
  token: string;
  workspace: Workspace;
  /** The file this reviewer's votes go to. */
  voteFile: string;
  /** Milliseconds from the call to listening (reading and parsing the review included). */
  startupMs: number;
  close: () => Promise<void>;
}

const uiDir = path.join(import.meta.dirname, 'screen-ui');
const assets: Record<string, [string, string]> = {
  '/screen.js': ['screen.js', 'text/javascript; charset=utf-8'],
  '/screen.css': ['screen.css', 'text/css; charset=utf-8'],
};

const localDate = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** The review's optional `screening` settings, read leniently until the schema carries them (issue 12). */
export function reviewScreeningSettings(review: Review): {
  reviewers: Partial<Record<Stage, number>>;
  consensus?: string;
  highlight: string[];
} {
  const raw = (review as unknown as { screening?: unknown }).screening;
  const out: { reviewers: Partial<Record<Stage, number>>; consensus?: string; highlight: string[] } = { reviewers: {}, highlight: [] };
  if (raw === null || typeof raw !== 'object') return out;
  const s = raw as Record<string, unknown>;
  const reviewers = s.reviewers;
  if (typeof reviewers === 'number') out.reviewers = { 'title-abstract': reviewers, 'full-text': reviewers };
  else if (reviewers && typeof reviewers === 'object')
    for (const stage of stages) {
      const n = (reviewers as Record<string, unknown>)[stage];
      if (typeof n === 'number') out.reviewers[stage] = n;
    }
  const consensus = s.consensus ?? s.consensus_reviewer;
  if (typeof consensus === 'string') out.consensus = consensus;
  const highlight = s.highlight ?? s.highlight_terms;
  if (Array.isArray(highlight)) out.highlight = highlight.filter((t): t is string => typeof t === 'string');
  return out;
}

/** A path as messages show it: relative to the working directory when inside it. */
function shownPath(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith('..') ? rel : p;
}

/** Reads and validates content/reviews/<id>.yaml. */
function readReview(contentDir: string, id: string): Review {
  const reviewsDir = path.join(contentDir, 'reviews');
  const file = path.join(reviewsDir, `${id}.yaml`);
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id) || !fs.existsSync(file)) {
    const known = fs.existsSync(reviewsDir)
      ? fs
          .readdirSync(reviewsDir)
          .filter((f) => f.endsWith('.yaml'))
          .map((f) => f.slice(0, -5))
      : [];
    throw new ScreenError(`no review "${id}" in ${shownPath(reviewsDir)} (reviews there: ${known.join(', ') || 'none'})`);
  }
  const checked = checkRecord(path.relative(process.cwd(), file), fs.readFileSync(file, 'utf8'), reviewSchema);
  if (!checked.data) {
    const first = checked.problems[0];
    throw new ScreenError(
      `${path.relative(process.cwd(), file)} is not a valid review record (${checked.problems.length} problem(s), first: ${first?.path ?? ''} ${first?.message ?? ''}); run npm run validate`,
    );
  }
  return checked.data as Review;
}

/** The screening files of a review folder: screening.csv and screening/*.csv, notes files apart. */
function listScreeningFiles(reviewDir: string): { votes: string[]; notes: string[] } {
  const votes: string[] = [];
  const notes: string[] = [];
  if (fs.existsSync(path.join(reviewDir, 'screening.csv'))) votes.push('screening.csv');
  const dir = path.join(reviewDir, 'screening');
  if (fs.existsSync(dir))
    for (const name of fs.readdirSync(dir).sort()) {
      if (name.startsWith('.') || !name.endsWith('.csv')) continue;
      (name.endsWith('.notes.csv') ? notes : votes).push(`screening/${name}`);
    }
  return { votes, notes };
}

/** Size and modification time of every screening file: what changes when anyone writes. */
function signatureOf(reviewDir: string): string {
  const { votes, notes } = listScreeningFiles(reviewDir);
  return [...votes, ...notes]
    .map((name) => {
      const stat = fs.statSync(path.join(reviewDir, name), { throwIfNoEntry: false });
      return `${name}:${stat?.size ?? 0}:${stat?.mtimeMs ?? 0}`;
    })
    .join('|');
}

/** An append-only CSV file: created with its header if missing; each line one write() under O_APPEND, then fsync. */
class AppendLog {
  private fd: number | null = null;
  private tail: Promise<unknown> = Promise.resolve();
  private needsNewline = false;

  constructor(
    readonly file: string,
    private readonly start: string,
  ) {}

  private open(): number {
    if (this.fd !== null) return this.fd;
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    if (!fs.existsSync(this.file)) {
      // Create with the header in place: write a temporary file and link it, which fails if another
      // process created the file first, so no vote can land before the header.
      const tmp = `${this.file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
      fs.writeFileSync(tmp, this.start);
      const tfd = fs.openSync(tmp, 'r');
      fs.fsyncSync(tfd);
      fs.closeSync(tfd);
      try {
        fs.linkSync(tmp, this.file);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      } finally {
        fs.rmSync(tmp, { force: true });
      }
      const dfd = fs.openSync(path.dirname(this.file), 'r');
      fs.fsyncSync(dfd);
      fs.closeSync(dfd);
    }
    this.fd = fs.openSync(this.file, fs.constants.O_WRONLY | fs.constants.O_APPEND);
    const size = fs.fstatSync(this.fd).size;
    if (size > 0) {
      const last = Buffer.alloc(1);
      const rfd = fs.openSync(this.file, 'r');
      fs.readSync(rfd, last, 0, 1, size - 1);
      fs.closeSync(rfd);
      this.needsNewline = last[0] !== 0x0a;
    }
    return this.fd;
  }

  /** Appends one line (ending in \n) and flushes it to disk; resolves once it is there. */
  append(line: string): Promise<void> {
    const run = this.tail.then(() => {
      const fd = this.open();
      const bytes = Buffer.from(this.needsNewline ? `\n${line}` : line, 'utf8');
      const written = fs.writeSync(fd, bytes, 0, bytes.length);
      if (written !== bytes.length) throw new Error(`only ${written} of ${bytes.length} bytes reached ${this.file}`);
      fs.fsyncSync(fd);
      this.needsNewline = false;
    });
    this.tail = run.catch(() => undefined);
    return run;
  }

  close(): void {
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
  }
}

/**
 * The relevance order of the to-screen records, retrained on the reviewer's votes every few votes.
 * The features are built after the server is listening, a slice per turn of the event loop, so
 * neither start-up nor the first votes wait for them; until then the order is the file's.
 */
class Ranking {
  private corpus: Corpus | null = null;
  private scores: Float64Array | null = null;
  private readonly ties: Uint32Array;
  private trainedOn = -1;
  version = 0;
  includes = 0;
  excludes = 0;

  constructor(
    texts: readonly string[],
    private readonly every: number,
    labels: () => Map<number, boolean>,
  ) {
    this.ties = tieBreaks(texts.length, 1);
    const builder = new CorpusBuilder();
    const step = () => {
      const end = Math.min(texts.length, builder.size + 2000);
      for (let i = builder.size; i < end; i++) builder.add(texts[i] ?? '');
      if (builder.size < texts.length) setImmediate(step);
      else {
        this.corpus = builder.finish();
        this.update(labels(), true);
      }
    };
    setImmediate(step);
  }

  /** Retrains when `every` votes came since the last model, or when a first model becomes possible. */
  update(labels: Map<number, boolean>, force = false): boolean {
    if (!this.corpus) return false;
    const votes = labels.size;
    if (!force && this.scores && votes - this.trainedOn < this.every) return false;
    if (!force && !this.scores && votes === this.trainedOn) return false;
    const model = trainModel(this.corpus, labels);
    this.trainedOn = votes;
    if (!model) return false;
    this.scores = scoreRecords(this.corpus, model);
    this.includes = model.includes;
    this.excludes = model.excludes;
    this.version++;
    return true;
  }

  order(candidates: number[]): number[] {
    return rankCandidates(candidates, this.scores, this.ties);
  }

  label(every: number): string {
    if (!this.corpus) return 'Ordered by relevance to your includes: preparing the model (file order until it is ready)';
    if (!this.scores) return 'Ordered by relevance to your includes: in file order until you have included one record and excluded another';
    return `Ordered by relevance to your includes (model of your ${this.includes} includes and ${this.excludes} excludes, retrained every ${every} votes)`;
  }
}

interface UndoEntry {
  record: string;
  line: number;
  previous: Vote | undefined;
  done: boolean;
}

const loopback = new Set(['127.0.0.1', '::ffff:127.0.0.1', '::1']);

const securityHeaders = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** What a session reads at start: the review, the reviewer and their workspace. */
interface Session {
  options: ScreenOptions;
  stage: Stage;
  review: Review;
  workspace: Workspace;
  reviewDir: string;
  consensusName: string;
}

/** Checks the options, reads the review and its records; throws ScreenError on bad input. */
function openSession(options: ScreenOptions): Session {
  const host = options.host ?? '127.0.0.1';
  if (host !== '127.0.0.1') throw new ScreenError(`--host must be 127.0.0.1 (got "${host}"): the workspace listens on this machine only`);
  const nameProblem = reviewerNameProblem(options.reviewer);
  if (nameProblem) throw new ScreenError(`--reviewer ${nameProblem}`);
  const stage = options.stage ?? 'title-abstract';
  const review = readReview(options.contentDir, options.review);
  const settings = reviewScreeningSettings(review);
  const consensusName = options.consensusName ?? settings.consensus ?? 'consensus';
  const consensusProblem = reviewerNameProblem(consensusName);
  if (consensusProblem) throw new ScreenError(`--consensus-name ${consensusProblem}`);
  const tracking = loadReviewTracking(options.contentDir, review);
  const reviewDir = path.join(options.contentDir, 'reviews', review.id);
  if (!tracking || tracking.records.length === 0)
    throw new ScreenError(
      `review "${review.id}" has no search records: put its search results in ${shownPath(path.join(reviewDir, 'records'))}/ (.ris, .bib, .nbib or .json)`,
    );
  const required = (s: Stage) => options.reviewers ?? settings.reviewers[s] ?? 2;
  const workspace = new Workspace(tracking.records, {
    reviewer: options.reviewer,
    stage,
    consensusName,
    votesRequired: { 'title-abstract': required('title-abstract'), 'full-text': required('full-text') },
    reasons: review.exclusion_reasons,
    highlight: options.highlight ?? settings.highlight,
    otherSources: (review.screening?.other_methods ?? []).map((m) => m.source),
  });
  return { options, stage, review, workspace, reviewDir, consensusName };
}

/** The review's screening files as the workspace sees them: read at start, re-read when another process writes, appended to. */
class ScreeningStore {
  private signature = '';
  private nextLine = 0;
  readonly votes: AppendLog;
  private readonly notes: AppendLog;

  constructor(private readonly session: Session) {
    const dir = path.join(session.reviewDir, 'screening');
    const { reviewer } = session.options;
    this.votes = new AppendLog(path.join(dir, voteFileName(reviewer, session.consensusName)), VOTES_FILE_START);
    this.notes = new AppendLog(path.join(dir, notesFileName(reviewer, session.consensusName)), NOTES_FILE_START);
    this.reload();
  }

  private reload(): void {
    const { reviewDir, consensusName, review, workspace } = this.session;
    const { votes: voteNames, notes: noteNames } = listScreeningFiles(reviewDir);
    const read = (name: string) => fs.readFileSync(path.join(reviewDir, name), 'utf8');
    const files: ScreeningFile[] = voteNames.map((name) => ({ name, text: read(name) }));
    const merged = mergeScreeningFiles(files, { reasons: review.exclusion_reasons.map((r) => r.id), consensusName });
    const notes: Note[] = noteNames.flatMap((name, i) => {
      const owner = name.slice('screening/'.length, -'.notes.csv'.length);
      return parseNotesCsv(read(name), owner === 'consensus' ? consensusName : owner, name, i).notes;
    });
    workspace.load(merged.votes, notes);
    this.nextLine = sequence(files.length + noteNames.length + 1, 0);
    this.signature = signatureOf(reviewDir);
  }

  /** Re-reads the files if anyone (another tab's process, another reviewer) wrote since. */
  refresh(): void {
    if (signatureOf(this.session.reviewDir) !== this.signature) this.reload();
  }

  /** Appends a vote (on disk when this resolves) and applies it to the workspace. */
  async writeVote(vote: NewVote): Promise<Vote> {
    await this.votes.append(formatVoteLine(vote));
    const written: Vote = { ...vote, line: ++this.nextLine };
    this.session.workspace.applyVote(written);
    this.signature = signatureOf(this.session.reviewDir);
    return written;
  }

  /** Appends a note (on disk when this resolves) and applies it. */
  async writeNote(record: string, note: string, date: string): Promise<void> {
    const { stage, options, workspace } = this.session;
    await this.notes.append(formatNoteLine({ record, stage, note, date }));
    workspace.applyNote({ record, stage, reviewer: options.reviewer, note, date, line: ++this.nextLine });
    this.signature = signatureOf(this.session.reviewDir);
  }

  close(): void {
    this.votes.close();
    this.notes.close();
  }
}

/** A JSON answer: status and value. */
type Answer = [number, unknown];

/** The /api/ routes of a session. */
function apiRoutes(session: Session, store: ScreeningStore, ranking: Ranking | null) {
  const { workspace, stage, review, options } = session;
  const every = options.retrainEvery ?? 5;
  const today = options.today ?? localDate;
  const undo = new Map<number, UndoEntry>();
  let undoId = 0;

  const orderInfo = () => ({
    kind: ranking ? 'relevance' : 'file',
    version: ranking?.version ?? 0,
    label: ranking ? ranking.label(every) : workspace.mode === 'consensus' ? 'Conflicts in file order' : 'In file order',
  });
  const after = () => ({ progress: workspace.progress(), order: orderInfo() });
  const retrain = () => {
    if (ranking) setImmediate(() => ranking.update(workspace.labels()));
  };

  const sessionInfo = () => ({
    review: {
      id: review.id,
      title: review.title,
      question: review.question,
      eligibility: review.eligibility,
      reasons: stage === 'full-text' ? [...review.exclusion_reasons, { id: NOT_RETRIEVED, label: 'Full text not retrieved' }] : [],
    },
    reviewer: options.reviewer,
    mode: workspace.mode,
    stage,
    highlight: workspace.options.highlight,
    votesRequired: workspace.options.votesRequired[stage],
    filters,
    ...after(),
  });

  const list = (url: URL): Answer => {
    const filter = (url.searchParams.get('filter') ?? 'to-screen') as Filter;
    if (!filters.includes(filter)) return [400, { error: `filter must be one of ${filters.join(', ')}` }];
    const indices = workspace.list(filter);
    return [200, { filter, indices: ranking && filter === 'to-screen' ? ranking.order(indices) : indices, order: orderInfo() }];
  };

  const vote = async (body: unknown): Promise<Answer> => {
    const checked = workspace.checkVote(body, today());
    if (isVoteError(checked)) return [400, { error: `${checked.field}: ${checked.message}` }];
    const previous = workspace.myVote(checked.record);
    const written = await store.writeVote(checked);
    const id = ++undoId;
    undo.set(id, { record: written.record, line: written.line, previous, done: false });
    retrain();
    return [200, { saved: true, id, vote: shownVote(written), ...after() }];
  };

  // Undo appends the vote before the one undone (the log is an audit trail: nothing is removed);
  // a first vote has nothing before it and stays until the reviewer votes again.
  const undoVote = async (body: unknown): Promise<Answer> => {
    const entry = undo.get(Number((body as { id?: unknown } | null)?.id));
    if (!entry) return [400, { error: 'id: no vote of this session to undo' }];
    if (entry.done) return [409, { error: 'that vote was undone already' }];
    if (workspace.myVote(entry.record)?.line !== entry.line)
      return [409, { error: 'you voted on that record again since: vote again to change it' }];
    entry.done = true;
    const index = workspace.indexOfKey(entry.record);
    if (!entry.previous) return [200, { restored: null, record: entry.record, index, ...after() }];
    const { record, decision, reason } = entry.previous;
    const restored = await store.writeVote({ record, stage, reviewer: options.reviewer, decision, reason, date: today() });
    retrain();
    return [200, { restored: shownVote(restored), record: entry.record, index, ...after() }];
  };

  const note = async (body: unknown): Promise<Answer> => {
    const { record, note: text } = (body ?? {}) as { record?: unknown; note?: unknown };
    const index = typeof record === 'string' ? workspace.indexOfKey(record) : undefined;
    if (index === undefined || !workspace.view(index)) return [400, { error: 'record: not a record at this stage' }];
    if (typeof text !== 'string' || text.length > 4000) return [400, { error: 'note: send the note as text (at most 4,000 characters)' }];
    await store.writeNote(workspace.records[index]?.key ?? '', text.trim(), today());
    return [200, { saved: true, note: text.trim() }];
  };

  const posts: Record<string, (body: unknown) => Promise<Answer>> = { '/api/vote': vote, '/api/undo': undoVote, '/api/note': note };

  return async (req: http.IncomingMessage, url: URL): Promise<Answer> => {
    store.refresh();
    if (req.method === 'GET') {
      if (url.pathname === '/api/session') return [200, sessionInfo()];
      if (url.pathname === '/api/list') return list(url);
      if (url.pathname === '/api/record') {
        const view = workspace.view(Number(url.searchParams.get('index')));
        return view ? [200, view] : [404, { error: 'no such record at this stage' }];
      }
    }
    const route = req.method === 'POST' ? posts[url.pathname] : undefined;
    if (!route) return [404, { error: 'not found' }];
    const body = await readJson(req);
    return body instanceof Error ? [400, { error: body.message }] : route(body);
  };
}

/** Why a request is refused, as [status, body], or null when it may go on (see the top of this file). */
function refusal(req: http.IncomingMessage, port: number, token: string): [number, string] | null {
  const own = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!own.includes(req.headers.host ?? '')) return [421, 'This workspace answers only at its own address (http://127.0.0.1:<port>/).'];
  if (!(req.url ?? '').startsWith('/api/')) return null;
  const given = Buffer.from(String(req.headers['x-rapport-token'] ?? ''));
  const expected = Buffer.from(token);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected))
    return [403, 'missing or wrong session token: reload the workspace page'];
  if (req.method !== 'POST') return null;
  const origin = req.headers.origin;
  if (origin !== undefined && !own.map((o) => `http://${o}`).includes(origin)) return [403, 'writes come from the workspace page only'];
  if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) return [415, 'send JSON (Content-Type: application/json)'];
  return null;
}

/** Starts the workspace; throws ScreenError on bad input. */
export async function startScreenServer(options: ScreenOptions): Promise<ScreenServer> {
  const started = performance.now();
  const session = openSession(options);
  const { workspace, review } = session;
  const store = new ScreeningStore(session);
  const ranking =
    options.order === 'relevance' && workspace.mode === 'screen'
      ? new Ranking(
          workspace.records.map((r) => `${r.title} ${r.abstract ?? ''}`),
          options.retrainEvery ?? 5,
          () => workspace.labels(),
        )
      : null;
  const api = apiRoutes(session, store, ranking);
  const token = crypto.randomBytes(32).toString('base64url');
  const page = fs
    .readFileSync(path.join(uiDir, 'index.html'), 'utf8')
    .replace('%TOKEN%', token)
    .replaceAll('%TITLE%', escapeHtml(review.title));
  let port = 0;

  const server = http.createServer((req, res) => {
    const send = (status: number, type: string, body: string | Buffer) => {
      res.writeHead(status, { ...securityHeaders, 'Content-Type': type });
      res.end(body);
    };
    const json = (status: number, value: unknown) => send(status, 'application/json; charset=utf-8', JSON.stringify(value));
    if (!loopback.has(req.socket.remoteAddress ?? '')) return void req.socket.destroy();
    const refused = refusal(req, port, token);
    if (refused) {
      const [status, message] = refused;
      return (req.url ?? '').startsWith('/api/') && status !== 421
        ? json(status, { error: message })
        : send(status, 'text/plain; charset=utf-8', `${message}\n`);
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname.startsWith('/api/')) {
      api(req, url).then(
        ([status, value]) => json(status, value),
        (err: unknown) => json(500, { error: `not saved: ${(err as Error).message}` }),
      );
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'text/plain; charset=utf-8', 'Method not allowed\n');
    if (url.pathname === '/') return send(200, 'text/html; charset=utf-8', page);
    const asset = assets[url.pathname];
    if (asset) return send(200, asset[1], fs.readFileSync(path.join(uiDir, asset[0])));
    return send(404, 'text/plain; charset=utf-8', 'Not found\n');
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE' ? new ScreenError(`port ${options.port} is in use: choose another with --port`) : err),
    );
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    token,
    workspace,
    voteFile: store.votes.file,
    startupMs: performance.now() - started,
    close: () =>
      new Promise<void>((resolve) => {
        store.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function shownVote(vote: Vote) {
  return { reviewer: vote.reviewer, decision: vote.decision, reason: vote.reason, date: vote.date };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The request's JSON body (at most 16 kB), or an Error saying why not. */
function readJson(req: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > 16_384) {
        resolve(new Error('the request is too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        resolve(new Error('the request is not JSON'));
      }
    });
    req.on('error', (err) => resolve(err));
  });
}
