/**
 * No file under strategy/ is dropped unseen: the `names-*` cases of test/fixtures/hostile-build/ (made at test time:
 * names with a newline, links, a named pipe). Each file is read (an item), reported (`stray-file`, a located warning)
 * or one the strategy legitimately holds (images, the glossary, hidden files not named like items); `check` exits as
 * the case says, never on stderr, and `build` publishes the items that were read.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, lstatSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadStrategy } from '../../src/pipeline.ts';
import { createChecker } from '../../src/incremental/checker.ts';
import { repoRoot, repoSchema } from '../helpers/fixtures.ts';
import { casesWithPrefix, scratchFolder, makeProject, readCase, stackFrame, stampItems, runCheck, type Case } from './cases.ts';
import { runMain } from '../helpers/cli.ts';

interface NamesCase extends Case {
  stamp?: string[];
  exitCode: number;
  items: string[];
  strays: string[];
  quiet?: string[];
}

interface JsonMessage {
  file: string;
  line: number;
  column: number;
  ruleId: string;
  message: string;
}

/** Every entry under `dir` that is not a folder, links not followed; hidden folders are not entered (as check does). */
function entries(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const rel = prefix ? `${prefix}/${name}` : name;
    const stat = lstatSync(join(dir, name));
    if (stat.isDirectory()) return name.startsWith('.') || name === 'node_modules' ? [] : entries(join(dir, name), rel);
    return [rel];
  });
}

const scratch = scratchFolder('hostile-names-');

const cases = casesWithPrefix('names-');

it('has the names cases', () => {
  expect(cases.length).toBeGreaterThanOrEqual(2);
});

describe.each(cases)('hostile build %s', (name) => {
  const testCase = readCase(name) as NamesCase;

  it('reads or reports every file under strategy/, and builds what it read', { timeout: 120_000 }, async () => {
    const { project, strategy } = makeProject(scratch(), name, testCase);
    await stampItems(project, testCase.stamp ?? []);

    const check = await runCheck(['strategy', '--schema', repoSchema, '--format', 'json'], { cwd: project });
    expect(check.stderr).toBe('');
    const report = JSON.parse(check.stdout) as { messages: JsonMessage[] };
    expect(check.code, check.stdout).toBe(testCase.exitCode);
    for (const message of report.messages) {
      expect(message.line).toBeGreaterThanOrEqual(1);
      expect(message.column).toBeGreaterThanOrEqual(1);
    }
    const strays = report.messages.filter((m) => m.ruleId === 'stray-file').map((m) => relative(strategy, join(project, m.file)));
    expect(strays.sort()).toEqual([...testCase.strays].sort());
    // The name is in the message too, a newline written as `\n`, so a one-line report still names the file.
    for (const message of report.messages.filter((m) => m.ruleId === 'stray-file')) expect(message.message).not.toContain('\n');

    // Read, reported, or one the strategy holds: nothing else.
    const { graph } = loadStrategy(strategy, { schemaDir: repoSchema });
    const read = new Set(graph.files.map((file) => file.path));
    const reported = new Set(graph.strays.map((stray) => stray.path));
    const quiet = new Set(testCase.quiet ?? []);
    for (const path of entries(strategy)) expect(read.has(path) || reported.has(path) || quiet.has(path), JSON.stringify(path)).toBe(true);
    for (const path of quiet) expect(read.has(path) || reported.has(path), path).toBe(false);
    for (const id of testCase.items) expect(graph.items.get(id)?.size, id).toBe(2);

    const build = await runMain(['build', 'strategy', '--schema', repoSchema, '--out', 'out', '--only', 'data'], { cwd: project });
    expect(build.code, build.stderr).toBe(0);
    expect(build.stderr).not.toMatch(stackFrame);
    for (const lang of ['sv', 'fi']) {
      const data = JSON.parse(readFileSync(join(project, `out/data/strategy.${lang}.json`), 'utf8')) as { items: { id: string }[] };
      for (const id of testCase.items) expect(data.items.map((item) => item.id)).toContain(id);
    }
  });
});

describe('the incremental checker of strategy dev', () => {
  it('reports a stray as it appears, with a newline in its name, and forgets it once it is gone', () => {
    const strategy = join(scratch(), 'incremental', 'strategy');
    cpSync(join(repoRoot, 'test/fixtures/mini/strategy'), strategy, { recursive: true });
    const checker = createChecker(strategy, { schemaDir: repoSchema });
    const strays = () => checker.result.messages.filter((m) => m.ruleId === 'stray-file').map((m) => relative(strategy, String(m.file)));
    expect(strays()).toEqual([]);
    writeFileSync(join(strategy, 'general', 'to\ndo.txt'), 'x');
    checker.update(['general/to\ndo.txt']);
    expect(strays()).toEqual(['general/to\ndo.txt']);
    rmSync(join(strategy, 'general', 'to\ndo.txt'));
    checker.update(['general/to\ndo.txt']);
    expect(strays()).toEqual([]);
  });
});
