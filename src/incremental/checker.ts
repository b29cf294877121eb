import { existsSync, lstatSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { loadSchemaSet } from '../load/schema.ts';
import { buildGraph, withReplacedFiles } from '../model/graph.ts';
import { readGlossary } from '../load/glossary.ts';
import { runRules } from '../validate/run.ts';
import { acknowledge } from '../validate/acknowledge.ts';
import { allRules } from '../validate/all-rules.ts';
import { RuleCache } from './rule-cache.ts';
import { countMessages, glossaryMessages, glossarySourceFile, defaultSchemaDir, expectedFiles, readEntry, readSources, strayEntry, type LoadOptions, type LoadResult } from '../pipeline.ts';
import { strategyFilePattern, strayOf, type Expected } from '../load/discover.ts';

const isLink = (path: string) => {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
};
import type { SourceFile, StrategyGraph, Stray } from '../model/types.ts';

/** What stands at a path that is not named like an item's file, as a stray; undefined when nothing or a folder is there. */
function strayAt(root: string, path: string, languages: readonly string[], expected: Expected): Stray | undefined {
  let stat;
  try {
    stat = lstatSync(join(root, path));
  } catch {
    return undefined;
  }
  if (stat.isDirectory()) return undefined;
  // Inside a hidden folder or node_modules, which are never walked: not a stray either.
  if (path.split('/').slice(0, -1).some((part) => part.startsWith('.') || part === 'node_modules')) return undefined;
  return strayOf(path, stat.isSymbolicLink() ? 'symlink' : stat.isFile() ? 'file' : 'special', languages, expected);
}

export interface Checker {
  /** The latest result. */
  readonly result: LoadResult;
  /** Re-reads the given files (absolute or relative to the strategy folder), keeps every other file as parsed, and re-checks. */
  update(changed: readonly string[]): LoadResult;
}

/**
 * A checker for watch mode: only changed files are read and parsed again. The graph and the graph-wide rules are
 * re-run; rules about one file or one pair of twins re-run only on the changed stems and replay their earlier
 * messages for the rest (rule-cache.ts).
 */
export function createChecker(strategyDir: string, options: LoadOptions = {}): Checker {
  const root = resolve(strategyDir);
  const cwd = options.cwd ?? process.cwd();
  const schema = loadSchemaSet(options.schemaDir ?? defaultSchemaDir(strategyDir));
  const pattern = strategyFilePattern(schema.project.languages);
  const expected = expectedFiles(schema.project);
  const sources = readSources(root, schema.project.languages, cwd, expected);
  const files = new Map<string, SourceFile>(sources.files.map((f) => [f.path, f]));
  /** Entries never read (stray-file), by path, kept in step with the changes `update` is told of. */
  const strays = new Map(sources.strays.map((stray) => [stray.path, stray]));

  const glossaryRead = readGlossary(root, schema.project.glossary, schema.project.glossaryFields);
  const glossary = glossaryRead.entries;
  const glossaryFile = glossarySourceFile(glossaryRead, schema.project.glossary, cwd);
  // Problems in glossary.yaml are reported as in `check`; the glossary is read once per checker.
  const glossaryProblems = glossaryMessages(glossaryRead, options);
  // Rules that look at one file or one pair of twins re-run only on the stems that changed; the rest run over the whole graph.
  const ruleCache = new RuleCache();
  /** Files in path order; sorted again only when a file is added or removed. */
  let sorted: SourceFile[] | undefined;
  /** Body-only edits since the last check (same front-matter text), by path; undefined when anything else changed. */
  let bodyEdits: Map<string, SourceFile> | undefined;
  let graph: StrategyGraph | undefined;
  const check = (): LoadResult => {
    if (graph && bodyEdits) {
      // Ids, links and the hierarchy come from front-matter alone: patch the files into the graph, do not rebuild it.
      graph = withReplacedFiles(graph, bodyEdits);
      sorted = graph.files as SourceFile[];
    } else {
      const same = sorted !== undefined && sorted.length === files.size && sorted.every((file) => files.has(file.path));
      sorted = same ? sorted!.map((file) => files.get(file.path)!) : [...files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      graph = buildGraph(schema, sorted, glossary, [...strays.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)), glossaryFile);
    }
    bodyEdits = new Map();
    for (const file of sorted) file.vfile.messages.length = 0;
    if (glossaryFile) glossaryFile.vfile.messages.length = 0;
    const { messages, acknowledged, unused } = acknowledge([...glossaryProblems, ...runRules(graph, allRules, options.severities, ruleCache)], graph);
    ruleCache.settle();
    return { graph, messages, acknowledged, unusedAcknowledgements: unused, ...countMessages(messages) };
  };

  let result = check();
  return {
    get result() {
      return result;
    },
    update(changed) {
      for (const name of changed) {
        const path = relative(root, resolve(root, name)).split(sep).join('/');
        if (path.startsWith('..')) continue;
        const match = pattern.exec(path);
        if (!match) {
          // Not an item's file: it may have become, or stopped being, a stray.
          const before = strays.get(path);
          const stray = strayAt(root, path, schema.project.languages, expected);
          if (stray) strays.set(path, strayEntry(stray, relative(cwd, join(root, path)).split(sep).join('/')));
          else strays.delete(path);
          if (before !== undefined || stray !== undefined) {
            // The graph's strays changed: no replay of graph-wide reports from before.
            bodyEdits = undefined;
            ruleCache.invalidate([]);
          }
          continue;
        }
        const absolute = join(root, path);
        const before = files.get(path);
        const display = relative(cwd, absolute).split(sep).join('/');
        const after = existsSync(absolute) || isLink(absolute) ? readEntry(root, { path, stem: match[1]!, lang: match[2]!, displayPath: display }) : undefined;
        if (!after) {
          files.delete(path);
          bodyEdits = undefined;
          ruleCache.invalidate([match[1]!]);
          continue;
        }
        files.set(path, after);
        const bodyOnly = before !== undefined && frontMatterText(before) === frontMatterText(after) && before.problems.length === 0 && after.problems.length === 0;
        if (bodyOnly) bodyEdits?.set(path, after);
        else bodyEdits = undefined;
        ruleCache.invalidate([match[1]!], bodyOnly ? new Map([[path, after]]) : undefined);
      }
      result = check();
      return result;
    },
  };
}

/** The file up to the end of its front-matter: equal text means equal data, positions and problems there. */
function frontMatterText(file: SourceFile): string {
  const text = String(file.vfile.value);
  const end = /^---[ \t]*\r?\n(?:[\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/.exec(text);
  return end ? end[0] : '';
}
