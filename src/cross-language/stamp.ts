/** Whether each pair's translation stamp (`twin-hash`) still matches its twin; src/edit/stamp.ts writes it. */
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
