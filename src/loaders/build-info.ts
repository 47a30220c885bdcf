// Which release and commit a build comes from, for citations ("Version 0.1.0, commit 44c7cdb") and
// the datasets' `version`. Asked once per build: package.json's version and git's HEAD.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from './content-dir';

/** The release and commit of this build. */
export interface BuildInfo {
  /** package.json's `version`, e.g. "0.1.0". */
  version: string;
  /** Short hash of the commit built (GIT_COMMIT when set), with "-dirty" when the working tree had
   *  uncommitted changes; null outside a git checkout. */
  commit: string | null;
}

const git = (cwd: string, args: string[]) =>
  execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();

/** The release in package.json and the commit of the checkout at `root`. */
export function readBuildInfo(root = projectRoot()): BuildInfo {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version?: string };
  const version = pkg.version ?? '0.0.0';
  const fromEnv = process.env['GIT_COMMIT']?.trim();
  if (fromEnv) return { version, commit: fromEnv.slice(0, 12) };
  try {
    const hash = git(root, ['rev-parse', '--short=7', 'HEAD']);
    const dirty = git(root, ['status', '--porcelain', '--untracked-files=no']) !== '';
    return { version, commit: dirty ? `${hash}-dirty` : hash };
  } catch {
    return { version, commit: null };
  }
}
