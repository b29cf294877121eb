/**
 * `strategy build` never deletes or writes outside its own output folder: the `output-*` cases of
 * test/fixtures/hostile-build/ (see cases.ts). Each sets up an out/ or .out-builds/ that the build did not make (a
 * link elsewhere, a file, foreign entries), runs `strategy build` (as a process where its umask, its TMPDIR or its
 * renderers matter, else in this process), and checks the exit code, the message
 * (no stack trace), that what had to stay is byte for byte as it was, and, for builds that succeed, that out is the
 * link to a complete build, world-readable, with nothing left behind by a killed build.
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readlinkSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, repoSchema } from '../helpers/fixtures.ts';
import { runMain } from '../helpers/cli.ts';
import { casesWithPrefix, scratchFolder, makeProject, readCase, runStrategy, snapshot, stackFrame, type Case } from './cases.ts';

interface OutputCase extends Case {
  only?: string;
  umask?: string;
  exitCode: number;
  stderr?: string;
  unchanged?: string[];
  absent?: string[];
  built?: boolean;
  readable?: boolean;
  killFirst?: boolean;
}

const scratch = scratchFolder('hostile-output-');

const cases = casesWithPrefix('output-');

it('has the output cases', () => {
  expect(cases.length).toBeGreaterThanOrEqual(9);
});

/** Every folder and file under `dir` (links not followed) whose mode is not 0755 (folders) or 0644 (files). */
function unreadable(dir: string): string[] {
  const wrong: string[] = [];
  const walk = (path: string) => {
    const stat = lstatSync(path);
    const mode = stat.mode & 0o777;
    if (stat.isDirectory()) {
      if (mode !== 0o755) wrong.push(`${path} ${mode.toString(8)}`);
      for (const name of readdirSync(path)) walk(join(path, name));
    } else if (stat.isFile() && mode !== 0o644) wrong.push(`${path} ${mode.toString(8)}`);
  };
  walk(dir);
  return wrong;
}

const handovers = (dir: string) => readdirSync(dir).filter((name) => name.startsWith('strategy-site-'));

/** A whole build killed with its children (Astro's process, Pagefind) once its hand-over folder exists. */
function killWhileRendering(project: string, handoverDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(repoRoot, 'bin/strategy.js'), 'build', 'strategy', '--schema', repoSchema, '--out', 'out'], {
      cwd: project,
      env: { ...process.env, TMPDIR: handoverDir, SOURCE_DATE_EPOCH: '1750000000' },
      stdio: 'ignore',
      detached: true,
    });
    const pid = child.pid!;
    const poll = setInterval(() => {
      // The folder is private to this case, so any hand-over folder in it is the build's.
      const own = handovers(handoverDir)[0];
      if (own && existsSync(join(handoverDir, own, 'views.json'))) {
        clearInterval(poll);
        process.kill(-pid, 'SIGKILL');
      }
    }, 5);
    child.on('exit', (_code, signal) => {
      clearInterval(poll);
      if (signal === 'SIGKILL') resolve();
      else reject(new Error(`the build ended before it could be killed (${signal ?? 'exit'})`));
    });
  });
}

describe.each(cases)('hostile build %s', (name) => {
  const testCase = readCase(name) as OutputCase;

  it(testCase.exitCode === 0 ? 'builds, and leaves what it did not make alone' : 'is refused with a message, and nothing is removed', { timeout: 240_000 }, async () => {
    const { project, elsewhere } = makeProject(scratch(), name, testCase);
    const place = (path: string) => (path.startsWith('$ELSEWHERE') ? path.replace('$ELSEWHERE', elsewhere) : join(project, path));
    const before = Object.fromEntries((testCase.unchanged ?? []).map((path) => [path, snapshot(place(path))]));
    const handoverDir = join(scratch(), name, 'tmp');
    mkdirSync(handoverDir);
    const alive = `strategy-site-${process.pid}-live00`;
    if (testCase.killFirst) {
      await killWhileRendering(project, handoverDir);
      // What a killed build leaves: its hand-over folder, which its `finally` never removed.
      expect(handovers(handoverDir)).toHaveLength(1);
      // A hand-over folder of a process that still runs (this one) is not the next build's to remove.
      mkdirSync(join(handoverDir, alive));
      writeFileSync(join(handoverDir, alive, 'views.json'), '{}');
    }

    const args = ['build', 'strategy', '--schema', repoSchema, '--out', 'out', '--only', testCase.only ?? 'data'];
    // A process where the process is what the case is about (its umask, a killed build's hand-over folder in its
    // TMPDIR, the site's renderer); the rest in this process, as bin/strategy.js runs main().
    const ownProcess = testCase.umask !== undefined || testCase.killFirst === true || (testCase.only ?? 'data') !== 'data';
    const run = ownProcess
      ? runStrategy(args, { cwd: project, env: { TMPDIR: handoverDir }, ...(testCase.umask ? { umask: testCase.umask } : {}) })
      : await runMain(args, { cwd: project });

    expect(run.code, run.stderr).toBe(testCase.exitCode);
    expect(run.stderr).not.toMatch(stackFrame);
    expect(run.stderr).not.toContain('internal error');
    if (testCase.stderr) {
      expect(run.stderr).toContain(testCase.stderr);
      expect(run.stderr).toMatch(/^build refused: .*Nothing was written or removed\.$/m);
    }
    for (const path of testCase.unchanged ?? []) expect(snapshot(place(path)), path).toEqual(before[path]);
    for (const path of testCase.absent ?? []) expect(lstatSync(place(path), { throwIfNoEntry: false }), path).toBeUndefined();

    if (testCase.built) {
      const out = join(project, 'out');
      expect(lstatSync(out).isSymbolicLink()).toBe(true);
      expect(readlinkSync(out)).toMatch(/^\.out-builds\/build-\d+-/);
      expect(existsSync(join(out, 'data', 'measures.csv'))).toBe(true);
      // Nothing of a failed or killed build is left beside the current one, but what the build did not make stays.
      const ours = readdirSync(join(project, '.out-builds')).filter((entry) => /^(build-\d+-|legacy-)/.test(entry) && lstatSync(join(project, '.out-builds', entry)).isDirectory());
      expect(ours).toEqual([readlinkSync(out).split('/').pop()]);
    }
    if (testCase.readable) {
      expect(readdirSync(join(project, 'out')).sort()).toEqual(['data', 'pdf', 'site']);
      expect(statSync(join(project, '.out-builds')).mode & 0o777).toBe(0o755);
      expect(unreadable(realpathSync(join(project, 'out')))).toEqual([]);
    }
    if (testCase.killFirst) {
      expect(existsSync(join(project, 'out', 'site', 'sv', 'index.html'))).toBe(true);
      // The killed build's hand-over folder is gone; the live process's stays; the new build left none of its own.
      expect(handovers(handoverDir)).toEqual([alive]);
    }
  });
});
