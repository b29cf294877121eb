/**
 * `strategy` runs Node with a few flags (the shebang of bin/strategy.js). npm's scripts start it with the same
 * flags, and the benchmarks read them from the shebang: a change in one place must not leave the others behind.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../helpers/fixtures.ts';
import { cliNodeFlags } from '../../bench/node-flags.ts';

const shebang = readFileSync(join(repoRoot, 'bin/strategy.js'), 'utf8').split('\n')[0]!;
const flags = cliNodeFlags(repoRoot);
const scripts = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

describe('Node flags of the command line', () => {
  test('the shebang passes its flags through env -S (which npm also understands on Windows)', () => {
    expect(shebang).toMatch(/^#!\/usr\/bin\/env -S node /);
    expect(flags.length).toBeGreaterThan(0);
    for (const flag of flags) expect(flag).toMatch(/^--[a-z][a-z0-9-]*(=\S+)?$/);
  });

  test.each(['check', 'build'])('npm run %s starts bin/strategy.js with the same flags', (name) => {
    expect(scripts[name]).toBe(`node ${flags.join(' ')} bin/strategy.js ${name}`);
  });

  test('Node accepts the flags', () => {
    const result = spawnSync(process.execPath, [...flags, '-e', 'process.stdout.write("ok")'], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('ok');
  });

  test('the launcher runs as a program with them', () => {
    const result = spawnSync(join(repoRoot, 'bin/strategy.js'), ['--help'], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('check');
  });
});
