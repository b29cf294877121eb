/**
 * vitest.config.ts runs most test files in shared workers (isolate: false), where the modules one file loaded are
 * there for the next. A file that replaces or spies on a module would leave its stand-in to the files after it, so
 * every such file must be among the isolated ones.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import config, { isolatedFiles } from '../../vitest.config.ts';
import { repoRoot } from '../helpers/fixtures.ts';

const testFiles = (readdirSync(join(repoRoot, 'test'), { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
  .filter((entry) => entry.isFile() && entry.name.endsWith('.test.ts'))
  .map((entry) => relative(repoRoot, join(entry.parentPath, entry.name)).split('\\').join('/'))
  .sort();

describe('the test configuration', () => {
  it('isolates every test file that mocks, stubs a global or spies on a module, and only such files', () => {
    const replacing = testFiles.filter((file) => /\bvi\s*\.\s*(?:mock|doMock|hoisted|spyOn|stubGlobal|useFakeTimers)\b/.test(readFileSync(join(repoRoot, file), 'utf8')));
    expect(replacing.length).toBeGreaterThan(0);
    expect([...isolatedFiles].sort()).toEqual(replacing);
  });

  it('runs each test file in exactly one of its two projects', () => {
    const projects = config.test?.projects as { test: { name: string; include?: string[]; exclude?: string[]; isolate: boolean } }[];
    const shared = projects.find((p) => p.test.name === 'shared')!.test;
    const isolated = projects.find((p) => p.test.name === 'isolated')!.test;
    expect(shared.isolate).toBe(false);
    expect(isolated.isolate).toBe(true);
    expect(shared.exclude).toEqual(isolatedFiles);
    expect(isolated.include).toEqual(isolatedFiles);
    for (const file of isolatedFiles) expect(testFiles).toContain(file);
  });
});
