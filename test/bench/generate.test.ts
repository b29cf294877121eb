import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateStrategy } from '../../bench/generate.ts';
import { loadStrategy } from '../../src/pipeline.ts';
import { repoRoot } from '../helpers/fixtures.ts';

/** One hash over every file's path and bytes, in path order. */
function treeHash(dir: string): string {
  const hash = createHash('sha256');
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) hash.update(file.slice(dir.length)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

describe('bench/generate.ts', () => {
  const root = mkdtempSync(join(tmpdir(), 'bench-generate-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('is deterministic: the same seed gives the same files, another seed others', () => {
    const first = generateStrategy(join(root, 'a'), { files: 200, seed: 7 });
    generateStrategy(join(root, 'b'), { files: 200, seed: 7 });
    generateStrategy(join(root, 'c'), { files: 200, seed: 8 });
    expect(first.files).toBe(200);
    expect(treeHash(join(root, 'a'))).toBe(treeHash(join(root, 'b')));
    expect(treeHash(join(root, 'a'))).not.toBe(treeHash(join(root, 'c')));
  });

  it('generates a strategy that check passes with 0 errors, every kind present', () => {
    const generated = generateStrategy(join(root, 'ok'), { files: 200, seed: 1 });
    expect(Object.keys(generated.kinds).sort()).toEqual(['action', 'chapter', 'document', 'goal', 'measure', 'milestone', 'promise', 'section', 'strategic-goal', 'value'].filter((k) => generated.kinds[k]));
    const result = loadStrategy(join(root, 'ok'), { schemaDir: join(repoRoot, 'schema') });
    const errors = result.messages.filter((m) => m.fatal).map((m) => `${m.file}:${m.line} ${m.ruleId} ${m.reason}`);
    expect(errors).toEqual([]);
    expect(result.graph.files).toHaveLength(200);
    // Stamped pairs are in sync, so translation-outdated is exercised and silent.
    expect(result.messages.some((m) => m.ruleId === 'translation-outdated')).toBe(false);
  });
});
