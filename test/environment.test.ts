import { describe, expect, it } from 'vitest';
import { hasChromium } from './site/helpers.ts';
import { preflightAvailable } from './pdf/helpers.ts';

// Browser and PDF/A tests skip on a machine without Chromium or PDFBox, so that `npm test` still runs there.
// In CI (.ci/run installs both) a missing tool must fail the run instead of silently skipping those tests.
describe.runIf(process.env['CI'])('the CI machine', () => {
  it('has Debian chromium for the browser tests', () => {
    expect(hasChromium).toBe(true);
  });
  it('has PDFBox Preflight for the PDF/A-1b test', () => {
    expect(preflightAvailable()).toBe(true);
  });
});
