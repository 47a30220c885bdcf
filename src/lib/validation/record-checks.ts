// The checks that look across records, composed once: src/loaders/content.ts (validate and the
// build) and the mutation test both call this, so they cannot drift apart.
import type { Guide, Review, Study } from '../../schemas';
import type { DerivedFlow } from '../prisma';
import type { Problem } from '../problem';
import { checkGuides } from '../guidance/validate';
import { checkUpdatedDates, unbumpedChanges, type GitChange } from '../guidance/staleness';
import type { GuideSource } from '../guidance/check';
import { crossCheck, fileStem, type Loaded } from './cross-checks';
import { checkReviewFlows } from './flow-checks';

export interface RecordChecksInput {
  /** Every study file found, relative to the root (read or not). */
  studyFiles: readonly string[];
  /** The study, review and guide records that passed their schemas. */
  studies: readonly Loaded<Study>[];
  reviews: readonly Loaded<Review>[];
  guides: readonly (Loaded<Guide> & GuideSource)[];
  /** The flow derived from a review's tracking folder (given the sound study records), or null when it has none. */
  derive?: (review: Loaded<Review>, studies: readonly Study[]) => DerivedFlow | null;
  /** What git says about each study's last change (empty outside a checkout). */
  changes?: ReadonlyMap<string, GitChange>;
}

/**
 * Problems across records, not yet located on lines. A study file that could not be read, failed its
 * schema, holds a record whose id is not its file name, or has an error across records is *refused*: other files' checks do not
 * count on it (its own file already has the error), so one broken record never makes a guide, a
 * review or a linked record fail too.
 */
export function checkAcrossRecords(input: RecordChecksInput): Problem[] {
  const loadedFiles = new Set(input.studies.map((s) => s.file));
  const unread = [
    ...input.studyFiles.filter((f) => !loadedFiles.has(f)).map(fileStem),
    ...input.studies.filter((s) => s.data.id !== fileStem(s.file)).map((s) => fileStem(s.file)),
  ];
  const across = crossCheck(input.studies, input.reviews, new Set(unread));
  // A record with an error of its own across records (an unknown review, a duplicate DOI) is refused too.
  const faulty = new Set(across.filter((p) => p.severity === 'error').map((p) => p.file));
  const refused = new Set([...unread, ...input.studies.filter((s) => faulty.has(s.file)).map((s) => fileStem(s.file))]);
  const sound = input.studies.filter((s) => !refused.has(fileStem(s.file))).map((s) => s.data);
  const changes = input.changes ?? new Map<string, GitChange>();
  return [
    ...across,
    ...input.reviews.flatMap((review) =>
      checkReviewFlows(review.file, review.data, sound, input.derive?.(review, sound) ?? null, { recordsRefused: refused.size > 0 }),
    ),
    ...checkGuides(input.guides, sound, unbumpedChanges(changes), refused),
    ...checkUpdatedDates(input.studies, changes),
  ];
}
