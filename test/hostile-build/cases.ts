/**
 * The cases of test/fixtures/hostile-build/ that the test files beside this one run (names prefixed `output-`, `csv-`, `pdf-`,
 * `names-`, `ids-`, `edit-`). Each case is a folder with `case.json` (what it is, how it is set up, what must come
 * out) and, when it changes content, a `strategy/` folder whose files are laid over a copy of
 * test/fixtures/mini/strategy. What git cannot carry (symbolic links, names with a newline, a file where a folder
 * belongs, a named pipe) is made at test time by the `setup` steps, relative to the project folder (the one holding
 * strategy/); `$ELSEWHERE` in a step stands for a folder beside the project, outside it. JSON writes a newline in a
 * file name as `\n`.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll } from 'vitest';
import { dirname, join, resolve } from 'node:path';
import { folders, repoRoot, repoSchema } from '../helpers/fixtures.ts';
import { runMain } from '../helpers/cli.ts';

export const corpus = join(repoRoot, 'test/fixtures/hostile-build');

export type SetupStep =
  | { op: 'write'; path: string; content: string }
  | { op: 'mkdir'; path: string }
  | { op: 'symlink'; path: string; target: string }
  /** A copy of a file of the project, with `replace` ([from, to] pairs) applied to its text. */
  | { op: 'copy'; from: string; path: string; replace?: [string, string][] }
  | { op: 'fifo'; path: string }
  | { op: 'remove'; path: string }
  | { op: 'move'; from: string; path: string };

export interface Case {
  description: string;
  setup?: SetupStep[];
  [key: string]: unknown;
}

/** The cases whose folder names start with `prefix`, sorted. */
export function casesWithPrefix(prefix: string): string[] {
  return folders(corpus).filter((name) => name.startsWith(prefix));
}

export function readCase(name: string): Case {
  return JSON.parse(readFileSync(join(corpus, name, 'case.json'), 'utf8')) as Case;
}

/**
 * Makes `<temp>/<name>/project/strategy` (the mini strategy with the case's files laid over it) and
 * `<temp>/<name>/elsewhere`, then runs the case's setup steps. Returns the project folder and the outside one.
 */
export function makeProject(temp: string, name: string, testCase: Case): { project: string; elsewhere: string; strategy: string } {
  const base = join(temp, name);
  const project = join(base, 'project');
  const elsewhere = join(base, 'elsewhere');
  const strategy = join(project, 'strategy');
  mkdirSync(elsewhere, { recursive: true });
  cpSync(join(repoRoot, 'test/fixtures/mini/strategy'), strategy, { recursive: true });
  if (existsSync(join(corpus, name, 'strategy'))) cpSync(join(corpus, name, 'strategy'), strategy, { recursive: true });
  const expand = (text: string) => text.replaceAll('$ELSEWHERE', elsewhere);
  for (const step of testCase.setup ?? []) {
    // resolve, not join: `$ELSEWHERE/...` is absolute and stays outside the project.
    const path = resolve(project, expand(step.path));
    mkdirSync(dirname(path), { recursive: true });
    if (step.op === 'write') writeFileSync(path, step.content);
    else if (step.op === 'mkdir') mkdirSync(path, { recursive: true });
    else if (step.op === 'copy') writeFileSync(path, (step.replace ?? []).reduce((text, [from, to]) => text.replaceAll(from, to), readFileSync(resolve(project, expand(step.from)), 'utf8')));
    else if (step.op === 'remove') rmSync(path, { recursive: true });
    else if (step.op === 'move') renameSync(resolve(project, expand(step.from)), path);
    else if (step.op === 'fifo') {
      const made = spawnSync('mkfifo', [path]);
      if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr}`);
    } else symlinkSync(expand(step.target), path);
  }
  return { project, elsewhere, strategy };
}

/** What stands at a path, links never followed: kind, link target, file hashes, folder entries. For before/after. */
export function snapshot(path: string): unknown {
  const stat = lstatSync(path, { throwIfNoEntry: false });
  if (!stat) return 'missing';
  if (stat.isSymbolicLink()) return { link: readlinkSync(path) };
  if (stat.isFile()) return { file: createHash('sha256').update(readFileSync(path)).digest('hex') };
  if (stat.isDirectory()) return Object.fromEntries(readdirSync(path).sort().map((name) => [name, snapshot(join(path, name))]));
  return 'special';
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `strategy <args>` as a process of its own, as an editor or CI runs it, with an optional umask and extra environment. */
export function runStrategy(args: readonly string[], options: { cwd: string; umask?: string; env?: Record<string, string> }): Run {
  const command = `umask ${options.umask ?? '022'} && exec "$0" "$@"`;
  const result = spawnSync('sh', ['-c', command, process.execPath, join(repoRoot, 'bin/strategy.js'), ...args], {
    cwd: options.cwd,
    env: { ...process.env, SOURCE_DATE_EPOCH: '1750000000', ...options.env },
    encoding: 'utf8',
    timeout: 240_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Stamps items of a case's project (`strategy i18n stamp`), so that no translation message hides what the case is
 * about. Setting up, not what is tested: run in this process, and an error is the setup's.
 */
export async function stampItems(project: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const run = await runMain(['i18n', 'stamp', ...ids, '--dir', join(project, 'strategy'), '--schema', repoSchema]);
  if (run.code !== 0) throw new Error(`stamp ${ids.join(' ')} failed: ${run.stderr}`);
}

/** `strategy check <args>` in this process, from `cwd` (runMain). */
export function runCheck(args: readonly string[], options: { cwd: string }): Promise<Run> {
  return runMain(['check', ...args], options);
}

/** A stack frame, as Node prints them: what no command may show for content or a refused output. */
export const stackFrame = /^\s+at .+[:(]\d+:\d+\)?$/m;

/** A temporary folder for one test file's projects, made before its tests and removed after them. */
export function scratchFolder(prefix: string): () => string {
  let folder = '';
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), prefix));
  });
  afterAll(() => {
    if (folder) rmSync(folder, { recursive: true, force: true });
  });
  return () => folder;
}
