/**
 * Each report format once, on one shared set of messages: errors and warnings of a file rule, a twin-pair rule (each
 * twin reported with the other as its cause), a YAML syntax error and a rule with a suggestion, from the rules'
 * own not-ok fixtures. The rules' fixtures pin only the human report (test/rules/rules.test.ts); how a message looks
 * in JSON, in GitHub's annotations, in SARIF and in GitLab's Code Quality report is pinned here, so that a change to
 * one reporter changes one expected file. SARIF's validity and its fingerprints are in sarif.test.ts.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStrategy } from '../../src/pipeline.ts';
import { formatReport, type Format } from '../../src/diagnostics/reporters.ts';
import { allRules } from '../../src/validate/all-rules.ts';
import type { VFileMessage } from 'vfile-message';
import { expectFile, repoRoot, repoSchema } from '../helpers/fixtures.ts';

const fixtures = join(repoRoot, 'test/fixtures/rules');
/** Rules whose messages make the set: one file rule, one pair rule, a syntax error, a warning with suggestions. */
const sample = ['duplicate-id', 'numbers-agree', 'yaml-syntax', 'spelling'] as const;
const extension: Record<Format, string> = { human: 'txt', json: 'json', github: 'github.txt', sarif: 'sarif.json', codequality: 'codequality.json' };

/** The messages of each sample rule's not-ok fixture, their paths relative to the fixtures' folder. */
function sharedMessages(): { messages: VFileMessage[]; fileCount: number } {
  const messages: VFileMessage[] = [];
  let fileCount = 0;
  for (const id of sample) {
    const dir = join(fixtures, id, 'not-ok');
    const result = loadStrategy(join(dir, 'strategy'), { schemaDir: repoSchema, cwd: fixtures });
    messages.push(...result.messages.filter((message) => message.ruleId === id));
    fileCount += result.graph.files.length;
  }
  return { messages, fileCount };
}

describe('the report formats, on one set of messages', () => {
  const { messages, fileCount } = sharedMessages();
  const rules = allRules.filter((rule) => (sample as readonly string[]).includes(rule.id));
  // A fixed repository, so that SARIF's and Code Quality's paths and links are the same on every machine.
  const repository = { root: fixtures, webUrl: 'https://github.com/example/strategy', ref: 'main' };

  it('has errors and warnings, with a cause and with suggestions among them', () => {
    expect(new Set(messages.map((message) => message.ruleId))).toEqual(new Set(sample));
    expect(messages.some((message) => message.fatal === true)).toBe(true);
    expect(messages.some((message) => message.fatal === false)).toBe(true);
  });

  it.each(Object.keys(extension) as Format[])('%s', (format) => {
    const output = formatReport(format, { messages, fileCount, rules, repository, cwd: fixtures });
    if (format !== 'human' && format !== 'github') expect(() => JSON.parse(output)).not.toThrow();
    expectFile(join(repoRoot, 'test/diagnostics/fixtures/reporters', `expected.${extension[format]}`), output);
  });
});
