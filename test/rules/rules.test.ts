import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStrategy } from '../../src/pipeline.ts';
import { formatReport } from '../../src/diagnostics/reporters.ts';
import { allRules } from '../../src/validate/all-rules.ts';
import { expectFile, folders, repoRoot, repoSchema } from '../helpers/fixtures.ts';

const fixtures = join(repoRoot, 'test/fixtures/rules');
// Each rule's report is pinned as people read it; the other formats are pinned once, on a shared set of messages
// (test/diagnostics/reporters.test.ts).

describe.each(folders(fixtures))('rule %s', (ruleId) => {
  const rule = allRules.find((r) => r.id === ruleId);

  it('is a rule check runs, documented in docs/rules.md', () => {
    expect(rule, `no rule with id ${ruleId}`).toBeDefined();
  });

  for (const fixture of folders(join(fixtures, ruleId))) {
    const dir = join(fixtures, ruleId, fixture);
    const schemaDir = existsSync(join(dir, 'schema')) ? join(dir, 'schema') : repoSchema;
    const load = () => {
      const result = loadStrategy(join(dir, 'strategy'), { schemaDir, cwd: dir });
      return Object.assign(result.messages.filter((m) => m.ruleId === ruleId), { fileCount: result.graph.files.length });
    };

    if (fixture.startsWith('ok')) {
      it(`${fixture}: reports nothing`, () => {
        expect(load().map((m) => `${m.line}:${m.column} ${m.reason}`)).toEqual([]);
      });
    } else {
      it(`${fixture}: reports the expected messages`, () => {
        const messages = load();
        expect(messages.length).toBeGreaterThan(0);
        expectFile(join(dir, 'expected.txt'), formatReport('human', { messages, fileCount: messages.fileCount, rules: rule ? [rule] : [], cwd: dir }));
      });
    }
  }
});
