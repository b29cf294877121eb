import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Two test files at a time, also on a machine of two cores (vitest's default leaves one core unused): most of the
    // slow files wait on processes they start (builds, Chromium, the PDF validator), so two overlap well.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 240_000,
  },
});
