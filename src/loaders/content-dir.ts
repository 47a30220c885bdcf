// Where the records live, resolved here and nowhere else: the site (src/content.config.ts,
// src/data), the scripts and the tests all ask this module.
import path from 'node:path';

/**
 * Absolute path of the content folder: `dir` when given (a command-line argument), else
 * CONTENT_DIR, else `content`, each relative to the working directory (the project root).
 */
export function contentDir(dir?: string): string {
  return path.resolve(dir ?? process.env.CONTENT_DIR ?? 'content');
}

/** The folder paths shown to authors are relative to, as `npm run validate` prints them: the working directory. */
export function projectRoot(): string {
  return process.cwd();
}
