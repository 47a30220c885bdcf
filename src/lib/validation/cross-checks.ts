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
const warning = (file: string, path: string, message: string): Problem => ({ file, path, message, severity: 'warning' });

/** Alliance fields whose value `not-reported` means "the sources read do not say". */
const reportableFields = [
  ['alliance.vs_face_to_face', 'not-compared'],
  ['alliance.outcome_link', 'not-tested'],
] as const;

/** `not-reported` goes with an unconfirmed field, and a "not compared" / "not tested" that is itself unconfirmed is probably "not reported". */
function checkNotReported(file: string, data: Study): Problem[] {
  const problems: Problem[] = [];
  for (const [path, none] of reportableFields) {
    const value = path === 'alliance.vs_face_to_face' ? data.alliance.vs_face_to_face : data.alliance.outcome_link;
    const listed = data.provenance.unverified_fields.some((f) => f === path || f === 'alliance');
    if (value === 'not-reported' && !listed) {
      problems.push(
        warning(
          file,
          path,
          `is "not-reported" (the sources read do not say), so list "${path}" in provenance.unverified_fields until a source gives the result`,
        ),
      );
    }
    if (value === none && listed) {
      problems.push(
        warning(
          file,
          path,
          `is "${none}" but listed as unconfirmed: if the sources read do not say, write "not-reported"; if a source confirms that the study made no such ${none === 'not-compared' ? 'comparison' : 'test'}, remove it from provenance.unverified_fields`,
        ),
      );
    }
  }
  return problems;
}

/** Links to records of the same participants name existing records, other than this one, and are made from both sides.
 *  A link to a record whose own file was refused is not judged here: that file's error says what is wrong. */
function checkSharedSamples(studies: readonly Loaded<Study>[], refused: ReadonlySet<string>): Problem[] {
  // A record whose id is not its file name stands for no one here (its own file reports the mismatch).
  const sound = studies.filter((s) => s.data.id === fileStem(s.file));
  const byId = new Map(sound.map((s) => [s.data.id, s.data]));
  return sound.flatMap(({ file, data }) =>
    (data.same_participants_as ?? []).flatMap((link, i): Problem[] => {
      const path = `same_participants_as[${i}].study`;
      if (link.study === data.id)
        return [error(file, path, 'names this record itself: list the other records that report on the same participants')];
      if (refused.has(link.study)) return [];
      const other = byId.get(link.study);
      if (!other) return [error(file, path, `names "${link.study}", which is not a study record`)];
      const back = (other.same_participants_as ?? []).find((l) => l.study === data.id);
      if (!back)
        return [
          warning(
            file,
            path,
            `links to "${link.study}", but that record does not link back: add the same link (overlap "${link.overlap}") to studies/${link.study}.yaml`,
          ),
        ];
      if (back.overlap !== link.overlap)
        return [
          error(
            file,
            `same_participants_as[${i}].overlap`,
            `is "${link.overlap}", but "${link.study}" says "${back.overlap}" about the same pair: make them agree`,
          ),
        ];
      return [];
    }),
  );
}

/** A review's `synthesis.includes` names study records that exist here (a refused file is not judged: its own error comes first). */
function checkSynthesisIncludes(studies: readonly Loaded<Study>[], refused: ReadonlySet<string>): Problem[] {
  const ids = new Set(studies.filter((s) => s.data.id === fileStem(s.file)).map((s) => s.data.id));
  return studies.flatMap(({ file, data }) =>
    (data.synthesis?.includes ?? []).flatMap((id, i): Problem[] =>
      ids.has(id) || refused.has(id) || id === data.id
        ? []
        : [
            error(
              file,
              `synthesis.includes[${i}]`,
              `names "${id}", which is not a study record: list only studies kept in content/studies/`,
            ),
          ],
    ),
  );
}

/** True when every named segment of `path` is a field the study schema defines. */
function isStudyField(path: string): boolean {
  const segments = parsePath(path);
  return segments.every((seg, i) => typeof seg === 'number' || knownKeys(studySchema, segments.slice(0, i)).includes(seg));
}

/** Checks across all records; returns one problem per fault. */
export function crossCheck(
  studies: readonly Loaded<Study>[],
  reviews: readonly Loaded<Review>[],
  /** Ids (file names) of study files that could not be read or failed their schema: links to them are not judged. */
  refused: ReadonlySet<string> = new Set(),
): Problem[] {
  const problems: Problem[] = [];
  const reviewById = new Map(reviews.map((r) => [r.data.id, r.data]));

  // Ids are unique per kind: the file named after an id owns it; any other file holding it is a copy.
  for (const records of [studies, reviews] as const) {
    const owner = new Map<string, string>();
    for (const { file, data } of records) if (data.id === fileStem(file) || !owner.has(data.id)) owner.set(data.id, file);
    for (const { file, data } of records) {
      if (data.id === fileStem(file)) continue;
      const other = owner.get(data.id);
      const taken = other && other !== file ? `, which is already the id of ${other}: each record needs its own id` : '';
      problems.push(
        error(file, 'id', `must equal the file name (expected "${fileStem(file)}", got "${data.id}"${taken}); rename the file or the id`),
      );
    }
  }

  const currentIds = new Set(studies.map((s) => s.data.id));
  const redirects = new Map<string, string>();
  for (const { file, data } of studies) {
    (data.previous_ids ?? []).forEach((old, i) => {
      if (currentIds.has(old))
        problems.push(error(file, `previous_ids[${i}]`, `"${old}" is the id of another record, so its address cannot redirect here`));
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
        problems.push(
          error(file, `reviews[${i}].review`, `names a review that does not exist (expected one of ${known}, got "${entry.review}")`),
        );
        return;
      }
      if (entry.reason && !review.exclusion_reasons.some((r) => r.id === entry.reason)) {
        const ids = review.exclusion_reasons.map((r) => r.id).join(', ') || 'none defined';
        problems.push(
          error(
            file,
            `reviews[${i}].reason`,
            `is not an exclusion reason of review "${review.id}" (expected one of ${ids}, got "${entry.reason}")`,
          ),
        );
      }
    });
    problems.push(...checkNotReported(file, data));
    data.provenance.unverified_fields.forEach((path, i) => {
      if (!isStudyField(path))
        problems.push(error(file, `provenance.unverified_fields[${i}]`, `"${path}" is not a field of a study record`));
    });
    for (const [key, index, label] of [
      [data.doi?.toLowerCase(), byDoi, 'DOI'],
      [data.pmid, byPmid, 'PMID'],
    ] as const) {
      if (!key) continue;
      const other = index.get(key);
      if (other) {
        const field = label.toLowerCase();
        problems.push(
          error(
            file,
            field,
            `${label} ${key} is already used by ${other}: one study, one record (add a further report under "reports" instead)`,
          ),
        );
        // The first file is told too: either of the two may be the one to change.
        if (!problems.some((p) => p.file === other && p.path === field && p.message.startsWith(`${label} ${key} is also used`)))
          problems.push(error(other, field, `${label} ${key} is also used by ${file}: one study, one record (keep it on one of them)`));
      } else index.set(key, file);
    }
  }
  problems.push(...checkSharedSamples(studies, refused));
  problems.push(...checkSynthesisIncludes(studies, refused));
  return problems;
}
