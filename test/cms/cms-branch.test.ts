import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { branchChanges, cmsBranchNote, reconcileCmsEdits } from '../../src/ci/cms-branch.ts';
import { loadStrategy } from '../../src/pipeline.ts';
import { repoRoot, tempStrategy } from '../workflow/helpers.ts';

const git = (cwd: string, ...args: string[]) => {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 't@example.invalid' } });
  if (result.status !== 0) throw new Error(result.stderr);
  return result.stdout;
};

/** Replaces one line of a file, as the CMS saves a field. */
function edit(path: string, from: string, to: string): void {
  const text = readFileSync(path, 'utf8');
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
}

describe('the workflow step on a CMS branch', () => {
  const strategy = tempStrategy();
  afterAll(() => strategy.cleanup());

  it('stamps what the CMS changed in both languages, and leaves a translator what it changed in one', () => {
    git(strategy.root, 'init', '-q', '-b', 'main');
    git(strategy.root, 'add', '.');
    git(strategy.root, 'commit', '-q', '-m', 'base');
    git(strategy.root, 'checkout', '-q', '-b', 'cms/goal/services/home/goal');
    // The goal edited in both languages; the value only in Swedish, its Finnish file re-saved by the CMS with the
    // same content written another way (the CMS writes YAML as it likes).
    edit(join(strategy.dir, 'services/home/goal.sv.md'), 'title: Allt fler äldre bor hemma', 'title: Allt fler äldre bor tryggt hemma');
    edit(join(strategy.dir, 'services/home/goal.fi.md'), 'title: Yhä useampi ikääntynyt asuu kotona', 'title: Yhä useampi ikääntynyt asuu turvallisesti kotona');
    const valueSv = join(strategy.dir, 'framing/value-trust.sv.md');
    const valueFi = join(strategy.dir, 'framing/value-trust.fi.md');
    const titleSv = /^title: (.*)$/m.exec(readFileSync(valueSv, 'utf8'))![1]!;
    edit(valueSv, `title: ${titleSv}`, `title: ${titleSv} och öppenhet`);
    const titleFi = /^title: (.*)$/m.exec(readFileSync(valueFi, 'utf8'))![1]!;
    edit(valueFi, `title: ${titleFi}`, `title: "${titleFi}"`);
    git(strategy.root, 'commit', '-q', '-am', 'CMS edit');
    expect(loadStrategy(strategy.dir, { schemaDir: strategy.schema }).messages.filter((m) => m.ruleId === 'translation-outdated')).toHaveLength(3);

    const { changed, baseHash } = branchChanges(strategy.dir, 'main');
    expect([...changed].sort()).toEqual(['framing/value-trust.fi.md', 'framing/value-trust.sv.md', 'services/home/goal.fi.md', 'services/home/goal.sv.md']);
    const result = reconcileCmsEdits(strategy.dir, changed, baseHash, strategy.schema);
    expect(result.stamped).toEqual(['goal-older-home']);
    expect(result.left).toEqual([{ id: 'value-trust', unchanged: 'fi' }]);

    const after = loadStrategy(strategy.dir, { schemaDir: strategy.schema });
    const outdated = after.messages.filter((m) => m.ruleId === 'translation-outdated').map((m) => m.file);
    expect(outdated).toEqual([expect.stringMatching(/framing\/value-trust\.fi\.md$/)]);
    const note = cmsBranchNote(result);
    expect(note).toContain('Stamped as reconciled: `goal-older-home`.');
    expect(note).toContain('- `value-trust`: the fi text is unchanged');
    expect(note).toMatch(/This is safe because the CMS edits both language versions of an item side by side/);
  });

  it('runs in the workflow on CMS branches of the repository, before the check, which checks the stamped commit', () => {
    const workflow = parse(readFileSync(join(repoRoot, '.github/workflows/strategy.yml'), 'utf8')) as {
      jobs: Record<string, { if?: string; needs?: string; permissions?: Record<string, string>; steps: { run?: string; with?: Record<string, string> }[] }>;
    };
    const job = workflow.jobs['cms-stamps']!;
    expect(job.if).toContain("startsWith(github.head_ref, 'cms/')");
    expect(job.if).toContain('github.event.pull_request.head.repo.full_name == github.repository');
    expect(job.permissions).toEqual({ contents: 'write' });
    const runs = job.steps.map((step) => step.run ?? '').join('\n');
    expect(runs).toContain('node src/ci/cms-branch.ts --base "origin/$BASE_REF" --lang "$STRATEGY_LANG" >> "$GITHUB_STEP_SUMMARY"');
    expect(runs).toMatch(/git push -q origin "HEAD:\$GITHUB_HEAD_REF"/);
    const check = workflow.jobs['check-and-build']!;
    expect(check.needs).toBe('cms-stamps');
    expect(check.steps[0]!.with?.['ref']).toContain('needs.cms-stamps.outputs.commit');
  });
});
