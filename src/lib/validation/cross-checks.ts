// Rules that need more than one record: ids match file names, reviews exist, reasons are defined.
import { studySchema, type Review, type Study } from '../../schemas';
import { knownKeys } from './zod-issues';
import type { Problem } from './problem';

/** A validated record with the file it came from. */
export interface Loaded<T> {
  /** Path relative to the project root. */
  file: string;
  data: T;
}

/** The file name without folder and extension: `content/studies/cook-2002.yaml` -> `cook-2002`. */
export function fileStem(file: string): string {
  return file.replace(/^.*\//, '').replace(/\.[^.]+$/, '');
}

/** Splits `alliance.measures[0].rater` into `['alliance', 'measures', 0, 'rater']`. */
export function parsePath(path: string): (string | number)[] {
  return path
    .split(/\.|(?=\[)/)
    .filter(Boolean)
    .map((seg) => (/^\[\d+\]$/.test(seg) ? Number(seg.slice(1, -1)) : seg));
}

const error = (file: string, path: string, message: string): Problem => ({ file, path, message, severity: 'error' });

/** True when every named segment of `path` is a field the study schema defines. */
function isStudyField(path: string): boolean {
  const segments = parsePath(path);
  return segments.every((seg, i) => typeof seg === 'number' || knownKeys(studySchema, segments.slice(0, i)).includes(seg));
}

/** Checks across all records; returns one problem per fault. */
export function crossCheck(studies: readonly Loaded<Study>[], reviews: readonly Loaded<Review>[]): Problem[] {
  const problems: Problem[] = [];
  const reviewById = new Map(reviews.map((r) => [r.data.id, r.data]));

  for (const { file, data } of [...studies, ...reviews]) {
    if (data.id !== fileStem(file)) {
      problems.push(error(file, 'id', `must equal the file name (expected "${fileStem(file)}", got "${data.id}"); rename the file or the id`));
    }
  }

  const currentIds = new Set(studies.map((s) => s.data.id));
  const redirects = new Map<string, string>();
  for (const { file, data } of studies) {
    (data.previous_ids ?? []).forEach((old, i) => {
      if (currentIds.has(old)) problems.push(error(file, `previous_ids[${i}]`, `"${old}" is the id of another record, so its address cannot redirect here`));
      else if (redirects.has(old)) problems.push(error(file, `previous_ids[${i}]`, `"${old}" already redirects to ${redirects.get(old)}`));
      else redirects.set(old, file);
    });
  }

  const byDoi = new Map<string, string>();
  const byPmid = new Map<string, string>();
  for (const { file, data } of studies) {
    const seenReviews = new Set<string>();
    data.reviews.forEach((entry, i) => {
      const review = reviewById.get(entry.review);
      if (seenReviews.has(entry.review)) problems.push(error(file, `reviews[${i}].review`, `names review "${entry.review}" twice`));
      seenReviews.add(entry.review);
      if (!review) {
        const known = [...reviewById.keys()].join(', ') || 'none';
        problems.push(error(file, `reviews[${i}].review`, `names a review that does not exist (expected one of ${known}, got "${entry.review}")`));
        return;
      }
      if (entry.reason && !review.exclusion_reasons.some((r) => r.id === entry.reason)) {
        const ids = review.exclusion_reasons.map((r) => r.id).join(', ') || 'none defined';
        problems.push(error(file, `reviews[${i}].reason`, `is not an exclusion reason of review "${review.id}" (expected one of ${ids}, got "${entry.reason}")`));
      }
    });
    data.provenance.unverified_fields.forEach((path, i) => {
      if (!isStudyField(path)) problems.push(error(file, `provenance.unverified_fields[${i}]`, `"${path}" is not a field of a study record`));
    });
    for (const [key, index, label] of [
      [data.doi?.toLowerCase(), byDoi, 'DOI'],
      [data.pmid, byPmid, 'PMID'],
    ] as const) {
      if (!key) continue;
      const other = index.get(key);
      if (other) problems.push(error(file, label.toLowerCase(), `${label} ${key} is already used by ${other}: one study, one record (add a further report under "reports" instead)`));
      else index.set(key, file);
    }
  }
  return problems;
}
