import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { GlossaryEntry } from '../model/types.ts';

/** The termbase: `glossary.yaml` in the strategy folder (named in schema/project.json), a list of `{ id, sv: [...], fi: [...], note? }`. */
export function loadGlossary(strategyDir: string, file: string | undefined): GlossaryEntry[] {
  if (!file) return [];
  const path = join(strategyDir, file);
  if (!existsSync(path)) return [];
  const raw = parseYaml(readFileSync(path, 'utf8')) as unknown;
  const list = Array.isArray(raw) ? raw : [];
  return list.flatMap((entry): GlossaryEntry[] => {
    if (!entry || typeof entry !== 'object' || typeof entry.id !== 'string') return [];
    const terms: Record<string, string[]> = {};
    for (const [key, value] of Object.entries(entry as Record<string, unknown>)) {
      if (key === 'id' || key === 'note') continue;
      terms[key] = (Array.isArray(value) ? value : [value]).map(String);
    }
    return [{ id: entry.id, terms, ...(typeof entry.note === 'string' ? { note: entry.note } : {}) }];
  });
}
