// Reads a review's tracking folder (content/reviews/<id>/): the search results in records/ and the
// screening log screening.csv. File access lives here; parsing and arithmetic live in src/lib.
import fs from 'node:fs';
import path from 'node:path';
import { formatOfFile, parseBibliography, sourceOfFile } from '../lib/bibliography';
import { parseScreeningCsv } from '../lib/prisma/screening';
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

  const screening = path.join(abs, 'screening.csv');
  if (fs.existsSync(screening)) {
    const file = shown(screening);
    tracking.screeningFile = file;
    const read = readTextFile(screening);
    if (read.fault) {
      tracking.problems.push({ file, line: read.fault.line, path: '', message: read.fault.message, severity: 'error' });
      return tracking;
    }
    const parsed = parseScreeningCsv(read.text, options.reasons ? { reasons: options.reasons } : {});
    tracking.votes = parsed.votes;
    for (const problem of parsed.problems)
      tracking.problems.push({ file, line: problem.line, path: problem.field, message: problem.message, severity: 'error' });
  }
  return tracking;
}

/**
 * A review's tracking folder (`<contentDir>/reviews/<id>/`), as the review pages and `npm run validate`
 * both read it: `dir` and source files relative to the content folder, problems to `root` (the project root).
 */
export function loadReviewTracking(
  contentDir: string,
  review: Pick<Review, 'id' | 'exclusion_reasons'>,
  root = projectRoot(),
): Tracking | null {
  return loadTracking(path.join('reviews', review.id), {
    root: contentDir,
    problemRoot: root,
    reasons: review.exclusion_reasons.map((r) => r.id),
  });
}
