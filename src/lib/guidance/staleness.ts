// Is a guide older than its evidence? Its `reviewed` date against the cited records' `provenance.updated`.
import type { Study } from '../../schemas';
import type { Problem } from '../validation/problem';

/** A cited record that changed after the guide was last reviewed. */
export interface ChangedRecord {
  id: string;
  /** The record's `provenance.updated`, YYYY-MM-DD. */
  updated: string;
}

/** Cited records updated after `reviewed` (both YYYY-MM-DD), most recent first. A record updated on the review day counts as reviewed. */
export function deriveStaleness(reviewed: string, cited: readonly Pick<Study, 'id' | 'provenance'>[]): { stale: boolean; changed: ChangedRecord[] } {
  const changed = cited
    .filter((s) => s.provenance.updated > reviewed)
    .map((s) => ({ id: s.id, updated: s.provenance.updated }))
    .sort((a, b) => b.updated.localeCompare(a.updated) || a.id.localeCompare(b.id));
  return { stale: changed.length > 0, changed };
}

/** A warning for a guide whose evidence changed after its review, or none. `line` is where `reviewed` stands. */
export function checkGuideStaleness(
  guide: { file: string; reviewed: string; line?: number | undefined },
  cited: readonly Pick<Study, 'id' | 'provenance'>[],
): Problem[] {
  const { stale, changed } = deriveStaleness(guide.reviewed, cited);
  if (!stale) return [];
  const list = changed.map((c) => `${c.id} (updated ${c.updated})`).join(', ');
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
