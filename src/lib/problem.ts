// A fault found in a content file, as the validator, the build and the review pages report it.
// Its own module, beside the folders that find faults (validation, prisma, guidance), so that none
// of them imports another for the type.

/** One fault: where it is and what is wrong, in a sentence a contributor can act on. */
export interface Problem {
  /** File path relative to the project root, e.g. `content/studies/cook-2002.yaml`. */
  file: string;
  /** 1-based line in the file, when it could be located. */
  line?: number;
  /** Dotted field path, e.g. `alliance.measures[0].rater`; empty for the whole file. */
  path: string;
  /** Plain sentence: what is wrong, what was expected, what was found. */
  message: string;
  /** Errors fail validation; warnings are printed but pass. */
  severity: 'error' | 'warning';
}

/** Formats one problem as `file:line path: message`. */
export function formatProblem(p: Problem): string {
  const where = p.line ? `${p.file}:${p.line}` : p.file;
  const label = p.severity === 'warning' ? 'warning: ' : '';
  return p.path ? `${where} ${p.path}: ${label}${p.message}` : `${where}: ${label}${p.message}`;
}
