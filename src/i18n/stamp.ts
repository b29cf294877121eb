import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { t } from '../messages/index.ts';
import { editFields, joinFrontMatter, splitFrontMatter } from '../edit/front-matter.ts';
import { fileHash } from './file-view.ts';
import { twinPairs } from '../model/twins.ts';
import type { SourceFile, StrategyGraph } from '../model/types.ts';

export type PairStatus = 'in-sync' | 'outdated' | 'both-changed' | 'unstamped' | 'missing';

export interface TranslationStatus {
  id: string;
  stem: string;
  status: PairStatus;
  /** For `outdated`: the language whose text is behind. For `missing`: the missing language. */
  behind?: string;
}

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

export function pairStatus(a: SourceFile, b: SourceFile): Pick<TranslationStatus, 'status' | 'behind'> {
  const stampA = a.data?.['twin-hash'];
  const stampB = b.data?.['twin-hash'];
  if (typeof stampA !== 'string' || typeof stampB !== 'string') return { status: 'unstamped' };
  const aChanged = stampB !== fileHash(a);
  const bChanged = stampA !== fileHash(b);
  if (aChanged && bChanged) return { status: 'both-changed' };
  if (aChanged) return { status: 'outdated', behind: b.lang };
  if (bChanged) return { status: 'outdated', behind: a.lang };
  return { status: 'in-sync' };
}

/** Per item: in sync, outdated (which side), unstamped, or missing a language. */
export function translationStatus(graph: StrategyGraph): TranslationStatus[] {
  const rows: TranslationStatus[] = [];
  const idOf = (file: SourceFile) => String(file.data?.['id'] ?? file.stem);
  for (const [stem, versions] of graph.twins) {
    for (const lang of graph.schema.project.languages) {
      if (versions.has(lang)) continue;
      rows.push({ id: idOf(versions.values().next().value!), stem, status: 'missing', behind: lang });
    }
  }
  for (const [a, b] of twinPairs(graph)) rows.push({ id: idOf(a), stem: a.stem, ...pairStatus(a, b) });
  return rows.sort((x, y) => (x.stem < y.stem ? -1 : x.stem > y.stem ? 1 : 0));
}
