// What the screening workspace shows one reviewer: the records at a stage, their own votes and
// notes, progress and filters; for the consensus reviewer, the open conflicts with every vote.
// No files, no clock: the server (scripts/lib/screen-server.ts) reads the files, passes the date,
// and applies each vote here once it is on disk.
//
// Blind screening: a reviewer's view is built from their own votes and notes only. Which records
// reach full text comes from the title-abstract decisions (every reviewer's votes, resolved as the
// derivation resolves them); the stage's progress counts records with every required vote cast,
// never how anyone voted. Only the consensus reviewer's view carries other reviewers' votes.
import type { ExclusionReason } from '../../schemas';
import type { BibRecord } from '../bibliography';
import { dedupeRecords } from '../prisma/dedupe';
import { latestVotes, NOT_RETRIEVED, resolveStage, voteDecisions, type Stage, type Vote, type VoteDecision } from '../prisma/screening';
import type { NewVote, Note } from './files';
import { highlightSegments, type Segment } from './highlight';

/** Who is screening, and how. */
export interface WorkspaceOptions {
  reviewer: string;
  stage: Stage;
  /** The consensus reviewer's name; running as them shows the conflicts. */
  consensusName: string;
  /** Reviewers each record needs at this stage and at title-abstract (decides which records reach full text). */
  votesRequired: Record<Stage, number>;
  reasons: readonly ExclusionReason[];
  highlight: readonly string[];
  /** Sources identified by other methods (the review's `screening.other_methods`): their records skip title-abstract and are at full text from the start. */
  otherSources?: readonly string[];
}

/** Which records a list shows. */
export const filters = ['to-screen', 'mine', 'maybe'] as const;
export type Filter = (typeof filters)[number];

/** A vote as a record view shows it. */
export interface ShownVote {
  reviewer: string;
  decision: VoteDecision;
  reason: string | null;
  date: string | null;
  /** The reviewer's latest note on the record at this stage. */
  note: string | null;
}

/** One record as the browser shows it: text as highlight segments, never HTML. */
export interface RecordView {
  index: number;
  key: string;
  title: Segment[];
  abstract: Segment[] | null;
  authors: string[];
  year: number | null;
  journal: string | null;
  volume: string | null;
  issue: string | null;
  pages: string | null;
  doi: string | null;
  pmid: string | null;
  /** Sources that returned the record (its duplicates' sources too). */
  sources: string[];
  /** This reviewer's latest vote. */
  mine: ShownVote | null;
  /** This reviewer's latest note on the record at this stage. */
  note: string | null;
  /** Consensus view only: every other reviewer's latest vote, by name. */
  votes?: ShownVote[];
}

/** Where screening stands, as the reviewer may see it. */
export interface Progress {
  stage: Stage;
  /** Records at this stage (the open conflicts, for the consensus reviewer). */
  total: number;
  /** Of those, records this reviewer voted on. */
  mine: number;
  /** Of those, records this reviewer has not voted on. */
  left: number;
  /** My latest vote is maybe. */
  maybe: number;
  /** Records with every required reviewer's vote (decisions not shown). */
  complete: number;
  votesRequired: number;
}

/** A rejected vote: the field and a sentence. */
export interface VoteError {
  field: string;
  message: string;
}

const byLine = (a: { line: number }, b: { line: number }) => a.line - b.line;

/** The screening state of one reviewer at one stage. */
export class Workspace {
  readonly options: WorkspaceOptions;
  /** Records after duplicates are removed, in source order: the records screened. */
  readonly records: readonly BibRecord[];
  readonly mode: 'screen' | 'consensus';
  private readonly aliases: Record<string, string>;
  private readonly indexOf = new Map<string, number>();
  private readonly sourcesOf = new Map<string, string[]>();
  /** Sources whose records are found by other methods: never at title-abstract, always at full text. */
  private readonly otherSources: ReadonlySet<string>;
  /** Indices of the records at this stage, in file order. */
  private atStage: number[] = [];
  private atStageSet = new Set<number>();
  /** Every vote at this stage, by kept key (consensus view and progress). */
  private votesAt = new Map<string, Vote[]>();
  private notesAt = new Map<string, Map<string, Note>>();
  private mine = new Map<string, Vote>();
  /** Reviewers (consensus left out) who voted on each record at this stage, by record index. */
  private voters: (Set<string> | undefined)[] = [];
  /** This reviewer's latest decision by record index (undefined: not voted). */
  private myDecision: (VoteDecision | undefined)[] = [];

