// Vitest global setup: builds the real content once (about 5 s); the site and browser tests
// read the folder through inject('siteDir').
import type { TestProject } from 'vitest/node';
import { buildSite } from '../helpers/build';

export default function setup(project: TestProject) {
  const result = buildSite('content');
  if (result.code !== 0) throw new Error(`The site did not build:\n${result.output}`);
  project.provide('siteDir', result.outDir);
}

declare module 'vitest' {
  export interface ProvidedContext {
    siteDir: string;
  }
}
