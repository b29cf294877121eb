/**
 * The real strategy against its approved predecessor: the 2025–2029 draft in strategy/ compared with the 2025–2027
 * strategy as the council approved it on 11.03.2024 § 8 (versions/2025-2027/). The summary is committed, reviewed, in
 * docs/changes-since-2025-2027.md; `diff` and the build's changes page and redline (the view models) must say the same.
 * After an intended change to strategy/, regenerate it (README, "Use") and review what it says.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.ts';
import { repoRoot } from '../helpers/fixtures.ts';
import { loadViewModels } from '../../src/view/load.ts';
import { COUNTS } from '../../src/changes/compare.ts';

const reviewed = readFileSync(join(repoRoot, 'docs/changes-since-2025-2027.md'), 'utf8');

describe('the 2025–2029 strategy against the decision of 11.03.2024 § 8', () => {
  it('gives exactly the reviewed summary', async () => {
    const run = await runMain(['diff', '2025-2027', '--format', 'markdown', '--brief'], { cwd: repoRoot });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(reviewed);
  });

  it('is what the build puts on the changes page and in the redline, in both languages', () => {
    // The reviewed table: kind | added | removed | changed | moved | split | merged.
    const rows = [...reviewed.matchAll(/^\| ([\w-]+) \| ([\d |]+) \|$/gm)].map((m) => [m[1], m[2]!.split(' | ').map(Number)] as const);
    const items = [...reviewed.matchAll(/^- \*\*[^*]+\*\* [\w-]+ `([^`]+)`/gm)].map((m) => m[1]);
    expect(rows.length).toBeGreaterThan(5);
    const { views } = loadViewModels(join(repoRoot, 'strategy'));
    for (const view of Object.values(views)) {
      const changes = view.changes!;
      expect(changes.title).toBe(view.lang === 'sv' ? 'Ändringar jämfört med beslutet 11.03.2024 § 8' : 'Muutokset 11.03.2024 § 8 päätökseen verrattuna');
      expect(changes.summary.map((row) => [row.kind, COUNTS.map((count) => row.counts[count])])).toEqual(rows);
      expect(changes.items.map((item) => item.id)).toEqual(items);
    }
  });

  it('ends quietly when its reader stops reading (strategy diff … | head)', () => {
    // As an editor types it: the shell's pipe, which `head` closes after its first lines.
    const run = spawnSync('bash', ['-c', `"${process.execPath}" bin/strategy.js diff 2025-2027 --format markdown | head -n 2 > /dev/null; echo "exit \${PIPESTATUS[0]}"`], { cwd: repoRoot, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('exit 0\n');
  });
});
