/**
 * Mutation fuzzing of `check`: the mini fixture's files, randomly broken (YAML lines deleted, duplicated, swapped and
 * re-indented, random scalars, random Unicode and bytes, hostile and deeply nested Markdown, renamed and dropped files, twins that are
 * directories or links), must never make the checker throw, and every message must be located: a file, line ≥ 1,
 * column ≥ 1 and the id of a rule that check runs. When a mutant still passes check, its view model and HTML build.
 *
 * FUZZ_RUNS (default 1000) sets the number of in-memory runs (parseFile + buildGraph + runRules, no disk); a further
 * FUZZ_RUNS / 20 runs go through the disk with loadStrategy, with real symbolic links and directories.
 * `npm run fuzz` runs 20 000. A failure prints the seed and the shrunk mutation list: replay with
 * `FUZZ_SEED=<seed> FUZZ_PATH=<path>`.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import type { VFileMessage } from 'vfile-message';
import { parseFile } from '../../src/parse/parse-file.ts';
import { buildGraph } from '../../src/model/graph.ts';
import { runRules } from '../../src/validate/run.ts';
import { allRules } from '../../src/validate/all-rules.ts';
import { cachedSchemaSet } from '../../src/load/schema-cache.ts';
import { loadStrategy } from '../../src/pipeline.ts';
import { buildViewModel } from '../../src/view/build.ts';
import type { SourceFile } from '../../src/model/types.ts';
import { repoRoot, repoSchema } from '../helpers/fixtures.ts';

const runs = ((): number => {
  const parsed = Number.parseInt(process.env['FUZZ_RUNS'] ?? '', 10);
  return Number.isFinite(parsed) && parsed > 0 ? parsed : 1000;
})();
const replay = {
  ...(process.env['FUZZ_SEED'] ? { seed: Number(process.env['FUZZ_SEED']) } : {}),
  ...(process.env['FUZZ_PATH'] ? { path: process.env['FUZZ_PATH'] } : {}),
};

const schema = cachedSchemaSet(repoSchema);
const ruleIds = new Set(allRules.map((rule) => rule.id));
const miniRoot = join(repoRoot, 'test/fixtures/mini/strategy');
const namePattern = /^(.*)\.(sv|fi)\.md$/;
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

const base: { path: string; bytes: Uint8Array }[] = readdirSync(miniRoot, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => relative(miniRoot, join(entry.parentPath, entry.name)).split(sep).join('/'))
  .sort()
  .map((path) => ({ path, bytes: new Uint8Array(readFileSync(join(miniRoot, path))) }));

// ---------------------------------------------------------------- mutations

const hostileScalars = [
  '', '~', 'null', '1e309', '-1e309', '18446744073709551616', '-0', '.nan', '.inf', '0x1F', '0o17', 'yes', 'no', '2025-13-45', '2025-06-16T25:61:00Z',
  '"unterminated', "'unterminated", '[', ']', '{', '}', '&a', '*a', '&a value', '*nothing', '!!binary aGVsbG8=', '!!js/function "f"', '!custom x',
  '@', '`', '|', '>', '|-\n  block', '- item', 'key: value', '{ a: 1, a: 2 }', '[a, [b, [c]]]', '__proto__', 'constructor', '{ __proto__: { polluted: 1 } }',
  '"\\u0000"', '"\\uD800"', '"\\x00"', '#', 'a # comment', '? complex', '<<: { id: x }', `"${'a'.repeat(3000)}"`, '%YAML 1.2', '---', '...',
];

const hostileSnippets = [
  '<script>window.__pwned = 1</script>', '<iframe src="https://example.com/"></iframe>', '<div onclick="window.__pwned = 1">x</div>', '<img src=x onerror=alert(1)>',
  '<svg><script>alert(1)</script></svg>', '<!-- note -->', '<!--', '-->', '<style>', '</p>', '<a href="javascript:alert(1)">x</a>',
  '[a](javascript:alert(1))', '[a](JAVASCRIPT:alert(1))', '[a](java&#x09;script:alert(1))', '<javascript:alert(1)>', '[a](data:text/html,x)',
  '![i](../../../etc/passwd)', '![i](/etc/passwd)', '![i](%2e%2e/%2e%2e/x.png)', '![i](x.svg)', '![i](https://tracker.example/p.png)', '![i][r]\n\n[r]: ../../../x.png',
  '[r]: javascript:alert(1)', '[a][r]', '[^1]', '[^1]: a footnote', '<https://example.fi>', 'www.example.fi', 'mailto:a@b.fi',
  '| a | b |\n|---|---|\n| c | d |', '| a |\n|---|---|---|\n| x |', '|', '||||', '# heading', '###### six', '####### seven', '#', '```', '```js\ncode', '~~~',
  '> quote', '> > > deep', '- item', '  - nested', '1. one', '1) one', '* * *', '---', '___', '***', '[', ']', '[[[', ']]]', '(', ')', '**', '__', '~~', '*', '_', '\\',
  '&#0;', '&#x202E;', '&amp;', '&nbsp;', '&unknown;', '$$', '`', '``', '    indented code', '\t\ttabs', '  \n', '\\\n', '<', '>', '&', '"', "'",
  '\u0000', '\u200B', '\u202E', '\u2066', '\uFEFF', '\u00AD', 'a\u0308', '\u2028', '\r', '\r\n', '\t', '\uDB40\uDC41', '\uD800', '\uDC00', '\uFFFD', '\u{1F600}',
];

type Mutation =
  | { op: 'deleteLine' | 'duplicateLine'; file: number; line: number }
  | { op: 'swapLines'; file: number; line: number; other: number }
  | { op: 'indent'; file: number; line: number; by: string }
  | { op: 'scalar'; file: number; line: number; value: string }
  | { op: 'insert'; file: number; at: number; text: string }
  | { op: 'bytes'; file: number; at: number; bytes: number[] }
  | { op: 'heading'; file: number; line: number; level: number; length: number }
  | { op: 'repeat'; file: number; at: number; unit: string; times: number }
  | { op: 'rename'; file: number; stem: string }
  | { op: 'language'; file: number; lang: string }
  | { op: 'drop'; file: number }
  | { op: 'copy'; file: number; stem: string }
  | { op: 'entry'; file: number; entry: 'directory' | 'symlink' };

const fileIndex = fc.nat({ max: 999 });
const lineIndex = fc.nat({ max: 999 });
const unicodeText = fc.oneof(
  fc.constantFrom(...hostileSnippets),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.array(fc.constantFrom(...hostileSnippets), { maxLength: 6 }).map((parts) => parts.join(' ')),
);
const scalar = fc.oneof(
  fc.constantFrom(...hostileScalars),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.double().map(String),
  fc.bigInt().map(String),
  fc.integer().map(String),
);
const stem = fc.oneof(fc.constantFrom('document', 'x', 'services/home/goal', 'framing/section', '../escape', '.hidden/x', 'a b', 'ä/ö', 'x.sv', 'x.fi'), fc.stringMatching(/^[a-z0-9/._-]{1,20}$/));

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constantFrom('deleteLine' as const, 'duplicateLine' as const), file: fileIndex, line: lineIndex }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('swapLines' as const), file: fileIndex, line: lineIndex, other: lineIndex }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('indent' as const), file: fileIndex, line: lineIndex, by: fc.constantFrom(' ', '  ', '\t', '    ', '-', '', '#') }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('scalar' as const), file: fileIndex, line: lineIndex, value: scalar }) },
  { weight: 5, arbitrary: fc.record({ op: fc.constant('insert' as const), file: fileIndex, at: fc.nat({ max: 5000 }), text: unicodeText }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('bytes' as const), file: fileIndex, at: fc.nat({ max: 5000 }), bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('heading' as const), file: fileIndex, line: lineIndex, level: fc.integer({ min: 1, max: 9 }), length: fc.integer({ min: 0, max: 4000 }) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('repeat' as const),
      file: fileIndex,
      at: fc.nat({ max: 5000 }),
      unit: fc.constantFrom('>', '> ', '- ', '1. ', '  ', '**', '*_', '~~', '[', '](u)', '![', '|', '`', '<', '\\', '&#', '\n', '\n\n', 'a\u0308'),
      times: fc.integer({ min: 1, max: 1200 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('rename' as const), file: fileIndex, stem }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('language' as const), file: fileIndex, lang: fc.constantFrom('xx', 'en', 'SV', 'fi', 'sv') }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('drop' as const), file: fileIndex }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('copy' as const), file: fileIndex, stem }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('entry' as const), file: fileIndex, entry: fc.constantFrom('directory' as const, 'symlink' as const) }) },
);
const mutations = fc.array(mutation, { minLength: 1, maxLength: 6 });

interface Entry {
  path: string;
  bytes: Uint8Array;
  entry?: 'directory' | 'symlink';
  /** Unchanged from the fixture: its parse can be reused. */
  pristine: boolean;
}

