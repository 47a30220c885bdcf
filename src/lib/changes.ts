// What changed in the evidence and when: one entry per study added and per study updated, from the
// record's provenance dates and, when git knows a later change to the file, from git.

/** A study, as the list of changes needs it. */
export interface ChangedStudy {
  id: string;
  title: string;
  /** Short citation, e.g. "Cook & Doyle (2002)". */
  label: string;
  /** provenance.added and provenance.updated, YYYY-MM-DD. */
  added: string;
  updated: string;
}

/** One change: a study was added, or its record was updated. */
export interface ChangeEntry {
  studyId: string;
  title: string;
  label: string;
  kind: 'added' | 'updated';
  /** YYYY-MM-DD. */
  date: string;
  /** Where the date comes from: the record's provenance, or git (a later commit that left provenance.updated as it was). */
  source: 'provenance' | 'git';
}

/**
 * The changes, newest first (then added before updated, then by id): each study's addition, and its
 * last update when that is later than its addition. `gitDates` maps a study id to the date git last
 * saw its file change; a git date later than provenance.updated is the update's date.
 */
export function deriveChanges(studies: readonly ChangedStudy[], gitDates: ReadonlyMap<string, string> = new Map()): ChangeEntry[] {
  const entries: ChangeEntry[] = [];
  for (const s of studies) {
    const base = { studyId: s.id, title: s.title, label: s.label };
    entries.push({ ...base, kind: 'added', date: s.added, source: 'provenance' });
    const git = gitDates.get(s.id);
    const fromGit = git !== undefined && git > s.updated && git > s.added;
    const updated = fromGit ? git : s.updated;
    if (updated > s.added) entries.push({ ...base, kind: 'updated', date: updated, source: fromGit ? 'git' : 'provenance' });
  }
  return entries.sort(
    (a, b) => b.date.localeCompare(a.date) || (a.kind === b.kind ? 0 : a.kind === 'added' ? -1 : 1) || a.studyId.localeCompare(b.studyId),
  );
}
