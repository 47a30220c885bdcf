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

/**
 * Characters that could break a one-line message or act on a terminal: C0 and C1 controls
 * (newline, carriage return, ESC of ANSI colour codes, …), DEL, the Unicode line and paragraph
 * separators and the bidirectional overrides that reorder what a reader sees.
 */
const unsafe = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `text` with every control or line-breaking character written as an escape (`\n`, `\u001b`), so it stays on one line and prints as it reads. */
export function escapeText(text: string): string {
  return text.replace(unsafe, (c) => named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Formats one problem as `file:line path: message`, always on one line (values in it are escaped). */
export function formatProblem(p: Problem): string {
  const file = escapeText(p.file);
  const where = p.line ? `${file}:${p.line}` : file;
  const label = p.severity === 'warning' ? 'warning: ' : '';
  const message = escapeText(p.message);
  return p.path ? `${where} ${escapeText(p.path)}: ${label}${message}` : `${where}: ${label}${message}`;
}
