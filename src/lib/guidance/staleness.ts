// Is a guide older than its evidence? Its `reviewed` date against the date each cited record last
// changed: the record's `provenance.updated`, or, where git shows that the record's last change left
// that date as it was, the date of that change (so an edit without a bumped date still flags the guide).
import type { Study } from '../../schemas';
import type { Problem } from '../validation/problem';

/** A cited record that changed after the guide was last reviewed. */
export interface ChangedRecord {
  id: string;
  /** When the record last changed, YYYY-MM-DD: the later of `provenance.updated` and its last change in git. */
  updated: string;
}

/** Per study id, the date (YYYY-MM-DD) of a change in git that did not bump `provenance.updated`; empty outside a git checkout. */
export type GitChanges = ReadonlyMap<string, string>;

/** When a record last changed: the later of its `provenance.updated` and its last change in git. */
export function lastChanged(study: Pick<Study, 'id' | 'provenance'>, git: GitChanges = new Map()): string {
  const inGit = git.get(study.id);
  return inGit && inGit > study.provenance.updated ? inGit : study.provenance.updated;
}

/** Cited records changed after `reviewed` (both YYYY-MM-DD), most recent first. A record changed on the review day counts as reviewed. */
export function deriveStaleness(
  reviewed: string,
  cited: readonly Pick<Study, 'id' | 'provenance'>[],
  git: GitChanges = new Map(),
): { stale: boolean; changed: ChangedRecord[] } {
  const changed = cited
    .map((s) => ({ id: s.id, updated: lastChanged(s, git) }))
    .filter((c) => c.updated > reviewed)
    .sort((a, b) => b.updated.localeCompare(a.updated) || a.id.localeCompare(b.id));
  return { stale: changed.length > 0, changed };
}

/** A warning for a guide whose evidence changed after its review, or none. `line` is where `reviewed` stands. */
export function checkGuideStaleness(
  guide: { file: string; reviewed: string; line?: number | undefined },
  cited: readonly Pick<Study, 'id' | 'provenance'>[],
  git: GitChanges = new Map(),
): Problem[] {
  const { stale, changed } = deriveStaleness(guide.reviewed, cited, git);
  if (!stale) return [];
  const list = changed.map((c) => `${c.id} (changed ${c.updated})`).join(', ');
  return [
    {
      file: guide.file,
      ...(guide.line ? { line: guide.line } : {}),
      path: 'reviewed',
      severity: 'warning',
      message: `is ${guide.reviewed}, but cited records changed since: ${list}. Check the guidance against them, then update "reviewed"`,
    },
  ];
}

/** What git says about a record's last change: when, and whether it touched the `updated:` line (null: it created the file). */
export type GitChange = { date: string; touchedUpdated: boolean | null };

/** The git dates staleness should trust: those of records whose last change left `provenance.updated` as it was.
 *  A change that set the date, or created the file, is described by the record's own date. */
export function unbumpedChanges(changes: ReadonlyMap<string, GitChange>): GitChanges {
  return new Map([...changes].filter(([, c]) => c.touchedUpdated === false).map(([id, c]) => [id, c.date]));
}

/** A warning for each record whose last change (committed or not) left `provenance.updated` as it was. */
export function checkUpdatedDates(
  studies: readonly { file: string; data: Pick<Study, 'id' | 'provenance'> }[],
  git: ReadonlyMap<string, GitChange>,
): Problem[] {
  return studies.flatMap(({ file, data }) => {
    const change = git.get(data.id);
    if (!change || change.touchedUpdated !== false || change.date <= data.provenance.updated) return [];
    return [
      {
        file,
        path: 'provenance.updated',
        severity: 'warning' as const,
        message: `is ${data.provenance.updated}, but the record changed on ${change.date} without it: if the change was one of substance, set "updated" to ${change.date} (guides citing the record are flagged either way)`,
      },
    ];
  });
}
