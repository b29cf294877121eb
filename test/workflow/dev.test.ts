import { cpSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runDev } from '../../src/commands/dev.ts';
import { watchStrategy } from '../../src/commands/dev/watch-strategy.ts';
import type { LoadResult } from '../../src/pipeline.ts';
import { tempStrategy } from './helpers.ts';

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
});

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function until(condition: () => boolean, timeoutMs = 5000): Promise<number> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeoutMs) throw new Error('timed out');
    await sleep(10);
  }
  return performance.now() - start;
}

/** Saves the way many editors (and sed -i, git checkout) do: a temporary file renamed over the old one. */
function saveAtomically(path: string, text: string): void {
  writeFileSync(`${path}.tmp~`, text);
  renameSync(`${path}.tmp~`, path);
}

describe('strategy dev --no-site', () => {
  it('re-checks on every save and shows a broken link appear and go away', async () => {
    const fixture = tempStrategy();
    cleanup = fixture.cleanup;
    let out = '';
    const io = { out: (t: string) => (out += t), err: (t: string) => (out += t) };
    const controller = new AbortController();
    const running = runDev([fixture.dir, '--no-site', '--schema', fixture.schema], io, controller.signal);
    await until(() => out.includes('watching'));
    expect(out).toMatch(/[✔⚠] 0 errors, \d+ warnings? in \d+ files, checked in \d+ ms/);
    await sleep(100);

    const goal = join(fixture.dir, 'services/home/goal.sv.md');
    const original = readFileSync(goal, 'utf8');
    const broken = original.replace('values: [value-trust, value-security]', 'values: [value-trust, value-secrity]');
    let mark = out.length;
    saveAtomically(goal, broken);
    await until(() => /re-checked after services\/home\/goal\.sv\.md/.test(out.slice(mark)));
    const report = out.slice(mark);
    expect(report).toContain('Unexpected link to `value-secrity` in `values`, expected the id of an existing `value`');
    expect(report).toContain('did you mean `value-security`?');
    expect(report).toMatch(/✖ \d+ errors?, \d+ warnings? in \d+ files, re-checked after services\/home\/goal\.sv\.md in \d+ ms/);

    // Fixed in place this time (a plain write): the diagnostic goes away.
    mark = out.length;
    writeFileSync(goal, original);
    await until(() => /re-checked after/.test(out.slice(mark)));
    expect(out.slice(mark)).not.toContain('value-secrity');
    expect(out.slice(mark)).toMatch(/[✔⚠] 0 errors, \d+ warnings? in \d+ files, re-checked after services\/home\/goal\.sv\.md/);

    // And once more, after the file was replaced: edits of a replaced file still arrive.
    mark = out.length;
    saveAtomically(goal, broken);
    await until(() => /re-checked after/.test(out.slice(mark)));
    mark = out.length;
    writeFileSync(goal, original);
    await until(() => /re-checked after/.test(out.slice(mark)));
    expect(out.slice(mark)).toMatch(/[✔⚠] 0 errors/);

    controller.abort();
    expect(await running).toBe(0);
    expect(out.endsWith('stopped\n')).toBe(true);
  });

  it('notices folders that appear with strategy files in them, and that vanish', async () => {
    const fixture = tempStrategy();
    cleanup = fixture.cleanup;
    const results: { result: LoadResult; changed: readonly string[] }[] = [];
    const watcher = watchStrategy({ dir: fixture.dir, schemaDir: fixture.schema, onResult: (result, changed) => results.push({ result, changed }) });
    try {
      const count = results[0]!.result.graph.files.length;
      await sleep(100);
      // A folder prepared elsewhere and moved in whole, as a git checkout or a file manager does.
      const outside = join(fixture.root, 'prepared');
      mkdirSync(join(outside, 'extra'), { recursive: true });
      for (const lang of ['sv', 'fi']) cpSync(join(fixture.dir, `services/home/robots.${lang}.md`), join(outside, `extra/copy.${lang}.md`));
      renameSync(outside, join(fixture.dir, 'more'));
      await until(() => results.at(-1)!.result.graph.files.length === count + 2);
      expect(results.at(-1)!.result.messages.some((m) => m.ruleId === 'duplicate-id')).toBe(true);

      rmSync(join(fixture.dir, 'more'), { recursive: true });
      await until(() => results.at(-1)!.result.graph.files.length === count);
      expect(results.at(-1)!.result.errorCount).toBe(0);
    } finally {
      watcher.close();
    }
  });
});
