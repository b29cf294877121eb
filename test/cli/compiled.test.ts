/**
 * The command line runs from a compiled copy of the sources (src/load/compiled.mjs). An editor who changes a source
 * must get the changed behaviour at the next command, a source that does not compile must fall back to tsx (which
 * reports the error), and the compiled copy must behave as the sources do.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { compiledDir } from '../../src/load/compiled.mjs';
import { repoRoot } from '../helpers/fixtures.ts';

const temp = mkdtempSync(join(tmpdir(), 'compiled-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A project of two modules: src/cli.ts re-exports what src/helper.ts says. */
function project(name: string, helper: string): { root: string; cacheDir: string; entries: Record<string, string> } {
  const root = join(temp, name);
  mkdirSync(join(root, 'src'), { recursive: true });
  writeFileSync(join(root, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(join(root, 'src/cli.ts'), "export { answer, here } from './helper.ts';\n");
  writeFileSync(join(root, 'src/helper.ts'), helper);
  return { root, cacheDir: join(root, 'cache'), entries: { cli: 'src/cli.ts' } };
}

async function load(dir: string): Promise<{ answer: number; here: string }> {
  return (await import(pathToFileURL(join(dir, 'cli.js')).href)) as { answer: number; here: string };
}

describe('the compiled copy of the command line', () => {
  it('is compiled again when a source changes, and reused while none does', async () => {
    const options = project('edit', 'export const answer: number = 1;\nexport const here = import.meta.url;\n');
    const first = await compiledDir(options);
    expect(first).toBeDefined();
    expect((await load(first!)).answer).toBe(1);
    const made = statSync(join(first!, 'cli.js')).mtimeMs;
    expect(await compiledDir(options)).toBe(first);
    expect(statSync(join(first!, 'cli.js')).mtimeMs).toBe(made);

    writeFileSync(join(options.root, 'src/helper.ts'), 'export const answer: number = 2;\nexport const here = import.meta.url;\n');
    const second = await compiledDir(options);
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    expect((await load(second!)).answer).toBe(2);
  });

  it('keeps each module’s import.meta.url pointing at its source file, so paths beside it resolve as before', async () => {
    const options = project('meta', 'export const answer = 3;\nexport const here = import.meta.url;\n');
    const dir = await compiledDir(options);
    expect((await load(dir!)).here).toBe(pathToFileURL(join(options.root, 'src/helper.ts')).href);
  });

  it('gives nothing for a source that does not compile, and leaves nothing half-written in the cache', async () => {
    const options = project('broken', 'export const answer = ;\n');
    expect(await compiledDir(options)).toBeUndefined();
    expect(readdirSync(options.cacheDir)).toEqual([]);
  });

  it('reports exactly what the TypeScript sources report (STRATEGY_SOURCES=1 runs them through tsx)', () => {
    const run = (sources: string) =>
      spawnSync(process.execPath, [join(repoRoot, 'bin/strategy.js'), 'check', 'test/fixtures/ten-faults/strategy', '--format', 'json'], {
        cwd: repoRoot,
        encoding: 'utf8',
        env: { ...process.env, STRATEGY_SOURCES: sources },
      });
    const compiled = run('0');
    const sources = run('1');
    expect(compiled.status).toBe(1);
    expect(sources.status).toBe(1);
    expect(JSON.parse(compiled.stdout)).toEqual(JSON.parse(sources.stdout));
    expect(compiled.stdout.length).toBeGreaterThan(1000);
  });
});