function editLines(bytes: Uint8Array, edit: (lines: string[]) => void): Uint8Array {
  const lines = decoder.decode(bytes).split('\n');
  edit(lines);
  return encoder.encode(lines.join('\n'));
}

/** Applies mutations in order to a copy of the fixture. */
function mutate(list: readonly Mutation[]): Entry[] {
  const files: Entry[] = base.map((file) => ({ ...file, pristine: true }));
  for (const m of list) {
    if (files.length === 0) break;
    const file = files[m.file % files.length]!;
    const change = (bytes: Uint8Array) => {
      file.bytes = bytes;
      file.pristine = false;
    };
    const count = decoder.decode(file.bytes).split('\n').length;
    const line = 'line' in m ? m.line % count : 0;
    switch (m.op) {
      case 'deleteLine':
        change(editLines(file.bytes, (lines) => lines.splice(line, 1)));
        break;
      case 'duplicateLine':
        change(editLines(file.bytes, (lines) => lines.splice(line, 0, lines[line]!)));
        break;
      case 'swapLines':
        change(editLines(file.bytes, (lines) => ([lines[line], lines[m.other % count]] = [lines[m.other % count]!, lines[line]!])));
        break;
      case 'indent':
        change(editLines(file.bytes, (lines) => (lines[line] = m.by + lines[line]!)));
        break;
      case 'scalar':
        // `key: value` lines get a new value; other lines become the value.
        change(editLines(file.bytes, (lines) => (lines[line] = /^(\s*[\w-]+:)/.exec(lines[line]!)?.[1] ? `${/^(\s*[\w-]+:)/.exec(lines[line]!)![1]} ${m.value}` : m.value)));
        break;
      case 'insert': {
        const text = decoder.decode(file.bytes);
        const at = m.at % (text.length + 1);
        change(encoder.encode(text.slice(0, at) + m.text + text.slice(at)));
        break;
      }
      case 'bytes': {
        const at = m.at % (file.bytes.length + 1);
        change(new Uint8Array([...file.bytes.subarray(0, at), ...m.bytes, ...file.bytes.subarray(at)]));
        break;
      }
      case 'repeat': {
        const text = decoder.decode(file.bytes);
        const at = m.at % (text.length + 1);
        change(encoder.encode(text.slice(0, at) + m.unit.repeat(m.times) + text.slice(at)));
        break;
      }
      case 'heading':
        change(editLines(file.bytes, (lines) => lines.splice(line, 0, `${'#'.repeat(m.level)} ${'Rubrik '.repeat(m.length / 7)}`)));
        break;
      case 'rename':
        file.path = `${m.stem}.${namePattern.exec(file.path)?.[2] ?? 'sv'}.md`;
        break;
      case 'language':
        file.path = file.path.replace(/\.[a-zA-Z]+\.md$/, `.${m.lang}.md`);
        break;
      case 'drop':
        files.splice(files.indexOf(file), 1);
        break;
      case 'copy':
        files.push({ ...file, path: `${m.stem}.${namePattern.exec(file.path)?.[2] ?? 'sv'}.md` });
        break;
      case 'entry':
        file.entry = m.entry;
        file.pristine = false;
        break;
    }
  }
  return files;
}

