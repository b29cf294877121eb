/**
 * buildSite starts Astro's build process before it checks the strategy (so that Astro loads meanwhile). When the
 * check fails, that process must not outlive the call, and nothing may be written.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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
        return parent === process.pid && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('astro-build.mjs');
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
    expect(existsSync(outDir)).toBe(false);
    // kill() is asynchronous: give the process a moment to end.
    for (let waited = 0; waited < 5000 && astroChildren().length > 0; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(astroChildren()).toEqual([]);
  });
});
