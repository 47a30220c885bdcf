// When did each content file last change? Asked of git once per build or validate run, so that a
// guide is flagged stale when a record it cites changed after its review, even if nobody bumped the
// record's hand-written `provenance.updated`, and validate can say when a change left that date as it was.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** The last change of one file, as git saw it. */
export interface FileChange {
  /** YYYY-MM-DD: the committer date of the last commit that touched the file, or today for uncommitted edits. */
  date: string;
  /** Whether that change also changed a `updated:` line; null when the change created the file. */
  touchedUpdated: boolean | null;
}

/** Last change per absolute file path under one folder. */
export type ChangeDates = Map<string, FileChange>;

const git = (cwd: string, args: string[]) =>
  execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });

/** Today's date, YYYY-MM-DD, for files changed in the working tree and not yet committed. */
const today = () => new Date().toISOString().slice(0, 10);

/** Files of a unified diff whose changed lines include an `updated:` line (as in `provenance.updated`). */
function filesTouchingUpdated(patch: string, top: string): Set<string> {
  const touched = new Set<string>();
  let file = '';
  for (const line of patch.split('\n')) {
    if (line.startsWith('+++ b/')) file = path.join(top, line.slice(6));
    else if (/^[+-]\s+updated:/.test(line) && file) touched.add(file);
  }
  return touched;
}

/**
 * The last change of each file under `folder`: the newest commit that touched it, or the working
 * tree for a file with uncommitted changes, and whether that change touched an `updated:` line.
 * Returns null outside a git checkout (or when git is missing), so callers fall back to
 * `provenance.updated`. A shallow clone knows only the commits it fetched, so CI must fetch the
 * whole history. Git is asked a fixed number of times, not once per file.
 */
export function lastChangeDates(folder: string): ChangeDates | null {
  const dir = path.resolve(folder);
  let top: string;
  try {
    top = git(dir, ['rev-parse', '--show-toplevel']).trim();
  } catch {
    return null;
  }
  const changes: ChangeDates = new Map();
  try {
    // Newest first: the first commit seen for a file is its last change. Lines: "\0<hash> <date>", then "<status>\t<file>".
    const log = git(dir, ['log', '--format=%x00%H %cs', '--name-status', '--no-renames', '--', '.']);
    const modifiedIn = new Map<string, string[]>();
    let commit = '';
    let date = '';
    for (const line of log.split('\n')) {
      if (line.startsWith('\0')) [commit = '', date = ''] = line.slice(1).split(' ');
      else if (line.includes('\t') && date) {
        const [status = '', name = ''] = line.split('\t');
        const file = path.join(top, name);
        if (changes.has(file)) continue;
        changes.set(file, { date, touchedUpdated: status.startsWith('A') ? null : false });
        if (status.startsWith('M')) modifiedIn.set(commit, [...(modifiedIn.get(commit) ?? []), name]);
      }
    }
    for (const [hash, names] of modifiedIn) {
      const touched = filesTouchingUpdated(git(top, ['diff', '--no-renames', '-U0', `${hash}^`, hash, '--', ...names]), top);
      for (const file of touched) changes.set(file, { ...changes.get(file)!, touchedUpdated: true });
    }
    const status = git(dir, ['status', '--porcelain', '--untracked-files=all', '--no-renames', '--', '.']);
    const dirty: string[] = [];
    for (const line of status.split('\n')) {
      const name = line.slice(3).trim().replace(/^"|"$/g, '');
      if (!name) continue;
      const file = path.join(top, name);
      const created = line.startsWith('??') || line.startsWith('A');
      changes.set(file, { date: today(), touchedUpdated: created ? null : false });
      if (!created) dirty.push(name);
    }
    if (dirty.length > 0) {
      for (const file of filesTouchingUpdated(git(top, ['diff', '--no-renames', '-U0', 'HEAD', '--', ...dirty]), top))
        changes.set(file, { ...changes.get(file)!, touchedUpdated: true });
    }
  } catch {
    return null;
  }
  return changes;
}

/** Last change per study id (the file name without `.yaml`) in `<contentDir>/studies`; empty outside a git checkout. */
export function studyChanges(contentDir: string): Map<string, FileChange> {
  const folder = path.resolve(contentDir, 'studies');
  const byId = new Map<string, FileChange>();
  for (const [file, change] of lastChangeDates(folder) ?? []) {
    if (path.dirname(file) === folder && file.endsWith('.yaml')) byId.set(path.basename(file, '.yaml'), change);
  }
  return byId;
}
