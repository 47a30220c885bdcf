// File access for `npm run import` and `npm run new-study`: the studies and reviews already in the
// repository, checking a draft exactly as `npm run validate` would, and writing without overwriting.
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { studySchema, type Study } from '../../src/schemas';
import { crossCheck, parsePath } from '../../src/lib/validation/cross-checks';
import type { Problem } from '../../src/lib/validation/problem';
import type { KnownStudy } from '../../src/lib/import/duplicates';
import { lineOf } from '../../src/lib/validation/yaml-lines';
import { checkRecord, loadContent } from '../../src/loaders/content';

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

/** Ids already used in the given folders: file names without `.yaml`, and the `previous_ids` of renamed records (their addresses redirect). */
export function takenIds(dirs: readonly string[]): Set<string> {
  const ids = new Set<string>();
  for (const file of dirs.flatMap(yamlFiles)) {
    ids.add(path.basename(file, '.yaml'));
    try {
      const data = yaml.load(fs.readFileSync(file, 'utf8')) as { previous_ids?: unknown } | null;
      for (const id of strings(data?.previous_ids) ?? []) ids.add(id);
    } catch {
      // an unreadable file still takes its name; npm run validate reports the fault
    }
  }
  return ids;
}

/** Review ids in `<contentDir>/reviews`. */
export function reviewIds(contentDir: string): string[] {
  return yamlFiles(path.join(contentDir, 'reviews')).map((f) => path.basename(f, '.yaml'));
}

/**
 * The study records in the given folders, read leniently (a record with faults still takes part in
 * the duplicate check; a file that is not YAML is skipped, `npm run validate` reports it).
 */
export function readKnownStudies(dirs: readonly string[]): KnownStudy[] {
  const seen = new Set<string>();
  const out: KnownStudy[] = [];
  for (const file of dirs.flatMap(yamlFiles)) {
    const abs = path.resolve(file);
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
    const reports = Array.isArray(r['reports'])
      ? (r['reports'] as Record<string, unknown>[]).filter((x) => x && typeof x === 'object')
      : [];
    out.push({
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
  return out;
}

/**
 * A checker for new study records: it checks a record's text as `npm run validate` would once it
 * is written to `file`: the schema, then the cross-record rules against the content folder (its
 * review exists, its DOI and PMID are not used by another study, its unverified fields are
 * fields). Problems name `file`. The content folder is read once, when the checker is made.
 */
export function newStudyChecker(contentDir: string): (file: string, text: string) => Problem[] {
  const content = loadContent(contentDir);
  return (file, text) => {
    const shown = displayPath(file);
    const { data, problems } = checkRecord(shown, text, studySchema);
    if (!data) return problems;
    const study = data as Study;
    const others = content.studies.filter((s) => path.resolve(s.file) !== path.resolve(file) && s.data.id !== study.id);
    // The new record goes last: crossCheck reports a shared DOI or PMID on the later record.
    return crossCheck([...others, { file: shown, data: study }], content.reviews)
      .filter((p) => p.file === shown)
      .map((p) => {
        const line = lineOf(text, parsePath(p.path));
        return line ? { ...p, line } : p;
      });
  };
}

/** Writes a new file; never replaces one. Returns false when the file already exists. */
export function writeNewFile(file: string, text: string): boolean {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    fs.writeFileSync(file, text, { encoding: 'utf8', flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}
