// File access for `npm run import` and `npm run new-study`: the studies and reviews already in the
// repository, checking a draft exactly as `npm run validate` would, and writing without overwriting.
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { reviewSchema, studySchema, type Review, type Study } from '../../src/schemas';
import { crossCheck, parsePath } from '../../src/lib/validation/cross-checks';
import { checkReviewFlows } from '../../src/lib/validation/flow-checks';
import { deriveFlow, studyIndex } from '../../src/lib/prisma/derive';
import { screeningRules } from '../../src/lib/screening/settings';
import type { Problem } from '../../src/lib/validation/problem';
import type { KnownStudy } from '../../src/lib/import/duplicates';
import { lineOf } from '../../src/lib/validation/yaml-lines';
import { checkRecord, loadContent } from '../../src/loaders/content';
import { loadReviewTracking } from '../../src/loaders/tracking';

/** A path as the user sees it: relative to the working directory, with forward slashes. */
export function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file).split(path.sep).join('/');
  return rel.startsWith('..') ? file : rel;
}

/** Today's local date, YYYY-MM-DD. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined);
const yamlFiles = (dir: string) =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.yaml'))
        .sort()
        .map((f) => path.join(dir, f))
    : [];

/** Review ids in `<contentDir>/reviews`. */
export function reviewIds(contentDir: string): string[] {
  return yamlFiles(path.join(contentDir, 'reviews')).map((f) => path.basename(f, '.yaml'));
}

/**
 * The study records in the given folders, read leniently, each file once: the records as the
 * duplicate check knows them (a record with faults still takes part; a file that is not YAML is
 * skipped, `npm run validate` reports it), and the ids already used: file names without `.yaml`
 * (an unreadable file still takes its name) and the `previous_ids` of renamed records (their
 * addresses redirect).
 */
export function readExistingStudies(dirs: readonly string[]): { known: KnownStudy[]; taken: Set<string> } {
  const seen = new Set<string>();
  const known: KnownStudy[] = [];
  const taken = new Set<string>();
  for (const file of dirs.flatMap(yamlFiles)) {
    const abs = path.resolve(file);
    taken.add(path.basename(abs, '.yaml'));
    if (seen.has(abs)) continue;
    seen.add(abs);
    let data: unknown;
    try {
      data = yaml.load(fs.readFileSync(abs, 'utf8'));
    } catch {
      continue;
    }
    if (!data || typeof data !== 'object') continue;
    const r = data as Record<string, unknown>;
    for (const id of strings(r['previous_ids']) ?? []) taken.add(id);
    const reports = Array.isArray(r['reports'])
      ? (r['reports'] as Record<string, unknown>[]).filter((x) => x && typeof x === 'object')
      : [];
    known.push({
      id: str(r['id']) ?? path.basename(abs, '.yaml'),
      file: displayPath(abs),
      title: str(r['title']),
      year: num(r['year']),
      authors: strings(r['authors']),
      doi: str(r['doi']),
      pmid: str(r['pmid']),
      reports: reports.map((x) => ({
        title: str(x['title']),
        year: num(x['year']),
        authors: strings(x['authors']),
        doi: str(x['doi']),
        pmid: str(x['pmid']),
      })),
    });
  }
  return { known, taken };
}

/** Ids already used in the given folders (see readExistingStudies). */
export function takenIds(dirs: readonly string[]): Set<string> {
  return readExistingStudies(dirs).taken;
}

/** The study records in the given folders, read leniently (see readExistingStudies). */
export function readKnownStudies(dirs: readonly string[]): KnownStudy[] {
  return readExistingStudies(dirs).known;
}

/** A record's text and the file it would be written to. */
export interface PendingRecord {
  file: string;
  text: string;
}

