import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * The test files that replace or spy on a module (vi.mock, vi.hoisted, vi.spyOn): each runs in a fresh worker of its
 * own, so that its stand-in never reaches another file. A file that does so must be listed here
 * (test/workflow/vitest-config.test.ts finds them).
 */
export const isolatedFiles = ['test/content/glossary-stems.test.ts', 'test/model/graph.test.ts', 'test/pdf/worker-crash.test.ts', 'test/rules/spelling-unavailable.test.ts', 'test/site/search-forms.test.ts'];

export default defineConfig({
  plugins: [
    {
      // The packages as the command line loads them. vitest starts its workers with Node's `--conditions` from the
      // server environment's conditions, which by default resolve `development` outside production builds: that loads
      // the development builds of micromark and the rest of unified, slower and not what users run.
      name: 'production-export-conditions',
      configEnvironment(name, options) {
        if (name === 'ssr' && options.resolve) options.resolve.conditions = ['node'];
      },
    },
  ],
  test: {
    // Two test files at a time, also on a machine of two cores (vitest's default leaves one core unused): most of the
    // slow files wait on processes they start (builds, Chromium, the PDF validator), so two overlap well.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 240_000,
    // The processes the tests start (the command line, Astro's build, the PDF renderer) share Node's compile cache, as
    // they do on an editor's machine (bin/compile-cache.js), also where a test gives them a temporary folder of its own.
    env: { NODE_COMPILE_CACHE: process.env['NODE_COMPILE_CACHE'] ?? join(tmpdir(), 'node-compile-cache') },
    projects: [
      {
        // Every other file runs in a worker that earlier files have used, with the modules they loaded: starting a
        // worker and loading src/ again for each of 70 files took about a third of the suite's time.
        extends: true,
        test: { name: 'shared', include: ['test/**/*.test.ts'], exclude: isolatedFiles, isolate: false },
      },
      { extends: true, test: { name: 'isolated', include: isolatedFiles, isolate: true } },
    ],
  },
});
