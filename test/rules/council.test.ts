/**
 * Before the council decides: `check --council` fails on the shipped draft while it holds open questions and
 * unreviewed translations, and passes a strategy without them; a draft is checked as usual without the flag.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.ts';
import { repoRoot, repoSchema } from '../helpers/fixtures.ts';

const json = async (args: string[]) => {
  const run = await runMain(['check', ...args, '--format', 'json', '--lang', 'en'], { cwd: repoRoot });
  return { code: run.code, messages: (JSON.parse(run.stdout) as { messages: { ruleId: string; message: string }[] }).messages.filter((m) => m.ruleId === 'council-readiness') };
};

describe('check --council', () => {
  it('fails on the shipped draft, naming its open questions and its unreviewed translations', async () => {
    const plain = await json(['strategy']);
    expect(plain.code).toBe(0);
    expect(plain.messages).toEqual([]);
    const council = await json(['strategy', '--council']);
    expect(council.code).toBe(1);
    expect(council.messages.some((m) => m.message.startsWith('Unexpected open question'))).toBe(true);
    expect(council.messages.some((m) => /translation nobody has reviewed \(checked for the council\)/.test(m.message))).toBe(true);
  });

  it('passes a strategy whose texts are the county’s own or reviewed, with no open question', async () => {
    const ok = await json([join(repoRoot, 'test/fixtures/rules/council-readiness/ok/strategy'), '--schema', repoSchema, '--council']);
    expect(ok.messages).toEqual([]);
  });
});