  constructor(records: readonly BibRecord[], options: WorkspaceOptions) {
    this.options = options;
    this.mode = options.reviewer === options.consensusName ? 'consensus' : 'screen';
    // As the derivation does: database records first, so a record a search found is kept under its source.
    const other = new Set(options.otherSources ?? []);
    this.otherSources = other;
    const dedupe = dedupeRecords([...records.filter((r) => !other.has(r.source)), ...records.filter((r) => other.has(r.source))]);
    this.records = dedupe.unique;
    this.aliases = dedupe.aliases;
    this.records.forEach((r, i) => this.indexOf.set(r.key, i));
    for (const record of records) {
      const kept = this.aliases[record.key] ?? record.key;
      const list = this.sourcesOf.get(kept) ?? [];
      if (!list.includes(record.source)) list.push(record.source);
      this.sourcesOf.set(kept, list);
    }
  }

  /** The kept record key a vote's key names (a vote may name a removed duplicate); undefined when it names no record. */
  keptKey(key: string): string | undefined {
    return this.aliases[key];
  }

  /** Index of a record by (kept or duplicate) key. */
  indexOfKey(key: string): number | undefined {
    const kept = this.aliases[key];
    return kept === undefined ? undefined : this.indexOf.get(kept);
  }

  /** Replaces every vote and note (after the files are read or changed on disk). */
  load(votes: readonly Vote[], notes: readonly Note[]): void {
    const { stage, consensusName } = this.options;
    const kept = votes.flatMap((v) => {
      const key = this.aliases[v.record];
      return key === undefined ? [] : [{ ...v, record: key }];
    });
    const rules = { consensusReviewers: [consensusName] };
    const byOtherMethods = (i: number) => this.otherSources.has(this.records[i]?.source ?? '');
    if (stage === 'title-abstract') this.atStage = this.records.map((_, i) => i).filter((i) => !byOtherMethods(i));
    else {
      const ta = new Map<string, Vote[]>();
      for (const v of kept) if (v.stage === 'title-abstract') ta.set(v.record, [...(ta.get(v.record) ?? []), v]);
      this.atStage = this.records
        .map((r, i) => [r.key, i] as const)
        .filter(([key, i]) => {
          if (byOtherMethods(i)) return true;
          const list = ta.get(key);
          return (
            list !== undefined &&
            resolveStage(key, 'title-abstract', list, { ...rules, votesRequired: this.options.votesRequired['title-abstract'] }).status ===
              'include'
          );
        })
        .map(([, i]) => i);
    }
    this.atStageSet = new Set(this.atStage);
    this.votesAt = new Map();
    this.mine = new Map();
    this.voters = [];
    this.myDecision = [];
    for (const v of kept.filter((x) => x.stage === stage).sort(byLine)) this.addVote(v);
    this.notesAt = new Map();
    for (const n of [...notes].filter((x) => x.stage === stage).sort(byLine)) this.addNote(n);
  }

  private addVote(vote: Vote): void {
    const list = this.votesAt.get(vote.record);
    if (list) list.push(vote);
    else this.votesAt.set(vote.record, [vote]);
    const index = this.indexOf.get(vote.record);
    if (index === undefined) return;
    if (vote.reviewer.toLowerCase() !== this.options.consensusName.toLowerCase()) (this.voters[index] ??= new Set()).add(vote.reviewer);
    if (vote.reviewer === this.options.reviewer) {
      this.mine.set(vote.record, vote);
      this.myDecision[index] = vote.decision;
    }
  }

  private addNote(note: Note): void {
    const key = this.aliases[note.record];
    if (key === undefined) return;
    const byReviewer = this.notesAt.get(key) ?? new Map<string, Note>();
    byReviewer.set(note.reviewer, note);
    this.notesAt.set(key, byReviewer);
  }

  /** Records a vote already on disk (its key a kept key, its line later than every vote loaded). */
  applyVote(vote: Vote): void {
    this.addVote({ ...vote, record: this.aliases[vote.record] ?? vote.record });
  }

  /** Records a note already on disk. */
  applyNote(note: Note): void {
    this.addNote(note);
  }

  /** This reviewer's latest vote on a record at this stage. */
  myVote(key: string): Vote | undefined {
    return this.mine.get(this.aliases[key] ?? key);
  }

  /** The reviewers' latest votes (consensus left out) on a record at this stage. */
  private reviewerVotes(key: string): Vote[] {
    return latestVotes(this.votesAt.get(key) ?? [], { consensusReviewers: [this.options.consensusName] });
  }

  /** True when every required reviewer voted and they disagree (or agree on maybe at full text). */
  private inConflict(key: string): boolean {
    const { stage, consensusName, votesRequired } = this.options;
    const votes = (this.votesAt.get(key) ?? []).filter((v) => v.reviewer !== consensusName);
    if ((this.voters[this.indexOf.get(key) ?? -1]?.size ?? 0) < votesRequired[stage]) return false;
    return (
      resolveStage(key, stage, votes, { consensusReviewers: [consensusName], votesRequired: votesRequired[stage] }).status === 'conflict'
    );
  }

  /** The records this reviewer works on: the stage's records, or (consensus) the conflicts and the records they settled. */
  private pool(): number[] {
    if (this.mode === 'screen') return this.atStage;
    return this.atStage.filter((i) => {
      const key = this.records[i]?.key ?? '';
      return this.mine.has(key) || this.inConflict(key);
    });
  }

