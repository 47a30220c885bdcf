// Vitest global setup: builds the real content once (about 5 s); the site and browser tests
// read the folder through inject('siteDir').
import type { TestProject } from 'vitest/node';
import fs from 'node:fs';
import path from 'node:path';
import { buildSite, buildsDir } from '../helpers/build';

/** Removes test builds older than an hour (a run still going keeps its fresh ones). */
function pruneOldBuilds() {
  if (!fs.existsSync(buildsDir)) return;
  for (const entry of fs.readdirSync(buildsDir)) {
    const full = path.join(buildsDir, entry);
    if (entry !== '.lock' && Date.now() - fs.statSync(full).mtimeMs > 3_600_000) fs.rmSync(full, { recursive: true, force: true });
  }
}

export default function setup(project: TestProject) {
  pruneOldBuilds();
  const result = buildSite('content');
  if (result.code !== 0) throw new Error(`The site did not build:\n${result.output}`);
  project.provide('siteDir', result.outDir);
}

declare module 'vitest' {
  export interface ProvidedContext {
    siteDir: string;
  }
}
