import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createChecker } from '../../src/incremental/checker.ts';
import { repoRoot, repoSchema } from '../helpers/fixtures.ts';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('createChecker (what `strategy dev` re-checks with)', () => {
  it('never opens a named pipe saved under a strategy file name: it is left out, not read (a read would block)', () => {
    dir = mkdtempSync(join(tmpdir(), 'strategy-incremental-'));
    cpSync(join(repoRoot, 'test/fixtures/mini/strategy'), dir, { recursive: true });
    const checker = createChecker(dir, { schemaDir: repoSchema });
    expect(checker.result.errorCount).toBe(0);
    unlinkSync(join(dir, 'general/finance.fi.md'));
    execFileSync('mkfifo', [join(dir, 'general/finance.fi.md')]);
    const result = checker.update(['general/finance.fi.md']);
    expect(result.graph.files.some((file) => file.path === 'general/finance.fi.md')).toBe(false);
    expect(result.messages.map((m) => m.ruleId)).toContain('twin-missing');
  });
});
