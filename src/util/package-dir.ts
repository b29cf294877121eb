import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { t } from '../messages/index.ts';

/**
 * The folder an npm package is installed in, looked up the way Node looks up a package from this module. For files
 * a package does not export (Pagefind's command line), which its `exports` map would refuse.
 */
export function packageDirectory(name: string): string {
  for (const dir of createRequire(import.meta.url).resolve.paths(name) ?? []) {
    if (existsSync(join(dir, name, 'package.json'))) return join(dir, name);
  }
  throw new Error(t('env.not-installed', { name }));
}
