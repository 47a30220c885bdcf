// Where the records live: CONTENT_DIR (relative to the project root) or "content".
import path from 'node:path';

/** Absolute path of the content folder. */
export function contentDir(): string {
  return path.resolve(process.env.CONTENT_DIR ?? 'content');
}
