// The checks `npm run validate` runs (loadContent in src/loaders/content.ts), composed in memory
// over a map of file texts, so that thousands of mutants can be checked in seconds. It calls the
// same functions loadContent calls (checkRecord per file, then checkAcrossRecords), minus the disk: records.test.ts runs the real
// loadContent on a temporary folder for a sample of mutants and asserts that both give the same
// problems, so this file cannot drift from the real pipeline unnoticed.
import type { z } from 'astro/zod';
import { guideSchema, reviewSchema, studySchema, type Guide, type Review, type Study } from '../../src/schemas';
import { checkRecord } from '../../src/loaders/content';
import { parsePath, type Loaded } from '../../src/lib/validation/cross-checks';
import { checkAcrossRecords } from '../../src/lib/validation/record-checks';
import { frontmatterOf, lineOf } from '../../src/lib/validation/yaml-lines';
import type { Problem } from '../../src/lib/problem';

/** File texts by path relative to the project root (`content/studies/doe-2010.yaml`). */
export type Files = ReadonlyMap<string, string>;

/** What loadContent returns, for the parts the mutation test reads. */
export interface Checked {
  studies: Loaded<Study>[];
  reviews: Loaded<Review>[];
  guides: Loaded<Guide>[];
  problems: Problem[];
}

/** The record files of one folder, as the loaders list them: directly in it, by extension, sorted by name. */
const recordsIn = (files: Files, folder: string, extension: string) =>
  [...files.keys()].filter((f) => f.startsWith(`${folder}/`) && !f.slice(folder.length + 1).includes('/') && f.endsWith(extension)).sort();

// checkRecord is a pure function of file name and text: unchanged files are checked once.
const recordCache = new Map<string, { data?: unknown; problems: Problem[] }>();
function checkCached<S extends z.ZodTypeAny>(
  file: string,
  text: string,
  schema: S,
  offset: number,
): { data?: z.infer<S>; problems: Problem[] } {
  const key = `${file}\u0000${offset}\u0000${text}`;
  let result = recordCache.get(key);
  if (!result) {
    result = checkRecord(file, text, schema, offset);
    if (recordCache.size > 2_000) recordCache.clear();
    recordCache.set(key, result);
  }
  return result as { data?: z.infer<S>; problems: Problem[] };
}

/** Checks a content set held in memory (`contentDir` is its folder relative to the root, e.g. `content`); no tracking folders, no git history. */
export function checkFiles(files: Files, contentDir = 'content'): Checked {
  const problems: Problem[] = [];
  const read = <S extends z.ZodTypeAny>(list: string[], schema: S, frontmatter = false): Loaded<z.infer<S>>[] => {
    const loaded: Loaded<z.infer<S>>[] = [];
    for (const file of list) {
      const source = files.get(file)!;
      let text = source;
      let offset = 0;
      if (frontmatter) {
        const fm = frontmatterOf(source);
        if (!fm) throw new Error(`${file}: the mutation test's guides must have frontmatter`);
        text = fm.yaml;
        offset = fm.firstLine - 1;
      }
      const result = checkCached(file, text, schema, offset);
      problems.push(...result.problems);
      if (result.data !== undefined) loaded.push({ file, data: result.data });
    }
    return loaded;
  };
  const locate = (problem: Problem): Problem => {
    if (problem.line !== undefined) return problem;
    const text = files.get(problem.file);
    const line = text === undefined ? undefined : lineOf(text, parsePath(problem.path));
    return line ? { ...problem, line } : problem;
  };

  const studies = read(recordsIn(files, `${contentDir}/studies`, '.yaml'), studySchema);
  const reviews = read(recordsIn(files, `${contentDir}/reviews`, '.yaml'), reviewSchema);
  const guides = read(recordsIn(files, `${contentDir}/guides`, '.mdx'), guideSchema, true);

  const studyFiles = recordsIn(files, `${contentDir}/studies`, '.yaml');
  const guideSources = guides.map((g) => ({ ...g, source: files.get(g.file)! }));
  problems.push(...checkAcrossRecords({ studyFiles, studies, reviews, guides: guideSources }).map(locate));
  problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  return { studies, reviews, guides, problems };
}
