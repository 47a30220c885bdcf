// Reads a content folder as the Astro build does (js-yaml), validates every record with
// src/schemas and the cross-record checks, and locates each fault's line. The build runs this
// same function before its own loaders (src/integrations/validate.ts), so the two cannot disagree.
import path from 'node:path';
import type { z } from 'astro/zod';
import { guideSchema, reviewSchema, studySchema, type Guide, type Review, type Study } from '../schemas';
import { parsePath, type Loaded } from '../lib/validation/cross-checks';
import { checkAcrossRecords } from '../lib/validation/record-checks';
import { explainIssue } from '../lib/validation/zod-issues';
import { secondDocumentLine, yamlErrorMessage } from '../lib/validation/yaml-errors';
import { parseRecordYaml } from '../lib/validation/yaml-load';
import { checkMdxSyntax } from '../lib/validation/mdx-syntax';
import { deriveFlow, studyIndex } from '../lib/prisma/derive';
import { screeningRules } from '../lib/screening/settings';
import type { Problem } from '../lib/validation/problem';
import { frontmatterOf, indexLines, type LineIndex } from '../lib/validation/yaml-lines';
import { projectRoot } from './content-dir';
import { listContentFiles } from './content-files';
import { studyChanges } from './git-history';
import { readTextFile } from './text-file';
import { loadReviewTracking } from './tracking';

export interface Content {
  studies: Loaded<Study>[];
  reviews: Loaded<Review>[];
  guides: Loaded<Guide>[];
  /** Every fault, in file order. */
  problems: Problem[];
  /** How many record files were read (valid or not). */
  filesRead: number;
}

/** One problem per field: zod can report several broken rules of one value (Infinity is neither finite, whole nor at most the maximum); the first says it. */
function firstPerPath(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.file}\u0000${p.path}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Parses and validates one YAML text against a schema; problems carry file and line. `lines`, when
 * given, is the text's line index (so a caller that has one does not parse again); otherwise one
 * is built, once, when there is a fault to locate.
 */
export function checkRecord<S extends z.ZodTypeAny>(
  file: string,
  text: string,
  schema: S,
  lineOffset = 0,
  lines?: () => LineIndex,
): { data?: z.infer<S>; problems: Problem[] } {
  let raw: unknown;
  try {
    raw = parseRecordYaml(text);
  } catch (err) {
    const e = err as { reason?: string; mark?: { line: number } };
    const reason = e.reason ?? String(err);
    const at = e.mark?.line ?? (/expected a single document/.test(reason) ? secondDocumentLine(text) : undefined);
    const line = at !== undefined ? at + 1 + lineOffset : undefined;
    return {
      problems: [
        {
          file,
          ...(line ? { line } : {}),
          path: '',
          message: yamlErrorMessage(reason, text, at),
          severity: 'error',
        },
      ],
    };
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      problems: [
        {
          file,
          line: 1 + lineOffset,
          path: '',
          message: 'must be a YAML mapping of field: value pairs (the file is empty or holds a list or a single value)',
          severity: 'error',
        },
      ],
    };
  }
  const result = schema.safeParse(raw);
  if (result.success) return { data: result.data, problems: [] };
  const index = lines?.() ?? indexLines(text);
  const problems = result.error.issues.flatMap((issue) =>
    explainIssue(issue, raw, schema).map((fi): Problem => {
      const line = index.lineOf(fi.segments);
      return { file, ...(line ? { line: line + lineOffset } : {}), path: fi.path, message: fi.message, severity: 'error' };
    }),
  );
  return { problems: firstPerPath(problems) };
}

/** Loads and checks every record under `contentDir`; file names in problems are relative to `root`. */
export function loadContent(contentDir: string, root = projectRoot()): Content {
  const rel = (f: string) => path.relative(root, f).split(path.sep).join('/');
  const files = listContentFiles(contentDir, rel);
  const problems: Problem[] = [...files.problems];
  let filesRead = 0;

  // Each file's text and (built on first need, once) the lines of its fields, by the file name problems use.
  const texts = new Map<string, { text: string; offset: number; index?: LineIndex }>();
  const indexOf = (file: string): LineIndex | undefined => {
    const entry = texts.get(file);
    if (!entry) return undefined;
    entry.index ??= indexLines(entry.text);
    return entry.index;
  };
  /** A problem from a check over parsed records, placed on the line of its field. */
  const locate = (problem: Problem): Problem => {
    if (problem.line !== undefined) return problem;
    const entry = texts.get(problem.file);
    const line = entry && indexOf(problem.file)?.lineOf(parsePath(problem.path));
    return line ? { ...problem, line: line + (entry?.offset ?? 0) } : problem;
  };

  const read = <S extends z.ZodTypeAny>(list: string[], schema: S, frontmatter = false): Loaded<z.infer<S>>[] => {
    const loaded: Loaded<z.infer<S>>[] = [];
    for (const abs of list) {
      filesRead++;
      const file = rel(abs);
      const source = readTextFile(abs);
      if (source.fault) {
        problems.push({ file, line: source.fault.line, path: '', message: source.fault.message, severity: 'error' });
        continue;
      }
      let text = source.text;
      let offset = 0;
      if (frontmatter) {
        const fm = frontmatterOf(source.text);
        if (!fm) {
          problems.push({
            file,
            line: 1,
            path: '',
            message: 'has no frontmatter: start the file with a "---" line, the fields, and another "---" line',
            severity: 'error',
          });
          continue;
        }
        text = fm.yaml;
        offset = fm.firstLine - 1;
        const fault = checkMdxSyntax(source.text, fm.firstLine + text.split('\n').length);
        if (fault)
          problems.push({ file, ...(fault.line ? { line: fault.line } : {}), path: '', message: fault.message, severity: 'error' });
      }
      texts.set(file, { text, offset });
      const result = checkRecord(file, text, schema, offset, () => indexOf(file)!);
      problems.push(...result.problems);
      if (result.data !== undefined) loaded.push({ file, data: result.data });
    }
    return loaded;
  };

  const studies = read(files.studies, studySchema);
  const reviews = read(files.reviews, reviewSchema);
  const guides = read(files.guides, guideSchema, true);

  // Review flows: arms close, reported = derived from tracking data, study records agree.
  const derive = ({ data: review }: Loaded<Review>, sound: readonly Study[]) => {
    const tracking = loadReviewTracking(contentDir, review, root);
    if (!tracking) return null;
    problems.push(...tracking.problems);
    return deriveFlow({
      records: tracking.records,
      votes: tracking.votes,
      reasons: review.exclusion_reasons,
      studies: studyIndex(sound),
      rules: screeningRules(review.screening),
      otherMethods: review.screening?.other_methods ?? [],
      sources: tracking.sources.map((s) => s.name),
    });
  };
  // Guidance pages are checked on their whole source (frontmatter included, so lines match).
  const guideSources = guides.flatMap((g) => {
    const read = readTextFile(path.resolve(root, g.file));
    return read.text === undefined ? [] : [{ ...g, source: read.text }];
  });
  const studyFiles = files.studies.map((abs) => rel(abs));
  for (const problem of checkAcrossRecords({
    studyFiles,
    studies,
    reviews,
    guides: guideSources,
    derive,
    changes: studyChanges(contentDir),
  }))
    problems.push(locate(problem));

  problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  return { studies, reviews, guides, problems, filesRead };
}
