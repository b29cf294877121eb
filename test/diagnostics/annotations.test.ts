import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runMain } from '../helpers/cli.ts';
import { repoRoot } from '../helpers/fixtures.ts';
import { renderSummary, type CheckReport } from '../../src/ci/summary.ts';

/** A strategy with 36 broken links (errors) and as many goals without a measure (warnings), in a fresh folder. */
function manyProblems(root: string): void {
  cpSync(join(repoRoot, 'schema'), join(root, 'schema'), { recursive: true });
  cpSync(join(repoRoot, 'test/fixtures/rules/expected-children/not-ok/strategy'), join(root, 'strategy'), { recursive: true });
  for (let n = 0; n < 6; n++) {
    for (const lang of ['sv', 'fi']) {
      const links = [0, 1, 2].map((k) => `value-missing-${n}-${k}`);
      writeFileSync(
        join(root, 'strategy', `goal-${n}.${lang}.md`),
        `---\nid: goal-extra-${n}\nkind: goal\nparent: section-a\norder: ${n + 2}\ntitle: ${lang === 'sv' ? 'Mål' : 'Tavoite'} ${n}\nvalues: [${links.join(', ')}]\n---\n`,
      );
    }
  }
}

describe('annotations on GitHub, beyond its ten per severity', () => {
  const root = mkdtempSync(join(tmpdir(), 'strategy-annotations-'));
  manyProblems(root);
  afterAll(() => {
    vi.unstubAllEnvs();
    rmSync(root, { recursive: true, force: true });
  });

  it('prints ten of each severity in GitHub Actions and a notice that counts the rest', async () => {
    const all = JSON.parse((await runMain(['check', 'strategy', '--format', 'json'], { cwd: root })).stdout) as CheckReport & { messages: { severity: string }[] };
    const errors = all.messages.filter((m) => m.severity === 'error').length;
    const warnings = all.messages.filter((m) => m.severity === 'warning').length;
    expect(errors).toBeGreaterThan(10);
    expect(warnings).toBeGreaterThan(10);
    vi.stubEnv('GITHUB_ACTIONS', 'true');
    const { stdout } = await runMain(['check', 'strategy', '--format', 'github'], { cwd: root });
    const lines = stdout.trimEnd().split('\n');
    expect(lines.filter((line) => line.startsWith('::error '))).toHaveLength(10);
    expect(lines.filter((line) => line.startsWith('::warning '))).toHaveLength(10);
    expect(lines.at(-1)).toBe(
      `::notice title=strategy check::${errors - 10} more error(s) and ${warnings - 10} more warning(s) are not shown as annotations (GitHub shows 10 of each per step)%3A the job summary lists every message, and \`npx strategy check\` prints them all`.replace('%3A', ':'),
    );
    // The job summary lists every message, not ten.
    const summary = renderSummary({ check: all });
    for (const message of all.messages as { file: string; line: number; message: string }[]) expect(summary).toContain(`\`${message.file}:${message.line}:`);
    vi.unstubAllEnvs();
    // Elsewhere (an editor's Problems panel reads the same format) every message is printed.
    const local = (await runMain(['check', 'strategy', '--format', 'github'], { cwd: root })).stdout.trimEnd().split('\n');
    expect(local).toHaveLength(errors + warnings);
  });

  it('takes warnings schema/project.json acknowledges out of the count and the annotations, shows them as acknowledged, and names an acknowledgement that matches nothing', async () => {
    const before = JSON.parse((await runMain(['check', 'strategy', '--format', 'json'], { cwd: root })).stdout) as { summary: { warnings: number } };
    const project = join(root, 'schema/project.json');
    const config = JSON.parse(readFileSync(project, 'utf8')) as Record<string, unknown>;
    writeFileSync(project, JSON.stringify({ ...config, acknowledged: [{ rule: 'expected-children', id: 'goal-a', reason: 'The council decides the measure in June.' }, { rule: 'unlinked-target', id: 'goal-a', reason: 'Old.' }] }));
    const json = JSON.parse((await runMain(['check', 'strategy', '--format', 'json'], { cwd: root })).stdout) as { summary: { acknowledged: number; warnings: number }; messages: { ruleId: string; file: string }[]; acknowledged: { ruleId: string; reason: string }[] };
    expect(json.summary).toMatchObject({ acknowledged: 2, warnings: before.summary.warnings - 2 });
    expect(json.acknowledged).toEqual([expect.objectContaining({ ruleId: 'expected-children', reason: 'The council decides the measure in June.' }), expect.objectContaining({ ruleId: 'expected-children' })]);
    expect(json.messages.some((m) => m.ruleId === 'expected-children' && /goal-a|\/g\./.test(m.file))).toBe(false);
    const human = (await runMain(['check', 'strategy'], { cwd: root })).stdout;
    expect(human).toContain('2 acknowledged warning(s) not counted');
    expect(human).toContain('schema/project.json acknowledges `unlinked-target` on `goal-a`, which check no longer reports: remove that entry');
    vi.stubEnv('GITHUB_ACTIONS', 'true');
    const github = (await runMain(['check', 'strategy', '--format', 'github'], { cwd: root })).stdout;
    expect(github).not.toMatch(/file=strategy\/g\.(sv|fi)\.md,[^\n]*title=expected-children/);
    const sarif = JSON.parse((await runMain(['check', 'strategy', '--format', 'sarif'], { cwd: root })).stdout) as { runs: { results: { ruleId: string; suppressions?: { kind: string; justification: string }[] }[] }[] };
    const suppressed = sarif.runs[0]!.results.filter((result) => result.suppressions);
    expect(suppressed.map((result) => [result.ruleId, result.suppressions![0]!.justification])).toEqual([
      ['expected-children', 'The council decides the measure in June.'],
      ['expected-children', 'The council decides the measure in June.'],
    ]);
  });
});
