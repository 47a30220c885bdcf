// Reads a review's tracking folder (content/reviews/<id>/): the search results in records/ and the
// screening log screening.csv. File access lives here; parsing and arithmetic live in src/lib.
import fs from 'node:fs';
import path from 'node:path';
import { formatOfFile, parseBibliography, sourceOfFile } from '../lib/bibliography';
import { mergeScreeningFiles } from '../lib/screening/files';
import type { Tracking } from '../lib/prisma/tracking';
import type { Review } from '../schemas';
import { projectRoot } from './content-dir';
import { readTextFile } from './text-file';

export type { TrackedSource, Tracking } from '../lib/prisma/tracking';

/** Options for loadTracking. */
export interface LoadTrackingOptions {
  /** The review's exclusion-reason ids, which screening.csv reasons must be among (besides `not-retrieved`). */
  reasons?: readonly string[];
  /** The folder `reviewDir`, `dir` and each source's `file` are relative to (default: the working directory). */
  root?: string;
  /**
   * The folder the files named in problems and `screeningFile` are relative to (default: `root`).
   * The project root makes them read as `npm run validate` prints them.
   */
  problemRoot?: string;
  /** The name votes in screening/consensus.csv are cast under (the review's `screening.consensus`, default "consensus"). */
  consensusName?: string;
}

const relativeTo = (root: string) => (p: string) => path.relative(root, p).split(path.sep).join('/');

/**
 * Reads `records/*.ris|*.bib|*.nbib|*.json` (file name = source name) and `screening.csv` of a
 * review folder such as `content/reviews/demo-review`. Null when the folder does not exist.
 */
export function loadTracking(reviewDir: string, options: LoadTrackingOptions = {}): Tracking | null {
  const root = options.root ?? process.cwd();
  const abs = path.resolve(root, reviewDir);
  if (!fs.existsSync(abs) || !fs.statSync(abs).isDirectory()) return null;
  const rel = relativeTo(root);
  const shown = relativeTo(options.problemRoot ?? root);
  const tracking: Tracking = { dir: rel(abs), sources: [], records: [], votes: [], screeningFile: null, problems: [] };

  const recordsDir = path.join(abs, 'records');
  const files = fs.existsSync(recordsDir)
    ? fs
        .readdirSync(recordsDir, { withFileTypes: true })
        .filter((e) => e.isFile() && !e.name.startsWith('.'))
        .map((e) => e.name)
        .sort()
    : [];
  const seen = new Map<string, string>();
  for (const name of files) {
    const file = shown(path.join(recordsDir, name));
    const format = formatOfFile(name);
    if (!format) {
      tracking.problems.push({
        file,
        path: '',
        message: 'is not a search-results file Rapport reads: use .ris, .bib, .nbib (PubMed MEDLINE) or .json (CSL-JSON)',
        severity: 'warning',
      });
      continue;
    }
    const source = sourceOfFile(name);
    const other = seen.get(source);
    if (other) {
      tracking.problems.push({
        file,
        path: '',
        message: `names the same source "${source}" as ${other}: give each source one file`,
        severity: 'error',
      });
      continue;
    }
    seen.set(source, file);
    const read = readTextFile(path.join(recordsDir, name));
    if (read.fault) {
      tracking.problems.push({ file, line: read.fault.line, path: '', message: read.fault.message, severity: 'error' });
      continue;
    }
    const parsed = parseBibliography(read.text, format, source);
    tracking.sources.push({ name: source, file: rel(path.join(recordsDir, name)), format, records: parsed.records.length });
    tracking.records.push(...parsed.records);
    for (const problem of parsed.problems) {
      tracking.problems.push({
        file,
        ...(problem.line !== null ? { line: problem.line } : {}),
        path: problem.index > 0 ? `entry ${problem.index}` : '',
        message: problem.message,
        severity: 'error',
      });
    }
  }

  // The votes: the shared screening.csv and one file per reviewer in screening/ (consensus votes in
  // screening/consensus.csv), merged into one log by src/lib/screening/files.ts; notes files are not votes.
  const screening = path.join(abs, 'screening.csv');
  const perReviewer = path.join(abs, 'screening');
  const voteFiles = [
    ...(fs.existsSync(screening) ? [{ name: 'screening.csv', abs: screening }] : []),
    ...(fs.existsSync(perReviewer) && fs.statSync(perReviewer).isDirectory()
      ? fs
          .readdirSync(perReviewer)
          .filter((f) => f.endsWith('.csv') && !f.endsWith('.notes.csv'))
          .sort()
          .map((f) => ({ name: `screening/${f}`, abs: path.join(perReviewer, f) }))
      : []),
  ];
  if (voteFiles.length > 0) {
    tracking.screeningFile = shown(voteFiles[0]!.abs);
    const texts: { name: string; text: string }[] = [];
    for (const f of voteFiles) {
      const read = readTextFile(f.abs);
      if (read.fault)
        tracking.problems.push({ file: shown(f.abs), line: read.fault.line, path: '', message: read.fault.message, severity: 'error' });
      else texts.push({ name: f.name, text: read.text });
    }
    const merged = mergeScreeningFiles(texts, {
      ...(options.reasons ? { reasons: options.reasons } : {}),
      consensusName: options.consensusName ?? 'consensus',
    });
    tracking.votes = merged.votes;
    const byName = new Map(voteFiles.map((f) => [f.name, shown(f.abs)]));
    for (const problem of merged.problems) {
      const [field, ...rest] = problem.message.split(': ');
      tracking.problems.push({
        file: byName.get(problem.file) ?? problem.file,
        line: problem.line,
        path: field ?? '',
        message: rest.join(': '),
        severity: 'error',
      });
    }
  }
  return tracking;
}

/**
 * A review's tracking folder (`<contentDir>/reviews/<id>/`), as the review pages and `npm run validate`
 * both read it: `dir` and source files relative to the content folder, problems to `root` (the project root).
 */
export function loadReviewTracking(
  contentDir: string,
  review: Pick<Review, 'id' | 'exclusion_reasons'> & { screening?: Review['screening'] },
  root = projectRoot(),
): Tracking | null {
  return loadTracking(path.join('reviews', review.id), {
    root: contentDir,
    problemRoot: root,
    reasons: review.exclusion_reasons.map((r) => r.id),
    consensusName: review.screening?.consensus ?? 'consensus',
  });
}
