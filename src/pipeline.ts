import { closeSync, constants, existsSync, fstatSync, lstatSync, openSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { discover, type Expected } from './load/discover.ts';
import { parseFile, yamlLocator, type FileName } from './parse/parse-file.ts';
import { buildGraph } from './model/graph.ts';
import { readGlossary, type GlossaryRead } from './load/glossary.ts';
import { cachedSchemaSet } from './load/schema-cache.ts';
import { runRules, type RuleSeverities } from './validate/run.ts';
import { allRules } from './validate/all-rules.ts';
import { ruleUrl } from './validate/rule.ts';
import { acknowledge, type AcknowledgedMessage } from './validate/acknowledge.ts';
import type { Acknowledgement, ProjectConfig, SourceFile, StrategyGraph, Stray } from './model/types.ts';
import { startOfFile } from './parse/types.ts';

export interface LoadOptions {
  /** The schema folder; by default `schema/` beside the strategy folder. */
  schemaDir?: string;
  /** Severity per rule id, over the rules' defaults. */
  severities?: RuleSeverities;
  /** Paths in messages are relative to this folder (the current one by default). */
  cwd?: string;
  /** Check as for the council (`check --council`): no unapproved translation, no open question. */
  council?: boolean;
}

export interface LoadResult {
  graph: StrategyGraph;
  messages: VFileMessage[];
  /** Warnings that schema/project.json acknowledges: not in `messages`, not counted. */
  acknowledged: AcknowledgedMessage[];
  /** Acknowledgements in schema/project.json that matched no warning. */
  unusedAcknowledgements: Acknowledgement[];
  errorCount: number;
  warningCount: number;
}

export function defaultSchemaDir(strategyDir: string): string {
  const beside = join(dirname(resolve(strategyDir)), 'schema');
  return existsSync(beside) ? beside : resolve('schema');
}

/** What stands at a path, as readEntry needs to know it; the bytes only of a regular file. */
type Entry = { kind: 'symlink' | 'directory' | 'other' } | { kind: 'file'; bytes: Uint8Array };

/**
 * Reads and parses one path: the one place that decides what stands there. Symbolic links and directories are
 * reported, never followed or read; other special files (a named pipe would block a read) are left out: undefined.
 */
export function readEntry(root: string, name: Omit<FileName, 'entry'>): SourceFile | undefined {
  const absolute = join(root, name.path);
  const entry = constants.O_NOFOLLOW === undefined ? entryByLstat(absolute) : entryByOpen(absolute); // Windows has no O_NOFOLLOW
  if (entry.kind === 'other') return undefined;
  if (entry.kind === 'file') return parseFile(name, entry.bytes);
  return parseFile({ ...name, entry: entry.kind }, new Uint8Array());
}

/**
 * One open decides, with no gap between looking and reading: a link is refused (ELOOP), and O_NONBLOCK keeps a named
 * pipe from blocking the open. This saves the lstat of every file.
 */
function entryByOpen(absolute: string): Entry {
  let fd: number;
  try {
    fd = openSync(absolute, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') return { kind: 'symlink' };
    throw error;
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { kind: 'directory' };
    return stat.isFile() ? { kind: 'file', bytes: readFileSync(fd) } : { kind: 'other' };
  } finally {
    closeSync(fd);
  }
}

function entryByLstat(absolute: string): Entry {
  const stat = lstatSync(absolute);
  if (stat.isSymbolicLink()) return { kind: 'symlink' };
  if (stat.isDirectory()) return { kind: 'directory' };
  return stat.isFile() ? { kind: 'file', bytes: readFileSync(absolute) } : { kind: 'other' };
}

/** The files a project's strategy folder holds besides its items and images: the glossary and the notes it names. */
export function expectedFiles(project: ProjectConfig): Expected {
  return { paths: [...(project.glossary ? [project.glossary] : []), ...project.notes] };
}

/**
 * A file that is not an item's, for messages about it: no front matter, no body, every place at 1:1 unless a
 * message gives its own; `text` is what a message quotes.
 */
function plainFile(path: string, displayPath: string, text?: string): SourceFile {
  return {
    path,
    lang: '',
    stem: path,
    vfile: new VFile(text === undefined ? { path: displayPath } : { path: displayPath, value: text }),
    entry: 'file',
    hasFrontMatter: false,
    data: undefined,
    problems: [],
    body: { type: 'root', children: [] },
    locate: () => startOfFile,
  };
}

/** A stray (never read) with the empty file its message is attached to. */
export function strayEntry(stray: Stray, displayPath: string): StrategyGraph['strays'][number] {
  return { ...stray, file: plainFile(stray.path, displayPath) };
}

/**
 * The glossary as a file that rules report on (an entry that is not a base form): its text, named as messages name
 * files; each message gives its place in it.
 */
export function glossarySourceFile(glossary: GlossaryRead, name: string | undefined, cwd = process.cwd()): SourceFile | undefined {
  if (!glossary.path || !name || glossary.text === undefined) return undefined;
  // A message about an entry gives its path in the YAML (as a rule does for front matter), located from the text.
  return { ...plainFile(name, relative(cwd, resolve(glossary.path)).split(sep).join('/'), glossary.text), locate: yamlLocator(glossary.text, 1, startOfFile) };
}

/** Reads and parses every file once; what is not an item's file is a stray, never read. */
export function readSources(strategyDir: string, languages: readonly string[], cwd = process.cwd(), expected: Expected = {}): { files: SourceFile[]; strays: StrategyGraph['strays'] } {
  const root = resolve(strategyDir);
  const display = (path: string) => relative(cwd, join(root, path)).split(sep).join('/');
  const { files: regular, oddities, strays } = discover(root, languages, expected);
  const files = [...regular, ...oddities].flatMap(({ path, stem, lang }) => readEntry(root, { path, stem, lang, displayPath: display(path) }) ?? []);
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, strays: strays.map((stray) => strayEntry(stray, display(stray.path))) };
}

export function countMessages(messages: readonly VFileMessage[]): { errorCount: number; warningCount: number } {
  const errorCount = messages.filter((m) => m.fatal === true).length;
  return { errorCount, warningCount: messages.filter((m) => m.fatal === false).length };
}

/** Load and parse a strategy into its graph, without validating it (what `strategy diff` needs of a version). */
export function loadGraph(strategyDir: string, options: LoadOptions = {}): { graph: StrategyGraph; glossary: GlossaryRead } {
  const schema = cachedSchemaSet(options.schemaDir ?? defaultSchemaDir(strategyDir));
  const { files, strays } = readSources(strategyDir, schema.project.languages, options.cwd, expectedFiles(schema.project));
  const glossary = readGlossary(strategyDir, schema.project.glossary, schema.project.glossaryFields);
  return { graph: buildGraph(schema, files, glossary.entries, strays, glossarySourceFile(glossary, schema.project.glossary, options.cwd)), glossary };
}

/** The programmatic API: load, parse, build the graph and validate. Content problems never throw. */
export function loadStrategy(strategyDir: string, options: LoadOptions = {}): LoadResult {
  const { graph, glossary } = loadGraph(strategyDir, options);
  const { messages, acknowledged, unused } = acknowledge([...glossaryMessages(glossary, options), ...runRules(graph, allRules, options.severities, undefined, options.council === true)], graph);
  return { graph, messages, acknowledged, unusedAcknowledgements: unused, ...countMessages(messages) };
}

/** Problems reading the glossary, as messages of the rule that names them (it is not an item, so no rule sees it). */
export function glossaryMessages(glossary: GlossaryRead, options: LoadOptions): VFileMessage[] {
  if (!glossary.path) return [];
  const file = new VFile({ path: relative(options.cwd ?? process.cwd(), resolve(glossary.path)).split(sep).join('/') });
  return glossary.problems.flatMap((problem) => {
    const severity = options.severities?.[problem.ruleId] ?? allRules.find((rule) => rule.id === problem.ruleId)?.severity ?? 'error';
    if (severity === 'off') return [];
    const message = file.message(problem.message, { place: problem.place, ruleId: problem.ruleId, source: 'strategy' });
    message.fatal = severity === 'error';
    message.url = ruleUrl(problem.ruleId);
    if (problem.hint) message.note = problem.hint;
    return [message];
  });
}

/** A build refused by check: `result` holds what check found, to report without checking again. */
export class CheckFailedError extends Error {
  override name = 'CheckFailedError';

  readonly result: LoadResult;

  constructor(message: string, result: LoadResult) {
    super(message);
    this.result = result;
  }
}
