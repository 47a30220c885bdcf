// Builds the site from a content folder into an output folder, as `npm run build` does.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface BuildResult {
  /** Exit code of `astro build`. */
  code: number;
  /** Everything the build printed (stdout and stderr). */
  output: string;
  /** The built site. */
  outDir: string;
}

/** A fresh temporary folder. */
export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `rapport-${prefix}-`));
}

/** Runs `astro build` with CONTENT_DIR and OUT_DIR set; each build gets its own cache folder. */
export function buildSite(contentDir: string, outDir = tempDir('site'), extraEnv: Record<string, string> = {}): BuildResult {
  const result = spawnSync(process.execPath, ['node_modules/astro/astro.js', 'build'], {
    cwd: path.resolve(import.meta.dirname, '../..'),
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', CONTENT_DIR: contentDir, OUT_DIR: outDir, ASTRO_CACHE_DIR: tempDir('cache'), ...extraEnv },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status ?? 1, output: `${result.stdout}\n${result.stderr}`, outDir };
}
