import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { loadStrategy } from '../../src/pipeline.ts';
import { spellers } from '../../src/spelling/index.ts';
import { repoRoot, repoSchema } from '../helpers/fixtures.ts';

// A machine without Voikko: the Finnish checker is there but cannot open its library.
vi.mock('../../src/spelling/index.ts', async (original) => {
  const { spellers } = await original<typeof import('../../src/spelling/index.ts')>();
  const missing = { lang: 'fi', available: () => false, unavailableReason: () => 'libvoikko (libvoikko.so.1) is not installed', correct: () => true, suggest: () => [] };
  return { spellers: new Map([...spellers, ['fi', missing]]) };
});

describe.runIf(spellers.get('sv')!.available())('spelling where Voikko is missing', () => {
  it('says so once, on the first Finnish file, and checks the Swedish files as usual', () => {
    const messages = loadStrategy(join(repoRoot, 'test/fixtures/rules/spelling/not-ok/strategy'), { schemaDir: repoSchema, cwd: repoRoot }).messages.filter((m) => m.ruleId === 'spelling');
    const finnish = messages.filter((m) => m.file?.endsWith('.fi.md'));
    expect(finnish.map((m) => `${m.file}:${m.line}:${m.column} ${m.reason}`)).toEqual([
      'test/fixtures/rules/spelling/not-ok/strategy/c.fi.md:1:1 Unexpected: the spelling of the fi files is not checked, libvoikko (libvoikko.so.1) is not installed; expected a spelling checker for fi',
    ]);
    expect(finnish[0]!.note).toContain('apt-get install libvoikko1 voikko-fi');
    expect(messages.some((m) => m.file?.endsWith('c.sv.md') && m.reason.includes('`invånanra`'))).toBe(true);
  });
});
