import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

export const repoRoot = new URL('../../', import.meta.url).pathname.replace(/\/$/, '');
export const repoSchema = join(repoRoot, 'schema');

/** Sub-folders of a fixture folder, sorted. */
export function folders(dir: string): string[] {
  return existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];
}

/** Compares with an expected file beside the fixture; `UPDATE=1` rewrites it, and the diff is reviewed like code. */
export function expectFile(path: string, actual: string): void {
  if (process.env['UPDATE'] === '1' || !existsSync(path)) {
    if (process.env['UPDATE'] !== '1' && process.env['CI']) throw new Error(`Missing expected file ${path}; run with UPDATE=1`);
    writeFileSync(path, actual);
    return;
  }
  expect(actual).toBe(readFileSync(path, 'utf8'));
}
