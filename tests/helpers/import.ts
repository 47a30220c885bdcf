// Running `npm run import` against a temporary content folder, for the import tests.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from './build';

const root = path.resolve(import.meta.dirname, '../..');

/** A temporary content folder with copies of the real reviews and studies (or of another content folder). */
export function contentCopy(from = path.join(root, 'content'), subfolders = ['reviews', 'studies']): string {
  const dir = tempDir('content');
  for (const sub of subfolders) fs.cpSync(path.join(from, sub), path.join(dir, sub), { recursive: true });
  return dir;
}

/**
 * The review an import or new-study run names when the test does not: the real content has two
 * reviews (the 2012 review and its living update), and with more than one the commands require
 * `--review`. A folder with a single review (the fixtures) is left to the commands' own default.
 */
export function withReview(args: string[], contentDir: string): string[] {
  if (args.includes('--review') || args.includes('--help')) return args;
  const reviews = fs.existsSync(path.join(contentDir, 'reviews'))
    ? fs.readdirSync(path.join(contentDir, 'reviews')).filter((f) => f.endsWith('.yaml'))
    : [];
  return reviews.length > 1 && reviews.includes('sucala-2012.yaml') ? [...args, '--review', 'sucala-2012'] : args;
}

/** Runs `npm run import -- <args>` with CONTENT_DIR set (not in a terminal). */
export function runImport(args: string[], contentDir: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/import.ts'), ...withReview(args, contentDir)], {
    cwd: root,
    env: { ...process.env, CONTENT_DIR: contentDir },
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, output: `${r.stdout}${r.stderr}` };
}
