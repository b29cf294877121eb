/**
 * The hostile-input corpus (test/fixtures/hostile/<case>/, made by make-corpus.ts): `strategy check` on each case
 * never crashes or prints a stack trace, exits with the documented code, locates every message (file, line, column,
 * rule id), reports the expected diagnostics, never reads outside strategy/, and never pollutes Object.prototype.
 * Every report format (human, json, github, sarif, ...) is written from the same messages without throwing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { dirname, join, relative, resolve } from 'node:path';
import { main } from '../../src/cli.ts';
import { loadStrategy } from '../../src/pipeline.ts';
import { formatReport, formats } from '../../src/diagnostics/reporters.ts';
import { findRepository } from '../../src/diagnostics/repository.ts';
import { allRules } from '../../src/validate/all-rules.ts';
import { folders, repoRoot, repoSchema } from '../helpers/fixtures.ts';
import type { Expected, SetupStep } from './make-corpus.ts';

const corpus = join(repoRoot, 'test/fixtures/hostile');
const cases = folders(corpus);
const ruleIds = new Set(allRules.map((rule) => rule.id));
const secret = 'SECRET-OUTSIDE-STRATEGY';
const prototypeNames = Object.getOwnPropertyNames(Object.prototype).sort();
const repository = findRepository(repoRoot);

interface JsonMessage {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  ruleId: string;
  message: string;
}

let temp = '';
beforeAll(() => {
  temp = mkdtempSync(join(tmpdir(), 'hostile-'));
});
afterAll(() => {
  if (temp) rmSync(temp, { recursive: true, force: true });
});

const prose = 'Kostnaderna växer snabbare än finansieringen och utgifterna ska anpassas. ';

/** Makes what git cannot carry well: symbolic links, directories named like files, very large files. */
function setUp(root: string, steps: readonly SetupStep[] = []): void {
  const strategy = join(root, 'strategy');
  for (const step of steps) {
    switch (step.op) {
      case 'symlink':
        symlinkSync(step.target, join(strategy, step.path));
        break;
      case 'mkdir':
        mkdirSync(join(strategy, step.path), { recursive: true });
        break;
      case 'fifo': {
        const made = spawnSync('mkfifo', [join(strategy, step.path)]);
        if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr}`);
        break;
      }
      case 'outside':
        mkdirSync(dirname(join(root, step.path)), { recursive: true });
        writeFileSync(join(root, step.path), step.content);
        break;
      case 'grow': {
        const path = join(strategy, step.path);
        const text = readFileSync(path, 'utf8');
        const room = step.bytes - Buffer.byteLength(text);
        const filler = prose.repeat(Math.ceil(room / Buffer.byteLength(prose)));
        if (step.oneLine) writeFileSync(path, `${text.trimEnd()} ${Buffer.from(filler).subarray(0, room - 2).toString('utf8').replace(/\uFFFD$/, '').trimEnd()}\n`);
        else appendFileSync(path, `\n${filler.replace(/\. /g, '.\n')}`);
        break;
      }
    }
  }
}

async function check(dir: string) {
  let out = '';
  let err = '';
  const code = await main(['check', dir, '--format', 'json', '--schema', repoSchema], { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const show = (d: { file: string; line: number; column: number; ruleId: string }) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`;

it('has at least 50 cases', () => {
  expect(cases.length).toBeGreaterThanOrEqual(50);
});

describe.each(cases)('hostile case %s', (name) => {
  const expected = JSON.parse(readFileSync(join(corpus, name, 'expected.json'), 'utf8')) as Expected;

  it(`${expected.exitCode === 0 ? 'is clean' : 'is reported'}, located, never crashing, leaking or polluting`, async () => {
    const root = join(temp, name);
    cpSync(join(corpus, name, 'strategy'), join(root, 'strategy'), { recursive: true });
    setUp(root, expected.setup);
    const strategy = join(root, 'strategy');

    const { code, out, err } = await check(strategy);

    // No crash: nothing on stderr, no stack frame anywhere, a complete JSON report.
    expect(err, 'stderr').toBe('');
    expect(out).not.toMatch(/^\s+at .+[:(]\d+:\d+\)?$/m);
    expect(out).not.toMatch(/internal error|Maximum call stack|TypeError|RangeError/);
    const report = JSON.parse(out) as { summary: { errors: number; warnings: number }; messages: JsonMessage[] };
    expect(code, report.messages.filter((m) => m.severity === 'error').map((m) => `${show(m)} ${m.message}`).join('\n')).toBe(expected.exitCode);

    // Every message is located and names a rule that check runs.
    for (const message of report.messages) {
      expect(message.file, JSON.stringify(message)).not.toBe('');
      expect(message.line, JSON.stringify(message)).toBeGreaterThanOrEqual(1);
      expect(message.column, JSON.stringify(message)).toBeGreaterThanOrEqual(1);
      expect(message.endLine * 1e7 + message.endColumn, JSON.stringify(message)).toBeGreaterThanOrEqual(message.line * 1e7 + message.column);
      expect(ruleIds.has(message.ruleId), JSON.stringify(message)).toBe(true);
      expect(message.message.length).toBeGreaterThan(0);
    }

    // The expected diagnostics are there, at their place.
    const got = report.messages.map((m) => ({ ...m, file: relative(strategy, resolve(m.file)).split('\\').join('/') }));
    for (const diagnostic of expected.diagnostics) {
      const found = got.some((m) => m.file === diagnostic.file && m.line === diagnostic.line && (diagnostic.column === 0 || m.column === diagnostic.column) && m.ruleId === diagnostic.ruleId);
      expect(found, `missing ${show(diagnostic)} in\n${got.map(show).join('\n')}`).toBe(true);
    }
    for (const ruleId of expected.absentRules ?? []) expect(report.messages.filter((m) => m.ruleId === ruleId).map(show)).toEqual([]);

    // The other report formats take the same messages without throwing (SARIF in the repository found once for all).
    const result = loadStrategy(strategy, { schemaDir: repoSchema });
    for (const format of formats) {
      const text = formatReport(format, { messages: result.messages, fileCount: result.graph.files.length, rules: allRules, repository });
      if (format === 'sarif' || format === 'json') JSON.parse(text);
      expect(text).not.toContain(secret);
    }

    // Nothing outside strategy/ was read, and no key in the content reached Object.prototype.
    expect(out).not.toContain(secret);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeNames);
  });
});
