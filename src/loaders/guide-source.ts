// The text of a guidance page (content/guides/*.mdx) as its author wrote it, for the citation and
// staleness checks, which name lines of the whole file.
import fs from 'node:fs';
import path from 'node:path';
import { readTextFileOrThrow } from './text-file';

/** Where a guide entry came from: its file (as Astro's glob loader records it) and its MDX body. */
export interface GuideFile {
  filePath?: string | undefined;
  body?: string | undefined;
}

/** The whole MDX file (frontmatter included, so line numbers match), falling back to the body. */
export function guideSource(entry: GuideFile): string {
  const file = entry.filePath ? path.resolve(entry.filePath) : undefined;
  return file && fs.existsSync(file) ? readTextFileOrThrow(file) : (entry.body ?? '');
}
