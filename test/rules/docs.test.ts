import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../src/validate/all-rules.ts';
import { folders, repoRoot } from '../helpers/fixtures.ts';

const docs = readFileSync(join(repoRoot, 'docs/rules.md'), 'utf8');

describe('rule documentation and fixtures', () => {
  it.each(allRules.map((rule) => rule.id))('%s has a section in docs/rules.md and ok/not-ok fixtures', (id) => {
    expect(docs).toMatch(new RegExp(`^### ${id}$`, 'm'));
    const cases = folders(join(repoRoot, 'test/fixtures/rules', id));
    expect(cases.some((c) => c.startsWith('ok'))).toBe(true);
    expect(cases.some((c) => c.startsWith('not-ok'))).toBe(true);
  });
});
