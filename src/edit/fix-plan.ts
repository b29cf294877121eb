/**
 * The safe repairs of `strategy fix`, computed in memory: whitespace and Unicode normalisation, copying
 * language-neutral front-matter from one language's files to their twins, and (on request) missing
 * translation stamps. Text (titles, bodies and every other translatable field) is never changed.
 */
import { t } from '../messages/index.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { discover } from '../load/discover.ts';
import { parseFile } from '../parse/parse-file.ts';
import { sameData } from '../model/twins.ts';
import type { SchemaSet } from '../model/types.ts';
import { fileHash } from '../cross-language/file-view.ts';
import { editFields, fieldLines, splitFrontMatter, joinFrontMatter, yamlData, type FieldChanges } from './front-matter.ts';
import { normaliseText } from './normalise.ts';

export interface FixOptions {
  /** Copy language-neutral front-matter from this language's files to their twins. */
  from?: string;
  /** Add `twin-hash` to files that have none. */
  stamp?: boolean;
}

export interface FileFix {
  /** Relative to the strategy root. */
  path: string;
  original: string;
  text: string;
  /** What changes, in words. */
  notes: string[];
}

export interface FixPlan {
  /** Files whose text changes, in path order. */
  changes: FileFix[];
  /** Files left alone, and why. */
  skipped: { path: string; reason: string }[];
}

const decoder = new TextDecoder('utf-8', { fatal: true });

interface Entry {
  path: string;
  lang: string;
  stem: string;
  original: string;
  text: string;
  notes: string[];
}

function copyNeutralData(source: Entry, target: Entry, schema: SchemaSet, skipped: FixPlan['skipped']): void {
  const sourceParts = splitFrontMatter(source.text);
  const targetParts = splitFrontMatter(target.text);
  if (!sourceParts || !targetParts) return;
  const sourceData = yamlData(sourceParts.yaml);
  const targetData = yamlData(targetParts.yaml);
  if (!sourceData) return void skipped.push({ path: target.path, reason: t('fix.skip.source-yaml', { lang: source.lang }) });
  if (!targetData) return void skipped.push({ path: target.path, reason: t('fix.skip.yaml') });
  const kind = typeof sourceData['kind'] === 'string' ? schema.kinds.get(sourceData['kind']) : undefined;
  if (!kind) return void skipped.push({ path: target.path, reason: t('fix.skip.kind', { lang: source.lang }) });

  const lines = fieldLines(sourceParts.yaml);
  const changes = new Map<string, { value: unknown; lines?: string }>();
  for (const field of new Set([...Object.keys(sourceData), ...Object.keys(targetData)])) {
    if (kind.translatableFields.has(field)) continue;
    if (sameData(sourceData[field], targetData[field])) continue;
    const verbatim = lines.get(field);
    changes.set(field, verbatim === undefined ? { value: sourceData[field] } : { value: sourceData[field], lines: verbatim });
  }
  if (changes.size === 0) return;
  const result = editFields(targetParts.yaml, changes as FieldChanges, Object.keys(sourceData));
  if (!result) return void skipped.push({ path: target.path, reason: t('fix.skip.edit') });
  target.text = joinFrontMatter({ ...targetParts, yaml: result.yaml });
  const names = [...changes.keys()].map((field) => (changes.get(field)!.value === undefined ? `${field} (removed)` : field));
  target.notes.push(t('fix.note.copied', { lang: source.lang, fields: names.join(', ') }));
  if (result.method === 'document') target.notes.push(t('fix.note.reprinted'));
}

function addStamp(entry: Entry, twin: Entry): void {
  const parts = splitFrontMatter(entry.text);
  if (!parts) return;
  const data = yamlData(parts.yaml);
  if (!data || data['twin-hash'] !== undefined) return;
  const twinFile = parseFile({ path: twin.path, lang: twin.lang, stem: twin.stem }, new TextEncoder().encode(twin.text));
  if (!twinFile.data || twinFile.problems.length > 0) return;
  const hash = fileHash(twinFile);
  const result = editFields(parts.yaml, new Map([['twin-hash', { value: hash }]]));
  if (!result) return;
  entry.text = joinFrontMatter({ ...parts, yaml: result.yaml });
  entry.notes.push(t('fix.note.stamp', { lang: twin.lang }));
}

export function planFixes(strategyRoot: string, schema: SchemaSet, options: FixOptions = {}): FixPlan {
  const { languages } = schema.project;
  const skipped: FixPlan['skipped'] = [];
  const entries: Entry[] = [];
  const found = discover(strategyRoot, languages);
  // A link named like a strategy file is never read, so never repaired: say so rather than pass it over.
  for (const odd of found.oddities) if (odd.what === 'symlink') skipped.push({ path: odd.path, reason: t('fix.skip.link') });
  for (const name of found.files) {
    const bytes = readFileSync(join(strategyRoot, name.path));
    let original: string;
    try {
      original = decoder.decode(bytes);
    } catch {
      skipped.push({ path: name.path, reason: t('fix.skip.encoding') });
      continue;
    }
    // TextDecoder drops a byte order mark; keep it visible so that normalisation can report its removal.
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) original = `\uFEFF${original}`;
    const normalised = normaliseText(original);
    entries.push({ path: name.path, lang: name.lang, stem: name.stem, original, text: normalised.text, notes: normalised.notes });
  }

  const byStem = new Map<string, Map<string, Entry>>();
  for (const entry of entries) {
    let twins = byStem.get(entry.stem);
    if (!twins) byStem.set(entry.stem, (twins = new Map()));
    twins.set(entry.lang, entry);
  }
  if (options.from) {
    for (const twins of byStem.values()) {
      const source = twins.get(options.from);
      if (!source) continue;
      for (const target of twins.values()) if (target !== source) copyNeutralData(source, target, schema, skipped);
    }
  }
  if (options.stamp) {
    // Stamps are computed last, from the final text of each twin.
    const [first, ...others] = languages;
    for (const twins of byStem.values()) {
      const a = first === undefined ? undefined : twins.get(first);
      if (!a) continue;
      for (const lang of others) {
        const b = twins.get(lang);
        if (!b) continue;
        addStamp(a, b);
        addStamp(b, a);
      }
    }
  }
  const changes = entries.filter((entry) => entry.text !== entry.original).map(({ path, original, text, notes }) => ({ path, original, text, notes }));
  return { changes, skipped };
}
