// Builds the site from a content folder into an output folder, as `npm run build` does: for the
// benchmark (npm run bench) and the tests (tests/helpers/build.ts re-exports it).
//
// Two things make concurrent Astro builds in one checkout collide, so every build here
// (a) writes inside the project: Astro puts a static build's intermediate server files in
//     <project>/.astro/ when outDir lies outside the working directory, and
// (b) holds a lock: every build rewrites <project>/.astro/content-modules.mjs, the MDX module map.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
/** Where test and benchmark builds go (git-ignored). */
export const buildsDir = path.join(root, '.builds');

export interface BuildResult {
  /** Exit code of `astro build`. */
  code: number;
  /** Everything the build printed (stdout and stderr). */
  output: string;
  /** The built site. */
  outDir: string;
}

/** A fresh folder under .builds/. */
export function tempDir(prefix: string): string {
  fs.mkdirSync(buildsDir, { recursive: true });
  return fs.mkdtempSync(path.join(buildsDir, `${prefix}-`));
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Runs `fn` while holding a lock shared by every process in this checkout (a lock older than 15 minutes is stale). */
export function withBuildLock<T>(fn: () => T): T {
  fs.mkdirSync(buildsDir, { recursive: true });
  const lock = path.join(buildsDir, '.lock');
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 15 * 60_000) fs.rmSync(lock, { recursive: true, force: true });
      else sleep(200);
    }
  }
  try {
    return fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/** The environment for a child build. Vitest sets BASE_URL, MODE, DEV, PROD and SSR in process.env,
 *  and Astro turns every environment variable into an import.meta.env value, so those would
 *  override the build's own (a BASE_PATH build would get links without its base path). */
export function buildEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...extra };
  // NODE_ENV too: vitest sets it to "test", and under it Astro's build reports import.meta.env.DEV as
  // true, so src/data/memo.ts stops memoising and every page reloads every collection (300 study
  // pages took 19 s instead of 2 s).
  for (const name of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'SITE', 'ASSETS_PREFIX', 'NODE_ENV'])
    if (!(name in extra)) delete env[name];
  return env;
}

/**
 * Node options for a Rapport build, as `npm run build` passes them (package.json). A 64 MB young
 * generation: rendering thousands of pages makes short-lived strings faster than V8's default
 * 16 MB semi-space can let them die, and at 10,000 studies garbage collection took 6.8-7.2 s of
 * a build with the default and 3.8-4.2 s with this (`node --trace-gc`, three builds each), for
 * about 60 MB more memory. A plain Astro build gains nothing from it (18.8 s and 18.9 s).
 */
export const nodeBuildFlags = ['--max-semi-space-size=64'];

/** Runs `astro build` with CONTENT_DIR and OUT_DIR set; each build gets its own cache folder. */
export function buildSite(contentDir: string, outDir = tempDir('site'), extraEnv: Record<string, string> = {}): BuildResult {
  const result = withBuildLock(() =>
    spawnSync(process.execPath, [...nodeBuildFlags, 'node_modules/astro/astro.js', 'build'], {
      cwd: root,
      env: buildEnv({ CONTENT_DIR: contentDir, OUT_DIR: outDir, ASTRO_CACHE_DIR: tempDir('cache'), ...extraEnv }),
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    }),
  );
  return { code: result.status ?? 1, output: `${result.stdout}\n${result.stderr}`, outDir };
}
