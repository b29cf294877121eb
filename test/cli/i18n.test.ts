import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.ts';
import { repoRoot, repoSchema } from '../helpers/fixtures.ts';

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

let dir: string;
const file = (path: string) => join(dir, path);
const edit = (path: string, from: string, to: string) => {
  const text = readFileSync(file(path), 'utf8');
  expect(text).toContain(from);
  writeFileSync(file(path), text.replace(from, to));
};
const status = async () => (JSON.parse((await run(['i18n', 'status', dir, '--schema', repoSchema, '--format', 'json'])).out) as { items: { id: string; status: string; behind?: string }[] }).items;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'strategy-i18n-'));
  cpSync(join(repoRoot, 'test/fixtures/mini/strategy'), dir, { recursive: true });
  // Start from a strategy that was never stamped.
  for (const path of readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((p) => p.endsWith('.md'))) {
    writeFileSync(join(dir, path), readFileSync(join(dir, path), 'utf8').replace(/^twin-hash:.*\n/m, ''));
  }
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('strategy i18n', () => {
  it('stamps every pair, after which status says all are in sync and check is clean', async () => {
    expect((await status()).every((row) => row.status === 'unstamped')).toBe(true);
    const stamped = await run(['i18n', 'stamp', '--all', '--dir', dir, '--schema', repoSchema]);
    expect(stamped.out).toContain('13 pairs reconciled');
    expect((await status()).every((row) => row.status === 'in-sync')).toBe(true);
    expect((await run(['check', dir, '--schema', repoSchema])).code).toBe(0);
    // Stamping again changes nothing.
    const before = readFileSync(file('general/finance.fi.md'), 'utf8');
    await run(['i18n', 'stamp', '--all', '--dir', dir, '--schema', repoSchema]);
    expect(readFileSync(file('general/finance.fi.md'), 'utf8')).toBe(before);
  });

  it('names the side that is behind when one twin changes, and clears after a new stamp', async () => {
    await run(['i18n', 'stamp', '--all', '--dir', dir, '--schema', repoSchema]);
    edit('general/finance.sv.md', 'Lättare tjänster', 'Lättare och digitala tjänster');
    expect((await status()).find((row) => row.id === 'chapter-finance')).toMatchObject({ status: 'outdated', behind: 'fi' });
    const check = await run(['check', dir, '--schema', repoSchema, '--format', 'json']);
    const messages = (JSON.parse(check.out) as { messages: { file: string; ruleId: string; line: number }[] }).messages;
    expect(messages.filter((m) => m.ruleId === 'translation-outdated').map((m) => m.file)).toEqual([expect.stringMatching(/general\/finance\.fi\.md$/)]);
    expect(check.code).toBe(1);

    edit('general/finance.fi.md', 'Kevyempiä palveluja', 'Kevyempiä ja digitaalisia palveluja');
    await run(['i18n', 'stamp', 'chapter-finance', '--dir', dir, '--schema', repoSchema]);
    expect((await status()).find((row) => row.id === 'chapter-finance')?.status).toBe('in-sync');
  });

  it('does not count formatting-only edits as changes', async () => {
    await run(['i18n', 'stamp', '--all', '--dir', dir, '--schema', repoSchema]);
    edit('general/finance.sv.md', 'Verksamhetens kostnader växer snabbare än finansieringen. **Utgifterna** ska anpassas.', 'Verksamhetens kostnader växer snabbare\nän finansieringen.   __Utgifterna__ ska anpassas.\n');
    edit('general/finance.sv.md', '- Färre köptjänster\n- Lättare tjänster', '* Färre köptjänster\n* Lättare tjänster');
    expect((await status()).find((row) => row.id === 'chapter-finance')?.status).toBe('in-sync');
  });

  it('works in a shallow clone: the stamps live in the files, not in git history', async () => {
    await run(['i18n', 'stamp', '--all', '--dir', dir, '--schema', repoSchema]);
    const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, stdio: 'pipe', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' } });
    git(dir, 'init', '-q');
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'one');
    edit('general/finance.sv.md', 'Lättare tjänster', 'Lättare och digitala tjänster');
    git(dir, 'commit', '-qam', 'two');
    const clone = mkdtempSync(join(tmpdir(), 'strategy-shallow-'));
    git(tmpdir(), 'clone', '-q', '--depth', '1', `file://${dir}`, clone);
    expect(git(clone, 'rev-list', '--count', 'HEAD').toString().trim()).toBe('1');
    const rows = (JSON.parse((await run(['i18n', 'status', clone, '--schema', repoSchema, '--format', 'json'])).out) as { items: { id: string; status: string; behind?: string }[] }).items;
    expect(rows.find((row) => row.id === 'chapter-finance')).toMatchObject({ status: 'outdated', behind: 'fi' });
    expect(rows.filter((row) => row.status !== 'in-sync')).toHaveLength(1);
    rmSync(clone, { recursive: true, force: true });
  });

  it('prints the status as a table with counts', async () => {
    await run(['i18n', 'stamp', 'goal-older-home', '--dir', dir, '--schema', repoSchema]);
    const { out, code } = await run(['i18n', 'status', dir, '--schema', repoSchema]);
    expect(out).toMatch(/^item\s+status\s+file$/m);
    expect(out).toMatch(/^goal-older-home\s+in sync\s+services\/home\/goal$/m);
    expect(out).toContain('1 in sync, 12 not stamped');
    expect(code).toBe(1);
  });

  it('counts the language versions by what they are (original, translation …), as their text-status says', async () => {
    for (const [lang, state] of [['sv', 'original'], ['fi', 'translation']] as const) {
      const path = file(`services/home/goal.${lang}.md`);
      writeFileSync(path, readFileSync(path, 'utf8').replace(/^(id: .*)$/m, `$1\ntext-status: ${state}`));
    }
    const report = JSON.parse((await run(['i18n', 'status', dir, '--schema', repoSchema, '--format', 'json'])).out) as { items: { id: string; texts?: Record<string, string> }[]; counts: { texts: Record<string, Record<string, number>> } };
    expect(report.items.find((item) => item.id === 'goal-older-home')!.texts).toEqual({ sv: 'original', fi: 'translation' });
    expect(report.counts.texts['sv']!['original']).toBe(1);
    expect(report.counts.texts['fi']!['translation']).toBe(1);
    expect(report.counts.texts['fi']!['undeclared']).toBe(report.items.length - 1);
    expect((await run(['i18n', 'status', dir, '--schema', repoSchema])).out).toMatch(/^fi: \d+ undeclared, 1 translation$|^fi: 1 translation, \d+ undeclared$/m);
  });

  it('creates a missing twin to translate, and never overwrites one', async () => {
    rmSync(file('general/finance.fi.md'));
    expect((await run(['check', dir, '--schema', repoSchema, '--format', 'json'])).out).toContain('"ruleId": "twin-missing"');
    const created = await run(['i18n', 'twin', file('general/finance.sv.md'), 'fi']);
    expect(created.code).toBe(0);
    expect(existsSync(file('general/finance.fi.md'))).toBe(true);
    const report = (await run(['check', dir, '--schema', repoSchema, '--format', 'json'])).out;
    expect(report).not.toContain('"ruleId": "twin-missing"');
    expect(report).toContain('"ruleId": "wrong-language"');
    expect((await run(['i18n', 'twin', file('general/finance.sv.md'), 'fi'])).code).toBe(2);
  });
});