/** What discover() would find: strategy files by name, no dot-folders, no paths out of the folder, one entry per path. */
function discovered(files: readonly Entry[]): Entry[] {
  const byPath = new Map<string, Entry>();
  for (const file of files) {
    const parts = file.path.split('/');
    if (!namePattern.test(file.path) || parts.some((part) => part === '' || part === '.' || part === '..' || part.startsWith('.'))) continue;
    byPath.set(file.path, file);
  }
  return [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

// ---------------------------------------------------------------- the property

const parsedPristine = new Map<string, SourceFile>();

function parse(file: Entry): SourceFile {
  const match = namePattern.exec(file.path)!;
  const name = { path: file.path, stem: match[1]!, lang: match[2]!, ...(file.entry ? { entry: file.entry } : {}) };
  if (!file.pristine) return parseFile(name, file.bytes);
  let parsed = parsedPristine.get(file.path);
  if (!parsed) parsedPristine.set(file.path, (parsed = parseFile(name, file.bytes)));
  parsed.vfile.messages.length = 0;
  return parsed;
}

const prototypeNames = Object.getOwnPropertyNames(Object.prototype).sort();

function expectLocated(messages: readonly VFileMessage[], context: () => string): void {
  for (const message of messages) {
    const where = () => `${message.file}:${message.line}:${message.column} ${message.ruleId} ${message.reason}\n${context()}`;
    if (typeof message.file !== 'string' || message.file === '') throw new Error(`message without a file: ${where()}`);
    if (!(typeof message.line === 'number' && message.line >= 1)) throw new Error(`message without a line: ${where()}`);
    if (!(typeof message.column === 'number' && message.column >= 1)) throw new Error(`message without a column: ${where()}`);
    if (!message.ruleId || !ruleIds.has(message.ruleId)) throw new Error(`message without a known rule id: ${where()}`);
    if (!message.reason) throw new Error(`message without text: ${where()}`);
  }
  if (({} as Record<string, unknown>)['polluted'] !== undefined || Object.getOwnPropertyNames(Object.prototype).sort().join() !== prototypeNames.join()) {
    throw new Error(`Object.prototype was changed\n${context()}`);
  }
}

/** A mutant that passes check must render: its view models and HTML build. */
function expectRenders(graph: ReturnType<typeof buildGraph>): void {
  for (const lang of schema.project.languages) {
    const view = buildViewModel(graph, lang, { strategyDir: miniRoot, sourceDate: '2025-01-01T00:00:00.000Z' });
    for (const item of Object.values(view.items)) expect(item.bodyHtml).not.toMatch(/<script|javascript:|\son[a-z]+=/i);
  }
}

const describeMutations = (list: readonly Mutation[]) => JSON.stringify(list).slice(0, 2000);

describe(`check on mutated strategies (${runs} runs in memory, ${Math.max(10, Math.round(runs / 20))} on disk)`, () => {
  it('never throws and locates every message', { timeout: 60_000 + runs * 60 }, () => {
    let clean = 0;
    fc.assert(
      fc.property(mutations, (list) => {
        const files = discovered(mutate(list)).map(parse);
        const graph = buildGraph(schema, files);
        const messages = runRules(graph, allRules);
        expectLocated(messages, () => describeMutations(list));
        if (!messages.some((m) => m.fatal === true)) {
          clean++;
          expectRenders(graph);
        }
      }),
      { numRuns: runs, ...replay },
    );
    // Most mutants are reported; some (a changed title, a comment) stay clean, and those are rendered above.
    expect(clean).toBeLessThan(runs);
  });

  const temp = mkdtempSync(join(tmpdir(), 'fuzz-'));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));
  let counter = 0;

  it('never throws through the disk either: loadStrategy with real links and directories', { timeout: 60_000 + runs * 20 }, () => {
    fc.assert(
      fc.property(mutations, (list) => {
        const root = join(temp, `run-${++counter}`);
        const strategy = join(root, 'strategy');
        mkdirSync(strategy, { recursive: true });
        for (const file of mutate(list)) {
          const path = join(strategy, file.path);
          if (relative(strategy, path).startsWith('..')) continue;
          try {
            mkdirSync(dirname(path), { recursive: true });
            if (file.entry === 'directory') mkdirSync(path, { recursive: true });
            else if (file.entry === 'symlink') symlinkSync(join(miniRoot, 'document.sv.md'), path);
            // Never through a link an earlier mutant left at the path: that would write into the fixture behind it.
            else writeFileSync(path, file.bytes, { flag: 'wx' });
          } catch {
            // Two mutants at one path (a file where a folder is wanted): the first one wins, as on a real disk.
          }
        }
        const result = loadStrategy(strategy, { schemaDir: repoSchema, cwd: root });
        expectLocated(result.messages, () => describeMutations(list));
        rmSync(root, { recursive: true, force: true });
      }),
      { numRuns: Math.max(10, Math.round(runs / 20)), ...replay },
    );
  });
});
