// Reads a content folder exactly as the Astro build does (js-yaml), validates every record with
// src/schemas and the cross-record checks, and locates each fault's line.
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import type { z } from 'astro/zod';
import { guideSchema, reviewSchema, studySchema, type Guide, type Review, type Study } from '../schemas';
import { crossCheck, parsePath, type Loaded } from '../lib/validation/cross-checks';
import { explainIssue } from '../lib/validation/zod-issues';
import { yamlErrorMessage } from '../lib/validation/yaml-errors';
import { checkReviewFlows } from '../lib/validation/flow-checks';
import { deriveFlow, studyIndex } from '../lib/prisma/derive';
import type { Problem } from '../lib/validation/problem';
import { checkGuides } from '../lib/guidance/validate';
import { checkUpdatedDates, unbumpedChanges } from '../lib/guidance/staleness';
import { frontmatterOf, lineOf } from '../lib/validation/yaml-lines';
import { projectRoot } from './content-dir';
import { studyChanges } from './git-history';
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

function listFiles(dir: string, extension: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(extension))
    .map((e) => path.join(dir, e.name))
    .sort();
}

/** Parses and validates one YAML text against a schema; problems carry file and line. */
export function checkRecord<S extends z.ZodTypeAny>(
  file: string,
  text: string,
  schema: S,
  lineOffset = 0,
): { data?: z.infer<S>; problems: Problem[] } {
  let raw: unknown;
  try {
    raw = yaml.load(text);
  } catch (err) {
    const e = err as { reason?: string; mark?: { line: number } };
    const line = e.mark ? e.mark.line + 1 + lineOffset : undefined;
    return {
      problems: [
        {
          file,
          ...(line ? { line } : {}),
          path: '',
          message: yamlErrorMessage(e.reason ?? String(err), text, e.mark?.line),
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
  const problems = result.error.issues.flatMap((issue) =>
    explainIssue(issue, raw, schema).map((fi): Problem => {
      const line = lineOf(text, fi.segments);
      return { file, ...(line ? { line: line + lineOffset } : {}), path: fi.path, message: fi.message, severity: 'error' };
    }),
  );
  return { problems };
}

/** Loads and checks every record under `contentDir`; file names in problems are relative to `root`. */
export function loadContent(contentDir: string, root = projectRoot()): Content {
  const rel = (f: string) => path.relative(root, f).split(path.sep).join('/');
  const problems: Problem[] = [];
  let filesRead = 0;

  const read = <S extends z.ZodTypeAny>(files: string[], schema: S, frontmatter = false): Loaded<z.infer<S>>[] => {
    const loaded: Loaded<z.infer<S>>[] = [];
    for (const abs of files) {
      filesRead++;
      const file = rel(abs);
      const source = fs.readFileSync(abs, 'utf8');
      let text = source;
      let offset = 0;
      if (frontmatter) {
        const fm = frontmatterOf(source);
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
      }
      const result = checkRecord(file, text, schema, offset);
      problems.push(...result.problems);
      if (result.data !== undefined) loaded.push({ file, data: result.data });
    }
    return loaded;
  };

  const studies = read(listFiles(path.join(contentDir, 'studies'), '.yaml'), studySchema);
  const reviews = read(listFiles(path.join(contentDir, 'reviews'), '.yaml'), reviewSchema);
  const guides = read(listFiles(path.join(contentDir, 'guides'), '.mdx'), guideSchema, true);

  for (const problem of crossCheck(studies, reviews)) {
    const abs = path.resolve(root, problem.file);
    const line = lineOf(fs.readFileSync(abs, 'utf8'), parsePath(problem.path));
    problems.push(line ? { ...problem, line } : problem);
  }
  // Review flows: arms close, reported = derived from tracking data, study records agree.
  for (const { file, data: review } of reviews) {
    const tracking = loadReviewTracking(contentDir, review, root);
    if (tracking) problems.push(...tracking.problems);
    const derived = tracking
      ? deriveFlow({
          records: tracking.records,
          votes: tracking.votes,
          reasons: review.exclusion_reasons,
          studies: studyIndex(studies.map((s) => s.data)),
        })
      : null;
    const text = fs.readFileSync(path.resolve(root, file), 'utf8');
    for (const problem of checkReviewFlows(
      file,
      review,
      studies.map((s) => s.data),
      derived,
    )) {
      const line = lineOf(text, parsePath(problem.path));
      problems.push(line ? { ...problem, line } : problem);
    }
  }

  // Guidance pages: cited study ids resolve (errors); cited records changed after `reviewed` (warnings).
  const guideSources = guides.map((g) => ({ ...g, source: fs.readFileSync(path.resolve(root, g.file), 'utf8') }));
  const changes = studyChanges(contentDir);
  const git = unbumpedChanges(changes);
  problems.push(
    ...checkGuides(
      guideSources,
      studies.map((s) => s.data),
      git,
    ),
  );
  for (const problem of checkUpdatedDates(studies, changes)) {
    const line = lineOf(fs.readFileSync(path.resolve(root, problem.file), 'utf8'), parsePath(problem.path));
    problems.push(line ? { ...problem, line } : problem);
  }

  problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  return { studies, reviews, guides, problems, filesRead };
}
