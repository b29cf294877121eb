/** Writing the translation stamp (`twin-hash`) into both files of a pair; src/cross-language/stamp.ts reads it back. */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { t } from '../messages/index.ts';
import { editFields, joinFrontMatter, splitFrontMatter } from './front-matter.ts';
import { fileHash } from '../cross-language/file-view.ts';
import type { SourceFile } from '../model/types.ts';

/**
 * Sets a top-level scalar field of the front-matter by replacing its one line (or adding it), so every other line,
 * comment and style stays exactly as the editor wrote it. Atomic: temp file, then rename.
 */
export function writeFrontMatterLine(path: string, field: string, value: string): boolean {
  const shown = (file: string) => relative(process.cwd(), file) || file;
  const text = readFileSync(path, 'utf8');
  const parts = splitFrontMatter(text);
  if (!parts) throw new Error(t('stamp.no-front-matter', { path: shown(path) }));
  const eol = parts.open.endsWith('\r\n') ? '\r\n' : '\n';
  // Quoted: a hash such as 123e4567 would otherwise read as a number.
  const edit = editFields(parts.yaml, new Map([[field, { value, lines: `${field}: ${JSON.stringify(value)}${eol}` }]]));
  if (!edit) throw new Error(t('stamp.yaml', { path: shown(path) }));
  if (edit.yaml === parts.yaml) return false;
  const temp = `${path}.tmp-${process.pid}`;
  writeFileSync(temp, joinFrontMatter({ ...parts, yaml: edit.yaml }));
  renameSync(temp, path);
  return true;
}

/** Records that a pair is reconciled: each file gets the hash of its twin's current content. */
export function stampPair(strategyDir: string, a: SourceFile, b: SourceFile): string[] {
  const changed: string[] = [];
  if (writeFrontMatterLine(join(strategyDir, a.path), 'twin-hash', fileHash(b))) changed.push(a.path);
  if (writeFrontMatterLine(join(strategyDir, b.path), 'twin-hash', fileHash(a))) changed.push(b.path);
  return changed;
}
