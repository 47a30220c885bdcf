// The fix for a value the schema rejected, when it can be worked out: the bare DOI in a DOI URL,
// "Family, Given" for "Given Family", the ISO date for 27/11/2026, the field path nearest a typo.
import { normaliseDoi, normalisePmid } from '../bibliography/record';
import { normaliseAuthor } from '../bibliography/authors';
import { closest } from './suggest';

/** Every field path below the keys `keysAt` gives, e.g. `alliance.measures`, `alliance.measures.rater` (list positions left out). */
export function fieldPaths(keysAt: (path: (string | number)[]) => string[]): string[] {
  const out: string[] = [];
  const walk = (prefix: (string | number)[], names: string[]) => {
    for (const key of keysAt(prefix)) {
      const here = [...prefix, key];
      const name = [...names, key];
      out.push(name.join('.'));
      walk(here, name);
      walk([...here, 0], name);
    }
  };
  walk([], []);
  return [...new Set(out)];
}

/**
 * `27/11/2026` or `2026/11/27` as `2026-11-27`, when the day cannot be mistaken for the month; a
 * time stamp such as `2026-01-01T23:00:00-05:00` as the day its author wrote, `2026-01-01`.
 */
export function isoDateOf(text: string): string | undefined {
  const pad = (n: string) => n.padStart(2, '0');
  const stamp = /^(\d{4}-\d{2}-\d{2})[T ]\d{1,2}:\d{2}/.exec(text);
  if (stamp?.[1]) return stamp[1];
  const ymd = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(text);
  if (ymd?.[1] && ymd[2] && ymd[3]) return `${ymd[1]}-${pad(ymd[2])}-${pad(ymd[3])}`;
  const dmy = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(text);
  if (dmy?.[1] && dmy[2] && dmy[3] && Number(dmy[1]) > 12) return `${dmy[3]}-${pad(dmy[2])}-${pad(dmy[1])}`;
  return undefined;
}

/**
 * The corrected value for a rejected one at `path`, or undefined. `studyPaths` are the field paths
 * a study record has (for `provenance.unverified_fields`).
 */
export function suggestFix(path: readonly (string | number)[], found: unknown, studyPaths: readonly string[]): string | undefined {
  if (typeof found !== 'string') return undefined;
  const named = path.filter((s): s is string => typeof s === 'string');
  const field = named[named.length - 1];
  let fix: string | undefined;
  if (field === 'doi') fix = normaliseDoi(found);
  else if (field === 'pmid') fix = normalisePmid(found);
  else if (field === 'authors' && typeof path[path.length - 1] === 'number') fix = normaliseAuthor(found);
  else if (field === 'unverified_fields') fix = closest(found.replace(/\s+/g, '_'), studyPaths);
  else if (field === 'added' || field === 'updated' || field === 'date' || field === 'reviewed') fix = isoDateOf(found.trim());
  return fix !== undefined && fix !== found ? fix : undefined;
}
