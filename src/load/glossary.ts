import { readFileSync, lstatSync } from 'node:fs';
import { t } from '../messages/index.ts';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { GlossaryEntry, ParseProblem } from '../model/types.ts';
import { maxFileBytes } from '../parse/parse-file.ts';

export interface GlossaryRead {
  entries: GlossaryEntry[];
  /** Why the file, or part of it, could not be read: reported like a strategy file's problems. Never thrown. */
  problems: ParseProblem[];
  /** The file's path, when the project names one. */
  path: string | undefined;
}

const startOfFile = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };

/** The termbase: `glossary.yaml` in the strategy folder (named in schema/project.json), a list of `{ id, sv: [...], fi: [...], note? }`. */
export function readGlossary(strategyDir: string, file: string | undefined): GlossaryRead {
  if (!file) return { entries: [], problems: [], path: undefined };
  const path = join(strategyDir, file);
  const problems: ParseProblem[] = [];
  const done = (entries: GlossaryEntry[] = []): GlossaryRead => ({ entries, problems, path });
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
  const yaml = parseDocument(readFileSync(path, 'utf8'), { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true, logLevel: 'error' });
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
  return done(
    list.flatMap((entry): GlossaryEntry[] => {
      if (!entry || typeof entry !== 'object' || typeof entry.id !== 'string') return [];
      const terms: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
      for (const [key, value] of Object.entries(entry as Record<string, unknown>)) {
        if (key === 'id' || key === 'note') continue;
        terms[key] = (Array.isArray(value) ? value : [value]).map(String);
      }
      return [{ id: entry.id, terms, ...(typeof entry.note === 'string' ? { note: entry.note } : {}) }];
    }),
  );
}

/** The termbase's entries; a glossary that cannot be read gives none (readGlossary says why). */
export function loadGlossary(strategyDir: string, file: string | undefined): GlossaryEntry[] {
  return readGlossary(strategyDir, file).entries;
}
