import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The Node flags `strategy` runs with: what follows `node` in the shebang of bin/strategy.js. */
export function cliNodeFlags(repoRoot: string): string[] {
  const shebang = readFileSync(join(repoRoot, 'bin/strategy.js'), 'utf8').split('\n')[0]!;
  return shebang.replace(/^#!.*?\bnode\b/, '').trim().split(/\s+/).filter(Boolean);
}
