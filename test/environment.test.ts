import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/fixtures.ts';
import { chromiumPath, hasChromium } from './site/helpers.ts';
import { preflightAvailable } from './pdf/helpers.ts';

// Browser and PDF/A tests skip on a machine without Chromium or PDFBox, so that `npm test` still runs there.
// In CI (.ci/run installs both) a missing tool must fail the run instead of silently skipping those tests.
describe.runIf(process.env['CI'])('the CI machine', () => {
  it('has Debian chromium-headless-shell for the browser tests', () => {
    expect(hasChromium).toBe(true);
    // What .ci/run installs, unless CHROMIUM_PATH names another.
    expect(chromiumPath).toBe(process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium-headless-shell');
  });
  it('has PDFBox Preflight for the PDF/A-1b test', () => {
    expect(preflightAvailable()).toBe(true);
  });
});

describe.runIf(process.env['CI'])('the CI machine’s Node', () => {
  it('is Node 24 LTS or later, as .ci/run installs it', () => {
    expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(24);
  });
});

describe('package-lock.json', () => {
  type Lock = { packages: Record<string, { dependencies?: Record<string, string>; devDependencies?: Record<string, string>; engines?: Record<string, string>; os?: string[] }> };
  const lock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8')) as Lock;
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { dependencies: object; devDependencies: object; engines: object };

  it('is in step with package.json, so that `npm install` leaves it as it is', () => {
    const root = lock.packages['']!;
    expect(root.dependencies).toEqual(pkg.dependencies);
    expect(root.devDependencies).toEqual(pkg.devDependencies);
    expect(root.engines).toEqual(pkg.engines);
  });

  it('holds the native packages of other platforms too, so that `npm ci` passes on an editor’s Mac or Windows machine', () => {
    const paths = Object.keys(lock.packages);
    for (const native of ['@rolldown/binding-', '@pagefind/', '@esbuild/']) {
      const platforms = new Set(paths.filter((path) => path.startsWith(`node_modules/${native}`)).flatMap((path) => lock.packages[path]!.os ?? []));
      expect([...platforms].sort(), native).toEqual(expect.arrayContaining(['darwin', 'linux', 'win32']));
    }
  });
});
