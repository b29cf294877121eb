import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.ts';
import { repoRoot } from '../helpers/fixtures.ts';

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const tenFaults = join(repoRoot, 'test/fixtures/ten-faults/strategy');

describe('strategy check', () => {
  it('reports all ten different faults in one run, each at file:line:column, and exits 1', async () => {
    const { code, out } = await run(['check', tenFaults, '--format', 'json', '--schema', join(repoRoot, 'schema')]);
    expect(code).toBe(1);
    const report = JSON.parse(out) as { messages: { file: string; line: number; column: number; ruleId: string; severity: string }[] };
    const rules = new Set(report.messages.filter((m) => m.severity === 'error').map((m) => m.ruleId));
    expect([...rules].sort()).toEqual([
      'cycle',
      'duplicate-id',
      'encoding',
      'front-matter-schema',
      'link-target',
      'missing-front-matter',
      'parent-kind',
      'twin-missing',
      'unknown-kind',
      'yaml-syntax',
    ]);
    for (const message of report.messages) {
      expect(message.file).toMatch(/ten-faults\/strategy\/[a-z]+\.(sv|fi)\.md$/);
      expect(message.line).toBeGreaterThanOrEqual(1);
      expect(message.column).toBeGreaterThanOrEqual(1);
    }
  });

  it('prints the human report with positions, rule ids and hints', async () => {
    const { out } = await run(['check', tenFaults, '--schema', join(repoRoot, 'schema')]);
    expect(out).toMatch(/g\.sv\.md\n/);
    expect(out).toMatch(/7:23-7:34\s+error\s+Unexpected link to `value-trsut`/);
    expect(out).toContain('did you mean `value-trust`?');
  });

  it('exits 0 on a clean strategy', async () => {
    const { code, out } = await run(['check', join(repoRoot, 'test/fixtures/mini/strategy'), '--schema', join(repoRoot, 'schema')]);
    expect(out).toContain('no problems');
    expect(code).toBe(0);
  });

  it('exits 1 when warnings exceed --max-warnings', async () => {
    const dir = join(repoRoot, 'test/fixtures/rules/expected-children/not-ok/strategy');
    expect((await run(['check', dir, '--schema', join(repoRoot, 'schema')])).code).toBe(0);
    expect((await run(['check', dir, '--schema', join(repoRoot, 'schema'), '--max-warnings', '0'])).code).toBe(1);
  });

  it('exits 2 on a usage error or an unreadable schema', async () => {
    expect((await run(['check', '--format', 'xml'])).code).toBe(2);
    expect((await run(['frobnicate'])).code).toBe(2);
    const missing = await run(['check', tenFaults, '--schema', join(repoRoot, 'no-such-schema')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('no-such-schema');
    expect(missing.err).not.toMatch(/\n\s+at /);
  });
});
