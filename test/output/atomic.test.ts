/**
 * Output is never lost or mixed. src/output/atomic.ts on its own (commit, abort, sweep of builds left behind), and
 * `strategy build` as a child process killed with SIGKILL at random moments: after every kill, out/ is exactly one
 * complete earlier output or the complete new one, file for file and byte for byte, never a mixture and never missing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stageOutput } from '../../src/output/atomic.ts';
import { treeHashes } from './tree.ts';
import { main } from '../../src/cli.ts';
import { repoRoot, repoSchema } from '../helpers/fixtures.ts';

const fingerprint = (hashes: Record<string, string> | undefined) => (hashes ? createHash('sha256').update(JSON.stringify(hashes)).digest('hex').slice(0, 16) : 'missing');

describe('stageOutput (src/output/atomic.ts)', () => {
  let temp = '';
  beforeAll(() => {
    temp = mkdtempSync(join(tmpdir(), 'atomic-unit-'));
  });
  afterAll(() => {
    if (temp) rmSync(temp, { recursive: true, force: true });
  });

  const builds = (root: string) => (existsSync(join(root, '.out-builds')) ? readdirSync(join(root, '.out-builds')).sort() : []);

  it('commit makes out/ a relative link to the complete new build, and removes the previous one', () => {
    const root = join(temp, 'commit');
    mkdirSync(root);
    const out = join(root, 'out');
    const first = stageOutput(out);
    writeFileSync(join(first.dir, 'a.txt'), 'first');
    expect(existsSync(out)).toBe(false);
    first.commit();
    expect(lstatSync(out).isSymbolicLink()).toBe(true);
    expect(readlinkSync(out)).not.toMatch(/^\//);
    expect(readFileSync(join(out, 'a.txt'), 'utf8')).toBe('first');

    const second = stageOutput(out);
    writeFileSync(join(second.dir, 'b.txt'), 'second');
    // Until the commit, readers see the first build only.
    expect(treeHashes(out)).toEqual({ 'a.txt': createHash('sha256').update('first').digest('hex') });
    second.commit();
    expect(Object.keys(treeHashes(out)!)).toEqual(['b.txt']);
    expect(existsSync(first.dir)).toBe(false);
    expect(builds(root)).toEqual([second.dir.split('/').pop()]);
  });

  it('abort throws the new build away and leaves the previous output as it was', () => {
    const root = join(temp, 'abort');
    mkdirSync(root);
    const out = join(root, 'out');
    const first = stageOutput(out);
    writeFileSync(join(first.dir, 'a.txt'), 'kept');
    first.commit();
    const before = treeHashes(out);
    const failed = stageOutput(out);
    writeFileSync(join(failed.dir, 'half.txt'), 'half');
    failed.abort();
    expect(existsSync(failed.dir)).toBe(false);
    expect(treeHashes(out)).toEqual(before);
    expect(builds(root)).toEqual([first.dir.split('/').pop()]);
    // After a commit, abort (the caller's `finally`) leaves the committed output alone.
    const next = stageOutput(out);
    writeFileSync(join(next.dir, 'b.txt'), 'new');
    next.commit();
    next.abort();
    expect(Object.keys(treeHashes(out)!)).toEqual(['b.txt']);
    expect(builds(root)).toEqual([next.dir.split('/').pop()]);
  });

  it('sweeps builds left behind by killed builds, never the current one', () => {
    const root = join(temp, 'sweep');
    mkdirSync(root);
    const out = join(root, 'out');
    const first = stageOutput(out);
    writeFileSync(join(first.dir, 'a.txt'), 'current');
    first.commit();
    for (const stale of ['build-1-killed', 'build-2-killed']) {
      mkdirSync(join(root, '.out-builds', stale, 'pdf'), { recursive: true });
      writeFileSync(join(root, '.out-builds', stale, 'pdf', 'half.pdf'), '%PDF-');
    }
    // The link a commit killed before its rename leaves, named by the pid of a process that has ended.
    const ended = spawnSync('true').pid;
    symlinkSync(join('.out-builds', 'build-2-killed'), join(root, `out.next-${ended}`));
    const next = stageOutput(out);
    expect(builds(root).sort()).toEqual([first.dir, next.dir].map((d) => d.split('/').pop()).sort());
    expect(readdirSync(root).sort()).toEqual(['.out-builds', 'out']);
    expect(readFileSync(join(out, 'a.txt'), 'utf8')).toBe('current');
    next.abort();
  });

  it('replaces an older plain out/ folder by the link, keeping nothing of it in the new output', () => {
    const root = join(temp, 'legacy');
    mkdirSync(join(root, 'out'), { recursive: true });
    writeFileSync(join(root, 'out', 'old.txt'), 'old');
    const staging = stageOutput(join(root, 'out'));
    writeFileSync(join(staging.dir, 'new.txt'), 'new');
    staging.commit();
    expect(lstatSync(join(root, 'out')).isSymbolicLink()).toBe(true);
    expect(Object.keys(treeHashes(join(root, 'out'))!)).toEqual(['new.txt']);
    expect(builds(root)).toEqual([staging.dir.split('/').pop()]);
  });

  it('survives a current link whose build folder has gone', () => {
    const root = join(temp, 'dangling');
    mkdirSync(join(root, '.out-builds'), { recursive: true });
    symlinkSync(join('.out-builds', 'build-gone'), join(root, 'out'));
    const staging = stageOutput(join(root, 'out'));
    writeFileSync(join(staging.dir, 'x.txt'), 'x');
    staging.commit();
    expect(Object.keys(treeHashes(join(root, 'out'))!)).toEqual(['x.txt']);
  });
});

describe('strategy build killed with SIGKILL at random moments', () => {
  // Six kills in `npm test`; ATOMIC_KILLS=100 npx vitest run test/output/atomic.test.ts for a longer hunt.
  const kills = Number.parseInt(process.env['ATOMIC_KILLS'] ?? '', 10) || 6;
  let temp = '';
  const variants: Record<'a' | 'b', string> = { a: '', b: '' };
  const complete: Record<string, 'a' | 'b'> = {};
  /** Start-up until the staging folder appears, and from there to the commit, at most. */
  let startupMs = 0;
  let writingMs = 0;

  /** When to kill: a delay after the child starts, or after its staging folder appears (when it starts writing). */
  type KillPlan = { after: 'start' | 'staging'; ms: number };

  /**
   * Runs one build. Reports how long the child took to create its staging folder and, if it finished, to commit
   * (out/ pointing at a new folder), both measured by polling the file system every few milliseconds.
   */
  const run = (variant: 'a' | 'b', kill?: KillPlan, only = ['--only', 'pdf', '--only', 'data']) =>
    new Promise<{ code: number | null; signal: NodeJS.Signals | null; stagedAt?: number; committedAt?: number; stderr: string }>((resolve) => {
      const started = performance.now();
      const link = () => {
        try {
          return readlinkSync(join(temp, 'out'));
        } catch {
          return undefined;
        }
      };
      const before = link();
      const child = spawn(process.execPath, [join(repoRoot, 'bin/strategy.js'), 'build', variants[variant], '--schema', repoSchema, '--out', join(temp, 'out'), ...only], {
        cwd: temp,
        env: { ...process.env, SOURCE_DATE_EPOCH: '1750000000' },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      let stagedAt: number | undefined;
      let committedAt: number | undefined;
      let timer: NodeJS.Timeout | undefined;
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const arm = (ms: number) => (timer = setTimeout(() => child.kill('SIGKILL'), ms));
      if (kill?.after === 'start') arm(kill.ms);
      const poll = setInterval(() => {
        if (stagedAt === undefined && existsSync(join(temp, '.out-builds')) && readdirSync(join(temp, '.out-builds')).some((name) => name.startsWith(`build-${child.pid}-`))) {
          stagedAt = performance.now() - started;
          if (kill?.after === 'staging') arm(kill.ms);
        }
        if (committedAt === undefined && link() !== before) committedAt = performance.now() - started;
      }, 2);
      child.on('exit', (code, signal) => {
        clearInterval(poll);
        if (timer) clearTimeout(timer);
        resolve({ code, signal, ...(stagedAt === undefined ? {} : { stagedAt }), ...(committedAt === undefined ? {} : { committedAt }), stderr });
      });
    });

  beforeAll(async () => {
    temp = mkdtempSync(join(tmpdir(), 'atomic-kill-'));
    // Two strategies whose complete outputs differ, so that "previous" and "new" can be told apart.
    for (const variant of ['a', 'b'] as const) {
      variants[variant] = join(temp, `strategy-${variant}`);
      cpSync(join(repoRoot, 'test/fixtures/mini/strategy'), variants[variant], { recursive: true });
    }
    for (const lang of ['sv', 'fi']) {
      const file = join(variants.b, `document.${lang}.md`);
      writeFileSync(file, readFileSync(file, 'utf8').replace('version: "0.9"', 'version: "1.0"'));
    }
    const quiet = { out: () => undefined, err: () => undefined };
    expect(await main(['i18n', 'stamp', 'mini-strategy', '--dir', variants.b, '--schema', repoSchema], quiet)).toBe(0);
    for (const variant of ['b', 'a'] as const) {
      const result = await run(variant);
      expect(result.code, result.stderr).toBe(0);
      startupMs = Math.max(startupMs, result.stagedAt ?? 0);
      writingMs = Math.max(writingMs, (result.committedAt ?? 0) - (result.stagedAt ?? 0));
      complete[fingerprint(treeHashes(join(temp, 'out')))] = variant;
    }
    expect(Object.keys(complete)).toHaveLength(2);
    expect(writingMs).toBeGreaterThan(0);
  }, 120_000);

  afterAll(() => {
    if (temp) rmSync(temp, { recursive: true, force: true });
  });

  it(`leaves out/ complete, previous or new, after each of ${kills} kills`, { timeout: 600_000 }, async () => {
    let current: 'a' | 'b' = 'a';
    let killed = 0;
    let completedMeanwhile = 0;
    const seen: string[] = [];
    for (let attempt = 0; killed < kills && attempt < kills * 3; attempt++) {
      const next: 'a' | 'b' = current === 'a' ? 'b' : 'a';
      // One kill in five during start-up; the others while the build writes (staging folder to commit), each at a
      // random moment of its own quarter of that time, so that a few kills cover all of it.
      const share = killed % 5;
      const plan: KillPlan = share === 0 ? { after: 'start', ms: Math.round(Math.random() * startupMs) } : { after: 'staging', ms: Math.round(((share - 1 + Math.random()) / 4) * writingMs) };
      const result = await run(next, plan);
      const state = complete[fingerprint(treeHashes(join(temp, 'out')))];
      seen.push(`${plan.ms} ms after ${plan.after}: ${result.signal ?? `exit ${result.code}`} → ${state ?? 'MIXED OR MISSING'}`);
      expect(lstatSync(join(temp, 'out')).isSymbolicLink(), seen.join('\n')).toBe(true);
      expect(state === current || state === next, `out/ is neither the previous nor the new complete output\n${seen.join('\n')}`).toBe(true);
      if (result.signal === 'SIGKILL') {
        killed++;
        if (state === next) completedMeanwhile++;
      } else {
        expect(result.code, result.stderr).toBe(0);
        // The build finished before the kill: builds have got faster (Node's compile cache, a warm disk), so the
        // writing window is what this one took.
        if (result.stagedAt !== undefined && result.committedAt !== undefined) writingMs = Math.min(writingMs, result.committedAt - result.stagedAt);
      }
      current = state!;
    }
    if (process.env['ATOMIC_VERBOSE']) console.log(seen.join('\n'));
    expect(killed, seen.join('\n')).toBeGreaterThanOrEqual(kills);
    // A normal build afterwards sweeps what the killed ones left behind: `--only pdf,data` written as one list, two targets.
    const last = await run(current === 'a' ? 'b' : 'a', undefined, ['--only', 'pdf,data']);
    expect(last.code, last.stderr).toBe(0);
    expect(readdirSync(join(temp, 'out')).sort()).toEqual(['data', 'pdf']);
    expect(readdirSync(join(temp, '.out-builds'))).toHaveLength(1);
    expect(readdirSync(temp).filter((name) => name.startsWith('out.next-'))).toEqual([]);
    expect(completedMeanwhile).toBeLessThanOrEqual(killed);
  });

  it('refuses an unknown target without touching out/', async () => {
    const out = join(temp, 'out');
    const before = readlinkSync(out);
    const builds = readdirSync(join(temp, '.out-builds'));
    let err = '';
    const io = { out: () => undefined, err: (text: string) => void (err += text) };
    expect(await main(['build', variants.a, '--schema', repoSchema, '--out', out, '--only', 'pdf,sitemap'], io)).toBe(2);
    expect(err).toContain('sitemap');
    expect(readlinkSync(out)).toBe(before);
    expect(readdirSync(join(temp, '.out-builds'))).toEqual(builds);
  });

  it('refuses a strategy with errors: prints check’s report, leaves out/ as it was, and nothing beside it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'strategy-refused-'));
    const out = join(dir, 'out');
    let err = '';
    const io = { out: () => undefined, err: (text: string) => void (err += text) };
    expect(await main(['build', join(repoRoot, 'test/fixtures/ten-faults/strategy'), '--schema', repoSchema, '--out', out], io)).toBe(1);
    expect(err).toMatch(/✖ 19 errors/);
    expect(err).toContain('front-matter-schema');
    expect(err).toContain('build refused: check found 19 error(s)');
    expect(readdirSync(dir)).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  });
});
