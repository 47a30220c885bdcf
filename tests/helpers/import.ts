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

/** Runs `npm run import -- <args>` with CONTENT_DIR set (not in a terminal). */
export function runImport(args: string[], contentDir: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/import.ts'), ...args], {
    cwd: root,
    env: { ...process.env, CONTENT_DIR: contentDir },
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, output: `${r.stdout}${r.stderr}` };
}
