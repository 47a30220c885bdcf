// One test run: unit (src/lib, src/schemas), content, scripts, built site and browser tests.
// tests/setup/build-site.ts builds the real content once into a temporary folder for the
// site and browser tests.
import { defineConfig } from 'vitest/config';

export default defineConfig({
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
