/**
 * buildSite checks the strategy, then has Astro build the site in a process of its own. When the check fails, no such
 * process is started and the site already in the output folder stays as it was; so it does when a page fails to
 * render after others have been written.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CheckFailedError } from '../../src/pipeline.ts';
import { buildSite } from '../../src/render/site/build.ts';
import { repoRoot, repoSchema } from '../helpers/fixtures.ts';

const temp = mkdtempSync(join(tmpdir(), 'build-site-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Our child processes running Astro's build script (Linux: from /proc). */
function astroChildren(): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        return parent === process.pid && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('astro-build.ts');
      } catch {
        return false; // the process ended while we looked
      }
    })
    .map(Number);
}

describe.skipIf(!existsSync('/proc/self/stat'))('buildSite with a strategy that check refuses', () => {
  it('throws the checker’s error, writes nothing, and leaves no Astro process behind', async () => {
    const outDir = join(temp, 'site');
    await expect(buildSite({ strategyDir: join(repoRoot, 'test/fixtures/ten-faults/strategy'), schemaDir: repoSchema, outDir })).rejects.toBeInstanceOf(
      CheckFailedError,
    );
    expect(readdirSync(temp)).toEqual([]);
    // kill() is asynchronous: give the process a moment to end.
    for (let waited = 0; waited < 5000 && astroChildren().length > 0; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(astroChildren()).toEqual([]);
  });

  it('leaves the site built before as it was', async () => {
    const outDir = join(temp, 'earlier');
    mkdirSync(join(outDir, 'sv'), { recursive: true });
    writeFileSync(join(outDir, 'sv', 'index.html'), '<!doctype html><title>Förra versionen</title>');
    await expect(buildSite({ strategyDir: join(repoRoot, 'test/fixtures/ten-faults/strategy'), schemaDir: repoSchema, outDir })).rejects.toBeInstanceOf(
      CheckFailedError,
    );
    expect(readdirSync(temp).sort()).toEqual(['earlier']);
    expect(readdirSync(outDir)).toEqual(['sv']);
    expect(readFileSync(join(outDir, 'sv', 'index.html'), 'utf8')).toContain('Förra versionen');
  });
});

describe('buildSite when a page does not render', () => {
  it('names the page, and leaves the site built before as it was although other pages were rendered', async () => {
    const strategyDir = join(repoRoot, 'test/fixtures/mini/strategy');
    const { loadViewModels } = await import('../../src/view/load.ts');
    const views = loadViewModels(strategyDir, { schemaDir: repoSchema }).views;
    // Views that passed no check: one goal's list of children is not a list, and its page throws as it renders.
    const goal = Object.values(views['sv']!.items).find((item) => item.kind === 'goal' && item.children.length > 0)!;
    (goal as { children: unknown }).children = 7;
    const outDir = join(temp, 'before-broken-page');
    mkdirSync(join(outDir, 'sv'), { recursive: true });
    writeFileSync(join(outDir, 'sv', 'index.html'), '<!doctype html><title>Förra versionen</title>');
    const failed = buildSite({ strategyDir, schemaDir: repoSchema, outDir, views });
    await expect(failed).rejects.toThrow(`rendering /sv/${goal.id}/`);
    expect(readdirSync(temp).filter((name) => name.startsWith('before-broken-page'))).toEqual(['before-broken-page']);
    expect(readdirSync(outDir)).toEqual(['sv']);
    expect(readFileSync(join(outDir, 'sv', 'index.html'), 'utf8')).toContain('Förra versionen');
  });
});
