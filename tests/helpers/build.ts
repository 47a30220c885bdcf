// Builds the site for the tests: the helpers live with the benchmark's in scripts/lib/build.ts.
export { buildEnv, buildSite, buildsDir, tempDir, withBuildLock, type BuildResult } from '../../scripts/lib/build';
