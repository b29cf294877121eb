/**
 * The editing commands (`i18n twin`, `new`, `fix --apply`) never follow, write through or replace a symbolic link,
 * dangling or not, and never remove what they did not make: the `edit-*` cases of test/fixtures/hostile-build/ (links
 * made at test time). Each runs its command as a process and checks the exit code, the message (never a stack trace),
 * that what had to stay is as it was, and what had to be created. A case with `check` also runs `strategy check`:
 * one error at each listed place, and nothing from `absentRules`.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, lstatSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repoSchema } from '../helpers/fixtures.ts';
import { casesWithPrefix, scratchFolder, makeProject, readCase, snapshot, stackFrame, runCheck, type Case } from './cases.ts';
import { runMain } from '../helpers/cli.ts';

interface EditCase extends Case {
  command: string[];
  exitCode: number;
  stderr?: string;
  stdout?: string;
  unchanged?: string[];
  created?: string[];
  absent?: string[];
  secret?: string;
  check?: { exitCode: number; oneErrorAt: { file: string; line: number; column: number }[]; absentRules: string[] };
}

/** Every regular file under a folder (links not followed), for looking for a secret. */
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    const stat = lstatSync(path);
    return stat.isDirectory() ? files(path) : stat.isFile() ? [path] : [];
  });
}

const scratch = scratchFolder('hostile-edit-');

const cases = casesWithPrefix('edit-');

it('has the edit cases', () => {
  expect(cases.length).toBeGreaterThanOrEqual(6);
});

describe.each(cases)('hostile edit %s', (name) => {
  const testCase = readCase(name) as EditCase;

  it(testCase.exitCode === 0 ? 'does what it must and nothing more' : 'is refused with a message, and nothing is written', { timeout: 120_000 }, async () => {
    const { project, elsewhere, strategy } = makeProject(scratch(), name, testCase);
    const place = (path: string) => (path.startsWith('$ELSEWHERE') ? path.replace('$ELSEWHERE', elsewhere) : join(project, path));
    const before = Object.fromEntries((testCase.unchanged ?? []).map((path) => [path, snapshot(place(path))]));
    const command = testCase.command[0] === 'new' || testCase.command[0] === 'i18n' || testCase.command[0] === 'fix' ? [...testCase.command, '--schema', repoSchema] : testCase.command;

    const run = await runMain(command, { cwd: project });
    expect(run.code, run.stderr).toBe(testCase.exitCode);
    expect(run.stderr).not.toMatch(stackFrame);
    expect(run.stderr).not.toContain('internal error');
    if (testCase.stderr) expect(run.stderr).toContain(testCase.stderr);
    if (testCase.stdout) expect(run.stdout).toContain(testCase.stdout);
    for (const path of testCase.unchanged ?? []) expect(snapshot(place(path)), path).toEqual(before[path]);
    for (const path of testCase.created ?? []) expect(lstatSync(place(path), { throwIfNoEntry: false })?.isFile(), path).toBe(true);
    for (const path of testCase.absent ?? []) expect(lstatSync(place(path), { throwIfNoEntry: false }), path).toBeUndefined();
    if (testCase.secret) {
      expect(run.stdout + run.stderr).not.toContain(testCase.secret);
      for (const file of files(project)) expect(readFileSync(file, 'utf8'), file).not.toContain(testCase.secret);
    }

    if (testCase.check) {
      const check = await runCheck(['strategy', '--schema', repoSchema, '--format', 'json'], { cwd: project });
      expect(check.stderr).toBe('');
      expect(check.code).toBe(testCase.check.exitCode);
      const messages = (JSON.parse(check.stdout) as { messages: { file: string; line: number; column: number; ruleId: string; severity: string; message: string }[] }).messages;
      const at = (m: { file: string }) => relative(strategy, join(project, m.file));
      for (const where of testCase.check.oneErrorAt) {
        const here = messages.filter((m) => m.severity === 'error' && at(m) === where.file && m.line === where.line && m.column === where.column);
        expect(here.map((m) => `${m.ruleId}: ${m.message}`), JSON.stringify(where)).toHaveLength(1);
      }
      for (const ruleId of testCase.check.absentRules) expect(messages.filter((m) => m.ruleId === ruleId).map((m) => `${at(m)}:${m.line} ${m.message}`)).toEqual([]);
    }
    expect(existsSync(project)).toBe(true);
  });
});
