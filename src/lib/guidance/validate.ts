// Every check on guidance pages, for `npm run validate`: citations resolve, and evidence has not changed since review.
import type { Guide, Study } from '../../schemas';
import type { Problem } from '../validation/problem';
import { checkGuideCitations, type GuideSource } from './check';
import { citedStudyIds } from './cited-ids';
import { checkGuideStaleness, type GitChanges } from './staleness';

/** The 1-based line of a top-level frontmatter field, e.g. `reviewed`. */
export function frontmatterLine(source: string, field: string): number | undefined {
  const index = source.split('\n').findIndex((l) => l.startsWith(`${field}:`));
  return index >= 0 ? index + 1 : undefined;
}

/** Problems in the guides: errors for unknown, excluded or unreadable citations; a warning when cited records changed after `reviewed` (by their date or in git). */
export function checkGuides(
  guides: readonly (GuideSource & { data: Guide })[],
  studies: readonly Study[],
  git: GitChanges = new Map(),
  /** Ids of study files that were refused: citing them is not an error here (their own file has it). */
  refused: ReadonlySet<string> = new Set(),
): Problem[] {
  const byId = new Map(studies.map((s) => [s.id, s]));
  return guides.flatMap((guide) => {
    const cited = citedStudyIds(guide.source).flatMap((id) => byId.get(id) ?? []);
    return [
      ...checkGuideCitations(guide, studies, refused),
      ...checkGuideStaleness(
        { file: guide.file, reviewed: guide.data.reviewed, line: frontmatterLine(guide.source, 'reviewed') },
        cited,
        git,
      ),
    ];
  });
}
