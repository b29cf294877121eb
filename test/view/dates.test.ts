/**
 * The dates an output carries (the accessibility statement's "last updated", the PDFs' creation date) belong to the
 * content: the document's own date field (`x-role: date`), else SOURCE_DATE_EPOCH, else the last commit that touched
 * the strategy folder; and a build says which it used, and when strategy/ has changes no commit holds. The document's
 * own date is tested with the second county's build (presentation.test.ts).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, repoSchema } from '../helpers/fixtures.ts';
import { runMain } from '../helpers/cli.ts';

const temp = mkdtempSync(join(tmpdir(), 'dates-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** The environment of a build: SOURCE_DATE_EPOCH and GIT_CEILING_DIRECTORIES as given, each unset when undefined. */
type DateEnv = { SOURCE_DATE_EPOCH?: string; GIT_CEILING_DIRECTORIES?: string };
const withoutEpoch = (): NodeJS.ProcessEnv => {
  const env = { ...process.env };
  delete env['SOURCE_DATE_EPOCH'];
  return env;
};

/** `strategy build` from `cwd`, in this process (test/helpers/cli.ts), with the environment the dates come from set for the run. */
async function build(cwd: string, strategy: string, schema: string, only: string, env: DateEnv): Promise<string> {
  const keys = ['SOURCE_DATE_EPOCH', 'GIT_CEILING_DIRECTORIES'] as const;
  const before = keys.map((key) => process.env[key]);
  const set = (key: string, value: string | undefined) => (value === undefined ? delete process.env[key] : (process.env[key] = value));
  keys.forEach((key) => set(key, env[key]));
  try {
    const run = await runMain(['build', strategy, '--schema', schema, '--out', 'out', '--only', only], { cwd });
    expect(run.code, run.stderr).toBe(0);
    return run.stdout;
  } finally {
    keys.forEach((key, index) => set(key, before[index]));
  }
}

const git = (cwd: string, ...args: string[]) => {
  const run = spawnSync('git', ['-c', 'user.name=Editor', '-c', 'user.email=editor@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
};

describe('the dates of a build', () => {
  it('without a date field, come from SOURCE_DATE_EPOCH', async () => {
    const project = join(temp, 'epoch');
    cpSync(join(repoRoot, 'test/fixtures/mini/strategy'), join(project, 'strategy'), { recursive: true });
    expect(await build(project, 'strategy', repoSchema, 'data', { SOURCE_DATE_EPOCH: '1750000000' })).toContain('dates from SOURCE_DATE_EPOCH: 2025-06-15');
  });

  it('else from the last commit that touched strategy/, and the build says when strategy/ has uncommitted changes', async () => {
    const project = join(temp, 'git');
    cpSync(join(repoRoot, 'test/fixtures/mini/strategy'), join(project, 'strategy'), { recursive: true });
    writeFileSync(join(project, 'README.md'), 'Not the strategy.\n');
    git(project, 'init', '--quiet');
    git(project, 'add', 'strategy');
    spawnSync('git', ['-c', 'user.name=Editor', '-c', 'user.email=editor@example.org', 'commit', '--quiet', '-m', 'strategy', '--date', '2026-01-05T10:00:00Z'], {
      cwd: project,
      env: { ...withoutEpoch(), GIT_COMMITTER_DATE: '2026-01-05T10:00:00Z' },
    });
    // A later commit elsewhere in the repository does not move the strategy's date.
    git(project, 'add', 'README.md');
    spawnSync('git', ['-c', 'user.name=Editor', '-c', 'user.email=editor@example.org', 'commit', '--quiet', '-m', 'readme'], { cwd: project, env: { ...withoutEpoch(), GIT_COMMITTER_DATE: '2026-02-20T10:00:00Z' } });
    const clean = await build(project, 'strategy', repoSchema, 'data', {});
    expect(clean).toContain('dates from the last commit that touched strategy/: 2026-01-05');
    expect(clean).not.toContain('uncommitted');

    // A change in strategy/ that no commit holds yet (here a note for editors, which check leaves alone).
    writeFileSync(join(project, 'strategy/MIGRATION.md'), '# Anteckningar\n');
    const dirty = await build(project, 'strategy', repoSchema, 'data', {});
    expect(dirty).toContain('dates from the last commit that touched strategy/: 2026-01-05; strategy/ has uncommitted changes, which that date does not cover');
  });

  it('and say so when there is nothing to take a date from', async () => {
    const project = join(temp, 'none');
    cpSync(join(repoRoot, 'test/fixtures/mini/strategy'), join(project, 'strategy'), { recursive: true });
    // Outside any git repository: GIT_CEILING_DIRECTORIES stops git looking above the temporary folder.
    const stdout = await build(project, 'strategy', repoSchema, 'data', { GIT_CEILING_DIRECTORIES: temp });
    expect(stdout).toContain('dates: none found');
  });
});