  /** Indices of the records a filter shows, in file order. */
  list(filter: Filter): number[] {
    const pool = this.pool();
    const mine = this.myDecision;
    if (filter === 'to-screen') return pool.filter((i) => mine[i] === undefined);
    if (filter === 'mine') return pool.filter((i) => mine[i] !== undefined);
    return pool.filter((i) => mine[i] === 'maybe');
  }

  /** This reviewer's includes and excludes at this stage, by record index (for the relevance model). */
  labels(): Map<number, boolean> {
    const out = new Map<number, boolean>();
    for (const [key, vote] of this.mine) {
      const index = this.indexOf.get(key);
      if (index === undefined || vote.decision === 'maybe') continue;
      out.set(index, vote.decision === 'include');
    }
    return out;
  }

  private shown(vote: Vote, key: string): ShownVote {
    const note = this.notesAt.get(key)?.get(vote.reviewer)?.note;
    return { reviewer: vote.reviewer, decision: vote.decision, reason: vote.reason, date: vote.date, note: note ? note : null };
  }

  /** One record for the browser; null when the index is not a record at this stage. */
  view(index: number): RecordView | null {
    const record = this.records[index];
    if (!record || !this.atStageSet.has(index)) return null;
    const terms = this.options.highlight;
    const mine = this.mine.get(record.key);
    const myNote = this.notesAt.get(record.key)?.get(this.options.reviewer)?.note;
    const view: RecordView = {
      index,
      key: record.key,
      title: highlightSegments(record.title, terms),
      abstract: record.abstract ? highlightSegments(record.abstract, terms) : null,
      authors: record.authors,
      year: record.year,
      journal: record.journal ?? null,
      volume: record.volume ?? null,
      issue: record.issue ?? null,
      pages: record.pages ?? null,
      doi: record.doi ?? null,
      pmid: record.pmid ?? null,
      sources: this.sourcesOf.get(record.key) ?? [record.source],
      mine: mine ? this.shown(mine, record.key) : null,
      note: myNote ? myNote : null,
    };
    if (this.mode === 'consensus') view.votes = this.reviewerVotes(record.key).map((v) => this.shown(v, record.key));
    return view;
  }

  /** This reviewer's note on a record at this stage ('' when none). */
  myNote(key: string): string {
    return this.notesAt.get(this.aliases[key] ?? key)?.get(this.options.reviewer)?.note ?? '';
  }

  /** Progress at this stage (see Progress). */
  progress(): Progress {
    const { stage, votesRequired } = this.options;
    const pool = this.pool();
    let mine = 0;
    let maybe = 0;
    let complete = 0;
    for (const i of pool) {
      const decision = this.myDecision[i];
      if (decision !== undefined) mine++;
      if (decision === 'maybe') maybe++;
      if ((this.voters[i]?.size ?? 0) >= votesRequired[stage]) complete++;
    }
    return { stage, total: pool.length, mine, left: pool.length - mine, maybe, complete, votesRequired: votesRequired[stage] };
  }

  /** Checks a vote sent by the browser; the vote to write, or what is wrong with it. */
  checkVote(body: unknown, date: string): NewVote | VoteError {
    const { stage, reviewer, reasons } = this.options;
    if (body === null || typeof body !== 'object') return { field: '', message: 'send a JSON object {record, decision, reason?}' };
    const { record, decision, reason } = body as Record<string, unknown>;
    if (typeof record !== 'string') return { field: 'record', message: 'give the record key' };
    const index = this.indexOfKey(record);
    if (index === undefined || !this.atStageSet.has(index)) return { field: 'record', message: `"${record}" is not a record at ${stage}` };
    if (typeof decision !== 'string' || !(voteDecisions as readonly string[]).includes(decision))
      return { field: 'decision', message: 'must be include, exclude or maybe' };
    const why = reason === undefined || reason === null || reason === '' ? null : reason;
    if (why !== null && typeof why !== 'string') return { field: 'reason', message: 'must be an exclusion-reason id' };
    if (why !== null && decision !== 'exclude')
      return { field: 'reason', message: `only belongs to an exclusion (decision is "${decision}")` };
    const known = reasons.map((r) => r.id);
    if (stage === 'full-text' && decision === 'exclude' && why === null)
      return { field: 'reason', message: `a full-text exclusion needs a reason: ${[...known, NOT_RETRIEVED].join(', ')}` };
    if (why !== null && !(known.includes(why) || (why === NOT_RETRIEVED && stage === 'full-text')))
      return { field: 'reason', message: `"${why}" is not one of this review's exclusion reasons` };
    const key = this.records[index]?.key ?? record;
    return { record: key, stage, reviewer, decision: decision as VoteDecision, reason: why, date };
  }
}

/** True when a checkVote result is an error. */
export function isVoteError(result: NewVote | VoteError): result is VoteError {
  return 'message' in result;
}
