import { existsSync, lstatSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { loadSchemaSet } from './load/schema.ts';
import { buildGraph } from './model/graph.ts';
import { loadGlossary } from './load/glossary.ts';
import { runRules } from './validate/run.ts';
import { allRules } from './validate/all-rules.ts';
import { countMessages, defaultSchemaDir, readEntry, readSources, type LoadOptions, type LoadResult } from './pipeline.ts';

const isLink = (path: string) => {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
};
import type { SourceFile } from './model/types.ts';

export interface Checker {
  /** The latest result. */
  readonly result: LoadResult;
  /** Re-reads the given files (absolute or relative to the strategy folder), keeps every other file as parsed, and re-checks. */
  update(changed: readonly string[]): LoadResult;
}

/**
 * A checker for watch mode: only changed files are read and parsed again. The graph and the rules are re-run,
 * but rules memoise their per-file work on the parsed file, so unchanged files cost a lookup.
 */
export function createChecker(strategyDir: string, options: LoadOptions = {}): Checker {
  const root = resolve(strategyDir);
  const cwd = options.cwd ?? process.cwd();
  const schema = loadSchemaSet(options.schemaDir ?? defaultSchemaDir(strategyDir));
  const pattern = new RegExp(`^(.*)\\.(${schema.project.languages.join('|')})\\.md$`);
  const files = new Map<string, SourceFile>(readSources(root, schema.project.languages, cwd).files.map((f) => [f.path, f]));

  const glossary = loadGlossary(root, schema.project.glossary);
  const check = (): LoadResult => {
    const sorted = [...files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const graph = buildGraph(schema, sorted, glossary);
    for (const file of sorted) file.vfile.messages.length = 0;
    const messages = runRules(graph, allRules, options.severities);
    return { graph, messages, ...countMessages(messages) };
  };

  let result = check();
  return {
    get result() {
      return result;
    },
    update(changed) {
      for (const name of changed) {
        const path = relative(root, resolve(root, name)).split(sep).join('/');
        const match = pattern.exec(path);
        if (!match || path.startsWith('..')) continue;
        const absolute = join(root, path);
        if (!existsSync(absolute) && !isLink(absolute)) {
          files.delete(path);
          continue;
        }
        const display = relative(cwd, absolute).split(sep).join('/');
        files.set(path, readEntry(root, { path, stem: match[1]!, lang: match[2]!, displayPath: display }));
      }
      result = check();
      return result;
    },
  };
}
