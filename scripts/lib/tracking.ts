// Reads a review's tracking folder (content/reviews/<id>/): the search results in records/ and the
// screening log screening.csv. File access lives here; parsing and arithmetic live in src/lib.
import fs from 'node:fs';
import path from 'node:path';
import { formatOfFile, parseBibliography, sourceOfFile, type BibFormat, type BibRecord } from '../../src/lib/bibliography';
import { parseScreeningCsv, type Vote } from '../../src/lib/prisma/screening';
import type { Problem } from '../../src/lib/validation/problem';

/** One search-results file. */
export interface TrackedSource {
  /** Source name: the file name without extension, e.g. `pubmed`. */
  name: string;
  /** Path relative to `root`, e.g. `content/reviews/demo-review/records/pubmed.nbib`. */
  file: string;
  format: BibFormat;
  /** Records read from the file. */
  records: number;
}

/** Everything in a tracking folder, parsed. */
export interface Tracking {
  /** The review folder, relative to `root`. */
  dir: string;
  /** Search-results files, by file name. */
  sources: TrackedSource[];
  /** Every record of every source, sources in file-name order. */
  records: BibRecord[];
  /** Every valid vote of screening.csv, in file order. */
  votes: Vote[];
  /** screening.csv relative to `root`; null when the folder has none. */
  screeningFile: string | null;
  /** Faults, each with file and line (`content/reviews/x/screening.csv:12 decision: ...`). */
  problems: Problem[];
}

/** Options for loadTracking. */
export interface LoadTrackingOptions {
  /** The review's exclusion-reason ids, which screening.csv reasons must be among (besides `not-retrieved`). */
  reasons?: readonly string[];
  /** Paths in problems are relative to this folder (default: the working directory). */
  root?: string;
}

/**
 * Reads `records/*.ris|*.bib|*.nbib|*.json` (file name = source name) and `screening.csv` of a
 * review folder such as `content/reviews/demo-review`. Null when the folder does not exist.
 */
export function loadTracking(reviewDir: string, options: LoadTrackingOptions = {}): Tracking | null {
  const root = options.root ?? process.cwd();
  const abs = path.resolve(root, reviewDir);
  if (!fs.existsSync(abs) || !fs.statSync(abs).isDirectory()) return null;
  const rel = (p: string) => path.relative(root, p).split(path.sep).join('/');
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
    const file = rel(path.join(recordsDir, name));
    const format = formatOfFile(name);
    if (!format) {
      tracking.problems.push({ file, path: '', message: 'is not a search-results file Rapport reads: use .ris, .bib, .nbib (PubMed MEDLINE) or .json (CSL-JSON)', severity: 'warning' });
      continue;
    }
    const source = sourceOfFile(name);
    const other = seen.get(source);
    if (other) {
      tracking.problems.push({ file, path: '', message: `names the same source "${source}" as ${other}: give each source one file`, severity: 'error' });
      continue;
    }
    seen.set(source, file);
    const parsed = parseBibliography(fs.readFileSync(path.join(recordsDir, name), 'utf8'), format, source);
    tracking.sources.push({ name: source, file, format, records: parsed.records.length });
    tracking.records.push(...parsed.records);
    for (const problem of parsed.problems) {
      tracking.problems.push({ file, ...(problem.line !== null ? { line: problem.line } : {}), path: problem.index > 0 ? `entry ${problem.index}` : '', message: problem.message, severity: 'error' });
    }
  }

  const screening = path.join(abs, 'screening.csv');
  if (fs.existsSync(screening)) {
    const file = rel(screening);
    tracking.screeningFile = file;
    const parsed = parseScreeningCsv(fs.readFileSync(screening, 'utf8'), options.reasons ? { reasons: options.reasons } : {});
    tracking.votes = parsed.votes;
    for (const problem of parsed.problems) tracking.problems.push({ file, line: problem.line, path: problem.field, message: problem.message, severity: 'error' });
  }
  return tracking;
}
