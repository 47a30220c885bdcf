// Reads a content folder exactly as the Astro build does (js-yaml), validates every record with
// src/schemas and the cross-record checks, and locates each fault's line.
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { z } from 'astro/zod';
import { guideSchema, reviewSchema, studySchema, type Guide, type Review, type Study } from '../../src/schemas';
import { crossCheck, parsePath, type Loaded } from '../../src/lib/validation/cross-checks';
import { explainIssue } from '../../src/lib/validation/zod-issues';
import { yamlErrorMessage } from '../../src/lib/validation/yaml-errors';
import { checkReviewFlows } from '../../src/lib/validation/flow-checks';
import { deriveFlow, studyIndex } from '../../src/lib/prisma/derive';
import { loadTracking } from './tracking';
import type { Problem } from '../../src/lib/validation/problem';
import { checkGuides } from '../../src/lib/guidance/validate';
import { checkUpdatedDates, unbumpedChanges } from '../../src/lib/guidance/staleness';
import { studyChanges } from '../../src/loaders/git-history';

export interface Content {
  studies: Loaded<Study>[];
  reviews: Loaded<Review>[];
  guides: Loaded<Guide>[];
  /** Every fault, in file order. */
  problems: Problem[];
  /** How many record files were read (valid or not). */
  filesRead: number;
}

/** The 1-based line of a field path in YAML text, or of its nearest existing parent. */
export function lineOf(text: string, segments: readonly (string | number)[]): number | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, keepSourceTokens: false });
  let node: unknown = doc.contents;
  let offset = (doc.contents as Node | null)?.range?.[0];
  for (const seg of segments) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === seg);
      if (!pair) break;
      offset = (pair.key as Node).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as Node | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else break;
  }
  return offset === undefined ? undefined : lineCounter.linePos(offset).line;
}

/** Splits an MDX file into its YAML frontmatter text and the line the frontmatter starts on. */
export function frontmatterOf(source: string): { yaml: string; firstLine: number } | null {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  return match ? { yaml: match[1] ?? '', firstLine: 2 } : null;
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
    return { problems: [{ file, ...(line ? { line } : {}), path: '', message: yamlErrorMessage(e.reason ?? String(err), text, e.mark?.line), severity: 'error' }] };
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { problems: [{ file, line: 1 + lineOffset, path: '', message: 'must be a YAML mapping of field: value pairs (the file is empty or holds a list or a single value)', severity: 'error' }] };
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
export function loadContent(contentDir: string, root = process.cwd()): Content {
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
          problems.push({ file, line: 1, path: '', message: 'has no frontmatter: start the file with a "---" line, the fields, and another "---" line', severity: 'error' });
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
    const tracking = loadTracking(path.join(contentDir, 'reviews', review.id), { reasons: review.exclusion_reasons.map((r) => r.id), root });
    if (tracking) problems.push(...tracking.problems);
    const derived = tracking
      ? deriveFlow({ records: tracking.records, votes: tracking.votes, reasons: review.exclusion_reasons, studies: studyIndex(studies.map((s) => s.data)) })
      : null;
    const text = fs.readFileSync(path.resolve(root, file), 'utf8');
    for (const problem of checkReviewFlows(file, review, studies.map((s) => s.data), derived)) {
      const line = lineOf(text, parsePath(problem.path));
      problems.push(line ? { ...problem, line } : problem);
    }
  }

  // Guidance pages: cited study ids resolve (errors); cited records changed after `reviewed` (warnings).
  const guideSources = guides.map((g) => ({ ...g, source: fs.readFileSync(path.resolve(root, g.file), 'utf8') }));
  const changes = studyChanges(contentDir);
  const git = unbumpedChanges(changes);
  problems.push(...checkGuides(guideSources, studies.map((s) => s.data), git));
  for (const problem of checkUpdatedDates(studies, changes)) {
    const line = lineOf(fs.readFileSync(path.resolve(root, problem.file), 'utf8'), parsePath(problem.path));
    problems.push(line ? { ...problem, line } : problem);
  }

  problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  return { studies, reviews, guides, problems, filesRead };
}
