import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { main } from '../../src/cli.ts';
import { repoRoot } from '../helpers/fixtures.ts';

export { repoRoot };

/** A writable copy of a fixture strategy with schema/ beside it, in a fresh temporary folder. */
export function tempStrategy(fixture = 'test/fixtures/mini/strategy'): { root: string; dir: string; schema: string; cleanup(): void } {
  const root = mkdtempSync(join(tmpdir(), 'strategy-workflow-'));
  cpSync(join(repoRoot, fixture), join(root, 'strategy'), { recursive: true });
  cpSync(join(repoRoot, 'schema'), join(root, 'schema'), { recursive: true });
  return { root, dir: join(root, 'strategy'), schema: join(root, 'schema'), cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

export async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

/** Every file under `dir` with its bytes, by relative path. */
export function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dir, path), readFileSync(path, 'latin1'));
  }
  return files;
}
