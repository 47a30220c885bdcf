// One test run: unit (src/lib, src/schemas), content, scripts, built site and browser tests.
// tests/setup/build-site.ts builds the real content once into a temporary folder for the
// site and browser tests.
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The data layer imports Astro's virtual `astro:content`; outside a build, tests get a stand-in
  // whose collections they fill (tests/helpers/astro-content.ts).
  resolve: { alias: { 'astro:content': path.resolve(import.meta.dirname, 'tests/helpers/astro-content.ts') } },
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/setup/build-site.ts'],
    testTimeout: 30_000,
    hookTimeout: 240_000,
    // Builds and browsers are heavy on a 2-core machine.
    maxWorkers: 2,
    env: { ASTRO_TELEMETRY_DISABLED: '1' },
  },
});
