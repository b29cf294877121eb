import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Two test files at a time, also on a machine of two cores (vitest's default leaves one core unused): most of the
    // slow files wait on processes they start (builds, Chromium, the PDF validator), so two overlap well.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 240_000,
    // The processes the tests start (the command line, Astro's build, the PDF renderer) share Node's compile cache, as
    // they do on an editor's machine (bin/compile-cache.js), also where a test gives them a temporary folder of its own.
    env: { NODE_COMPILE_CACHE: process.env['NODE_COMPILE_CACHE'] ?? join(tmpdir(), 'node-compile-cache') },
  },
});
