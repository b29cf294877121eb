import { readFileSync, lstatSync } from 'node:fs';
import { t } from '../messages/index.ts';
import { join } from 'node:path';
import { LineCounter, isMap, isSeq, parseDocument } from 'yaml';
import type { GlossaryEntry, GlossaryFields, ParseProblem, Place } from '../model/types.ts';
import { maxFileBytes } from '../parse/parse-file.ts';

export interface GlossaryRead {
  entries: GlossaryEntry[];
  /** Why the file, or part of it, could not be read: reported like a strategy file's problems. Never thrown. */
  problems: ParseProblem[];
  /** The file's path, when the project names one. */
  path: string | undefined;
  /** The file's text, when it could be read: messages about an entry quote it. */
  text?: string;
}

const startOfFile = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };

/** The fields of an entry where no glossary schema names them: one per language, `id`, `definition`, `source`, `note`. */
export const defaultGlossaryFields: GlossaryFields = { id: 'id', terms: { sv: 'sv', fi: 'fi' }, definition: 'definition', source: 'source', note: 'note' };

/**
 * The termbase: `glossary.yaml` in the strategy folder (named in schema/project.json), a list of entries
 * `{ id, sv: [...], fi: [...], definition: { sv, fi }, source?, note? }`, under the field names that
 * schema/glossary.schema.json gives them (`fields`).
 */
export function readGlossary(strategyDir: string, file: string | undefined, fields: GlossaryFields = defaultGlossaryFields): GlossaryRead {
  if (!file) return { entries: [], problems: [], path: undefined };
  const path = join(strategyDir, file);
  const problems: ParseProblem[] = [];
  let text: string | undefined;
  const done = (entries: GlossaryEntry[] = []): GlossaryRead => ({ entries, problems, path, ...(text !== undefined ? { text } : {}) });
  let stat;
  try {
    stat = lstatSync(path);
  } catch {
    return done();
  }
  // As for strategy files: a link could point outside the repository, and a directory or a device cannot be read.
  if (!stat.isFile()) {
    problems.push({ ruleId: 'file-type', message: t(stat.isSymbolicLink() ? 'file-type.glossary.symlink' : stat.isDirectory() ? 'file-type.glossary.directory' : 'file-type.glossary.special'), place: startOfFile });
    return done();
  }
  if (stat.size > maxFileBytes) {
    problems.push({ ruleId: 'file-size', message: t('file-size.glossary', { size: (stat.size / 1024 / 1024).toFixed(1), max: maxFileBytes / 1024 / 1024 }), place: startOfFile });
    return done();
  }
  const lineCounter = new LineCounter();
  const place = (range: readonly number[] | undefined) => {
    if (!range || typeof range[0] !== 'number') return startOfFile;
    const start = lineCounter.linePos(range[0]);
    const end = lineCounter.linePos(range[1] ?? range[0]);
    return { start: { line: start.line, column: start.col }, end: { line: end.line, column: end.col } };
  };
  text = readFileSync(path, 'utf8');
  const yaml = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true, logLevel: 'error' });
  for (const error of yaml.errors) problems.push({ ruleId: 'yaml-syntax', message: t('yaml-syntax.glossary', { detail: error.message.split('\n')[0]! }), place: place(error.pos) });
  if (yaml.errors.length > 0) return done();
  let raw: unknown;
  try {
    raw = yaml.toJS({ maxAliasCount: 50 });
  } catch (error) {
    problems.push({ ruleId: 'yaml-syntax', message: t('yaml-syntax.glossary', { detail: (error as Error).message }), place: startOfFile, hint: t('yaml-syntax.aliases.hint') });
    return done();
  }
  const list = Array.isArray(raw) ? raw : [];
  // Each term's place in the file, from the YAML nodes, so that a message about a term points at it.
  const nodes = isSeq(yaml.contents) ? yaml.contents.items : [];
  return done(
    list.flatMap((entry, index): GlossaryEntry[] => {
      if (!entry || typeof entry !== 'object' || typeof entry[fields.id] !== 'string') return [];
      const node = nodes[index];
      const terms: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
      const places: Record<string, Place[]> = Object.create(null) as Record<string, Place[]>;
      for (const [lang, field] of Object.entries(fields.terms)) {
        const value = (entry as Record<string, unknown>)[field];
        if (value === undefined) continue;
        terms[lang] = (Array.isArray(value) ? value : [value]).map(String);
        const termsNode = isMap(node) ? node.get(field, true) : undefined;
        places[lang] = terms[lang].map((_, i) => place(rangeOf(isSeq(termsNode) ? termsNode.items[i] : termsNode) ?? rangeOf(node)));
      }
      const definition = textsOf((entry as Record<string, unknown>)[fields.definition]);
      const source = (entry as Record<string, unknown>)[fields.source];
      const note = (entry as Record<string, unknown>)[fields.note];
      return [
        {
          id: entry[fields.id] as string,
          terms,
          ...(definition ? { definition } : {}),
          ...(typeof source === 'string' && source.trim() !== '' ? { source } : {}),
          ...(typeof note === 'string' ? { note } : {}),
          places,
        },
      ];
    }),
  );
}

/** A YAML node's range, when it is a node. */
function rangeOf(node: unknown): readonly number[] | undefined {
  return node && typeof node === 'object' && 'range' in node ? (node as { range?: readonly number[] }).range : undefined;
}

/** A language → text mapping (a definition), or undefined when the value is none. */
function textsOf(value: unknown): Record<string, string> | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const texts = Object.entries(value as Record<string, unknown>).filter((pair): pair is [string, string] => typeof pair[1] === 'string');
  return texts.length > 0 ? (Object.fromEntries(texts) as Record<string, string>) : undefined;
}

/** The termbase's entries; a glossary that cannot be read gives none (readGlossary says why). */
export function loadGlossary(strategyDir: string, file: string | undefined, fields?: GlossaryFields): GlossaryEntry[] {
  return readGlossary(strategyDir, file, fields).entries;
}
