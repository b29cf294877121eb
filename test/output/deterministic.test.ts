/**
 * Reproducible output: two clean builds of the mini fixture (site, PDFs and open data), into different folders,
 * give identical trees, file for file and byte for byte. SOURCE_DATE_EPOCH fixes the one date a build may use.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, repoSchema } from '../helpers/fixtures.ts';
import { treeHashes } from './tree.ts';

let temp = '';
const trees: Record<string, string>[] = [];

beforeAll(() => {
  // Under site/.astro/ (ignored by git), as the site tests do.
  const parent = join(repoRoot, 'site/.astro');
  mkdirSync(parent, { recursive: true });
  temp = mkdtempSync(join(parent, 'test-deterministic-'));
  for (const name of ['first', 'second']) {
    const out = join(temp, name, 'out');
    const result = spawnSync(process.execPath, [join(repoRoot, 'bin/strategy.js'), 'build', join(repoRoot, 'test/fixtures/mini/strategy'), '--schema', repoSchema, '--out', out], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, SOURCE_DATE_EPOCH: '1750000000' },
    });
    if (result.status !== 0) throw new Error(`build ${name} failed:\n${result.stdout}\n${result.stderr}`);
    trees.push(treeHashes(out)!);
  }
}, 240_000);

afterAll(() => {
  if (temp) rmSync(temp, { recursive: true, force: true });
});

describe('two clean builds of the mini fixture', () => {
  it('write the site, the PDFs and the open data', () => {
    const files = Object.keys(trees[0]!);
    expect(files).toContain('site/index.html');
    expect(files).toContain('site/sv/chapter-finance/index.html');
    // The council PDF of each language, and no redline: the mini fixture has no approved version to compare with.
    expect(files.filter((file) => file.startsWith('pdf/') && file.endsWith('.pdf')).sort()).toEqual(['pdf/mini-strategy-fi.pdf', 'pdf/mini-strategy-sv.pdf']);
    // The same PDFs inside the site, where its download page links to them.
    expect(files.filter((file) => file.startsWith('site/pdf/') && file.endsWith('.pdf')).map((file) => trees[0]![file])).toEqual(
      files.filter((file) => file.startsWith('pdf/') && file.endsWith('.pdf')).map((file) => trees[0]![file]),
    );
    expect(files.filter((file) => file.startsWith('data/')).length).toBeGreaterThan(0);
    expect(files.length).toBeGreaterThan(50);
  });

  it('are identical, file for file and byte for byte', () => {
    const [first, second] = trees;
    expect(Object.keys(second!)).toEqual(Object.keys(first!));
    const differing = Object.keys(first!).filter((file) => first![file] !== second![file]);
    expect(differing).toEqual([]);
  });

  it('hold no path of the machine that built them', () => {
    for (const name of ['first', 'second']) {
      for (const file of Object.keys(trees[0]!)) {
        const bytes = readFileSync(join(temp, name, 'out', file));
        expect(bytes.includes(Buffer.from(temp)), file).toBe(false);
        expect(bytes.includes(Buffer.from(repoRoot)), file).toBe(false);
      }
    }
  });
});
