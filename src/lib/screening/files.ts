// The files the screening workspace writes (DESIGN.md "Tracking a review in the repository"):
// `screening/<reviewer>.csv` (votes, the screening.csv header), `screening/consensus.csv` (the
// consensus reviewer's votes) and `screening/<reviewer>.notes.csv` (notes, `record,stage,note,date`).
// Text in, values out: the server reads and appends the files.
import { formatCsvRow, parseCsvText } from '../prisma/csv-text';
import { parseScreeningCsv, SCREENING_HEADER, stages, type Stage, type Vote, type VoteDecision } from '../prisma/screening';

/** A plain reviewer name: lower case letter, then up to 39 lower-case letters, digits or hyphens. */
export const REVIEWER_NAME = /^[a-z][a-z0-9-]{0,39}$/;

/** The header of a reviewer's notes file, exactly. */
export const NOTES_HEADER = 'record,stage,note,date';

/** Why `name` is not a plain reviewer name, or null when it is one. */
export function reviewerNameProblem(name: string): string | null {
  if (REVIEWER_NAME.test(name)) return null;
  return `"${name}" is not a plain reviewer name: use lower-case letters, digits and hyphens, starting with a letter (at most 40), e.g. "alice"`;
}

/** The file (inside the review's `screening/` folder) a reviewer's votes go to: `consensus.csv` for the consensus reviewer. */
export function voteFileName(reviewer: string, consensusName: string): string {
  return reviewer === consensusName ? 'consensus.csv' : `${reviewer}.csv`;
}

/** The notes file of a reviewer, inside `screening/`. */
export function notesFileName(reviewer: string, consensusName: string): string {
  return reviewer === consensusName ? 'consensus.notes.csv' : `${reviewer}.notes.csv`;
}

/** A vote as the workspace writes it. */
export interface NewVote {
  record: string;
  stage: Stage;
  reviewer: string;
  decision: VoteDecision;
  reason: string | null;
  /** YYYY-MM-DD. */
  date: string;
}

/** One CSV line (with its line end) for a vote, in the screening.csv column order. */
export function formatVoteLine(vote: NewVote): string {
  return `${formatCsvRow([vote.record, vote.stage, vote.reviewer, vote.decision, vote.reason ?? '', vote.date])}\n`;
}

/** A reviewer's note on a record at a stage. */
export interface Note {
  record: string;
  stage: Stage;
  reviewer: string;
  /** The note; empty clears an earlier one. */
  note: string;
  date: string | null;
  /** Order across every file read (later = newer). */
  line: number;
}

/** One CSV line (with its line end) for a note. Line breaks in the note are kept inside quotes. */
export function formatNoteLine(note: Pick<Note, 'record' | 'stage' | 'note'> & { date: string }): string {
  return `${formatCsvRow([note.record, note.stage, note.note, note.date])}\n`;
}

/** A fault in a screening file; the row is left out. */
export interface FileProblem {
  /** File name inside the review folder, e.g. `screening/alice.csv`. */
  file: string;
  line: number;
  message: string;
}

/** One screening file's text, named as it sits in the review folder. */
export interface ScreeningFile {
  /** `screening.csv` (the shared log) or `screening/<name>.csv`. */
  name: string;
  text: string;
}

/** Whose votes a file under screening/ may hold: `screening/alice.csv` → `alice`, `consensus.csv` → the consensus name. */
function ownerOf(name: string, consensusName: string): string | null {
  const match = /^screening\/([^/]+)\.csv$/.exec(name);
  if (!match?.[1]) return null;
  return match[1] === 'consensus' ? consensusName : match[1];
}

/**
 * Every vote of the shared `screening.csv` and the per-reviewer files, as one log. `line` orders
 * votes across files: the shared log first, then each file in the order given (each file's rows in
 * order), so a reviewer's vote in their own file comes after their rows in the shared log. A row in
 * another reviewer's file is a problem and is left out.
 */
export function mergeScreeningFiles(
  files: readonly ScreeningFile[],
  options: { reasons?: readonly string[]; consensusName: string },
): { votes: Vote[]; problems: FileProblem[] } {
  const votes: Vote[] = [];
  const problems: FileProblem[] = [];
  const ordered = [...files].sort((a, b) => Number(b.name === 'screening.csv') - Number(a.name === 'screening.csv'));
  ordered.forEach((file, index) => {
    const parsed = parseScreeningCsv(file.text, options.reasons ? { reasons: options.reasons } : {});
    problems.push(...parsed.problems.map((p) => ({ file: file.name, line: p.line, message: `${p.field}: ${p.message}` })));
    const owner = file.name === 'screening.csv' ? null : ownerOf(file.name, options.consensusName);
    for (const vote of parsed.votes) {
      if (owner !== null && vote.reviewer !== owner) {
        problems.push({
          file: file.name,
          line: vote.line,
          message: `reviewer: "${vote.reviewer}" voted in ${owner}'s file: each reviewer's votes go in their own file`,
        });
        continue;
      }
      votes.push({ ...vote, line: sequence(index, vote.line), at: { file: file.name, line: vote.line } });
    }
  });
  return { votes, problems };
}

/** The order number of row `line` of the `index`-th file read. */
export function sequence(index: number, line: number): number {
  return index * 1_000_000_000 + line;
}

/** Reads a notes file; the reviewer is the file's owner. Rows with a fault are reported and left out. */
export function parseNotesCsv(text: string, reviewer: string, file: string, index = 0): { notes: Note[]; problems: FileProblem[] } {
  const parsed = parseCsvText(text);
  const problems: FileProblem[] = parsed.problems.map((p) => ({ file, line: p.line, message: p.message }));
  const [header, ...rows] = parsed.rows;
  const notes: Note[] = [];
  if (!header) return { notes, problems };
  if (header.fields.join(',') !== NOTES_HEADER) {
    problems.push({ file, line: header.line, message: `the header must be exactly "${NOTES_HEADER}"` });
    return { notes, problems };
  }
  for (const row of rows) {
    const [record = '', stage = '', note = '', date = ''] = row.fields;
    if (row.fields.length !== 4 || !record || !(stages as readonly string[]).includes(stage)) {
      problems.push({ file, line: row.line, message: `the row needs 4 fields (${NOTES_HEADER}) with a record and a stage` });
      continue;
    }
    notes.push({ record, stage: stage as Stage, reviewer, note, date: date || null, line: sequence(index, row.line) });
  }
  return { notes, problems };
}

/** The text a new votes file starts with. */
export const VOTES_FILE_START = `${SCREENING_HEADER}\n`;
/** The text a new notes file starts with. */
export const NOTES_FILE_START = `${NOTES_HEADER}\n`;