/**
 * A checker for new study records: it checks each record's text as `npm run validate` would once
 * the records are written to their files: the schema, then the cross-record rules against the
 * content folder and one another (its review exists, its DOI and PMID are not used by another
 * study, its unverified fields are fields). Problems name the record's file, one list per record
 * in input order. The content folder is read once, when the checker is made, and the cross-record
 * rules run once per call, however many records it is given.
 */
export function newStudiesChecker(contentDir: string): (records: readonly PendingRecord[]) => Problem[][] {
  const content = loadContent(contentDir);
  return (records) => {
    const shown = records.map((r) => displayPath(r.file));
    const checked = records.map((r, i) => checkRecord(shown[i]!, r.text, studySchema));
    const fresh = checked.flatMap((c, i) => (c.data ? [{ file: shown[i]!, data: c.data as Study }] : []));
    const files = new Set(records.map((r) => path.resolve(r.file)));
    const ids = new Set(fresh.map((f) => f.data.id));
    const others = content.studies.filter((s) => !files.has(path.resolve(s.file)) && !ids.has(s.data.id));
    // The new records go last: crossCheck reports a shared DOI or PMID on the later record.
    const cross = new Map<string, Problem[]>();
    for (const p of crossCheck([...others, ...fresh], content.reviews)) cross.set(p.file, [...(cross.get(p.file) ?? []), p]);
    return checked.map((c, i) => {
      if (!c.data) return c.problems;
      const text = records[i]!.text;
      return (cross.get(shown[i]!) ?? []).map((p) => {
        const line = lineOf(text, parsePath(p.path));
        return line ? { ...p, line } : p;
      });
    });
  };
}

/**
 * A checker for one new study record (see newStudiesChecker): problems name `file`. The content
 * folder is read once, when the checker is made.
 */
export function newStudyChecker(contentDir: string): (file: string, text: string) => Problem[] {
  const check = newStudiesChecker(contentDir);
  return (file, text) => check([{ file, text }])[0] ?? [];
}

/**
 * Checks a review record's new text as `npm run validate` would once it replaces `file`: the
 * review schema, the cross-record rules, and the flow checks (every arm closes, the reported flow
 * agrees with the flow derived from the review's tracking folder and with its study records).
 * Problems name `file`, with lines in the new text.
 */
export function checkReviewText(contentDir: string, file: string, text: string): Problem[] {
  const shown = displayPath(file);
  const { data, problems } = checkRecord(shown, text, reviewSchema);
  if (!data) return problems;
  const review = data as Review;
  const content = loadContent(contentDir);
  const reviews = [...content.reviews.filter((r) => path.resolve(r.file) !== path.resolve(file)), { file: shown, data: review }];
  const tracking = loadReviewTracking(contentDir, review);
  const derived = tracking
    ? deriveFlow({
        records: tracking.records,
        votes: tracking.votes,
        reasons: review.exclusion_reasons,
        studies: studyIndex(content.studies.map((s) => s.data)),
        rules: screeningRules(review.screening),
        otherMethods: review.screening?.other_methods ?? [],
        sources: tracking.sources.map((s) => s.name),
      })
    : null;
  return [
    ...crossCheck(content.studies, reviews).filter((p) => p.file === shown),
    ...checkReviewFlows(
      shown,
      review,
      content.studies.map((s) => s.data),
      derived,
    ),
  ].map((p) => {
    const line = lineOf(text, parsePath(p.path));
    return line ? { ...p, line } : p;
  });
}

/** Replaces a file's content in one step (a temporary file beside it, then a rename): the file is never left half-written. */
export function replaceFile(file: string, text: string): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.writeFileSync(temp, text, 'utf8');
  try {
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

const madeDirs = new Set<string>();

/** Writes a new file; never replaces one. Returns false when the file already exists. */
export function writeNewFile(file: string, text: string): boolean {
  const dir = path.dirname(file);
  if (!madeDirs.has(dir)) {
    fs.mkdirSync(dir, { recursive: true });
    madeDirs.add(dir);
  }
  try {
    fs.writeFileSync(file, text, { encoding: 'utf8', flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}
