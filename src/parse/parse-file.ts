import { VFile } from 'vfile';
import { t } from '../messages/index.ts';
import { LineCounter, parseDocument, isMap, isSeq, isPair, isScalar, visit } from 'yaml';
import type { Alias, Node as YamlNode, Document as YamlDocument } from 'yaml';
import type { Root, Yaml } from 'mdast';
import { markdownProcessor } from './processor.ts';
import { depthProblem, frontMatterPrefix, inlineMarkerProblem, linePrefixProblem } from './limits.ts';
import { startOfFile, type ParseProblem, type Place, type SourceFile, type YamlPath } from './types.ts';

const decoder = new TextDecoder('utf-8', { fatal: true });
/** Alias expansion beyond this is an alias bomb, not a strategy. */
const maxAliasCount = 50;

/** Larger files are not parsed: no strategy item needs a megabyte, and a huge file would stall every check. */
export const maxFileBytes = 1024 * 1024;

export interface FileName {
  /** Relative to the strategy root. */
  path: string;
  lang: string;
  stem: string;
  /** How messages name the file: relative to where the command runs. Defaults to `path`. */
  displayPath?: string;
  /** A directory or symbolic link named like a strategy file: reported, never read. */
  entry?: 'directory' | 'symlink';
}


function decode(bytes: Uint8Array, problems: ParseProblem[]): string {
  try {
    return decoder.decode(bytes);
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes);
    const bad = text.indexOf('\uFFFD');
    const before = text.slice(0, Math.max(0, bad));
    const line = before.split('\n').length;
    const column = bad - before.lastIndexOf('\n');
    problems.push({
      ruleId: 'encoding',
      message: t('encoding'),
      place: { start: { line, column }, end: { line, column: column + 1 } },
      hint: t('encoding.hint'),
    });
    return text;
  }
}

/** Reads one `*.<lang>.md` file: Markdown with positions, and its front-matter as a YAML document with positions. */
export function parseFile(name: FileName, bytes: Uint8Array): SourceFile {
  const problems: ParseProblem[] = [];
  if (name.entry) {
    problems.push({
      ruleId: 'file-type',
      message: t(name.entry === 'symlink' ? 'file-type.symlink' : 'file-type.directory'),
      place: startOfFile,
      hint: t(name.entry === 'symlink' ? 'file-type.symlink.hint' : 'file-type.directory.hint'),
    });
    return emptyFile(name, problems);
  }
  if (bytes.length > maxFileBytes) {
    problems.push({
      ruleId: 'file-size',
      message: t('file-size', { size: (bytes.length / 1024 / 1024).toFixed(1), max: maxFileBytes / 1024 / 1024 }),
      place: startOfFile,
      hint: t('file-size.hint'),
    });
    return emptyFile(name, problems);
  }
  let text = decode(bytes, problems);
  // A BOM is harmless to an editor but hides the front-matter fence from the parser.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const vfile = new VFile({ path: name.displayPath ?? name.path, value: text });
  const tree = parseMarkdown(vfile, text, problems);
  const first = tree.children[0];
  const frontMatter = first && first.type === 'yaml' ? (first as Yaml) : undefined;
  const body: Root = { ...tree, children: frontMatter ? tree.children.slice(1) : tree.children };

  let yaml: YamlDocument.Parsed | undefined;
  let data: Record<string, unknown> | undefined;
  // The YAML text starts on the line after the opening fence.
  const firstYamlLine = (frontMatter?.position?.start.line ?? 0) + 1;
  const frontMatterPlace: Place = frontMatter?.position
    ? { start: { line: frontMatter.position.start.line, column: 1 }, end: { line: frontMatter.position.start.line, column: 4 } }
    : startOfFile;

  if (frontMatter) {
    const read = readYaml(frontMatter.value, firstYamlLine);
    const { rangePlace } = read;
    yaml = read.yaml;
    let tooDeep = false;
    for (const error of [...yaml.errors, ...yaml.warnings]) {
      // The parser runs out of stack on thousands of nested brackets, once per level: say so once, in words.
      const overflow = /call stack/i.test(error.message);
      if (overflow && tooDeep) continue;
      tooDeep ||= overflow;
      problems.push({
        ruleId: 'yaml-syntax',
        message: overflow ? t('yaml-syntax.deep') : t('yaml-syntax', { detail: error.message.split('\n')[0]! }),
        place: rangePlace(error.pos) ?? frontMatterPlace,
        ...withHint(yamlHint(error.code)),
      });
    }
    if (yaml.errors.length === 0) {
      try {
        const value: unknown = yaml.toJS({ maxAliasCount });
        if (value && typeof value === 'object' && !Array.isArray(value)) data = value as Record<string, unknown>;
        else if (value !== null && value !== undefined) {
          problems.push({ ruleId: 'yaml-syntax', message: t('yaml-syntax.not-mapping'), place: frontMatterPlace });
        }
      } catch (error) {
        // An alias with no anchor before it, or aliases that expand beyond maxAliasCount.
        let unresolved: Alias | undefined;
        visit(yaml, { Alias: (_, node) => (node.resolve(yaml!) === undefined ? ((unresolved = node), visit.BREAK) : undefined) });
        problems.push(
          unresolved
            ? { ruleId: 'yaml-syntax', message: t('yaml-syntax.alias', { name: unresolved.source }), place: rangePlace(unresolved.range) ?? frontMatterPlace }
            : { ruleId: 'yaml-syntax', message: t('yaml-syntax', { detail: (error as Error).message }), place: frontMatterPlace, hint: t('yaml-syntax.aliases.hint') },
        );
      }
    }
  }

  // The YAML document is not kept: locate() is asked only when a rule reports, so it reads the front-matter again then.
  const locate = frontMatter && yaml ? yamlLocator(frontMatter.value, firstYamlLine, frontMatterPlace) : () => frontMatterPlace;
  return { path: name.path, lang: name.lang, stem: name.stem, vfile, entry: 'file', hasFrontMatter: yaml !== undefined, data, problems, body, locate };
}

/** The front-matter's YAML read with positions, and the place in the file of a range of its offsets. */
function readYaml(source: string, firstYamlLine: number): { yaml: YamlDocument.Parsed; rangePlace: (range: readonly number[] | null | undefined) => Place | undefined } {
  const lineCounter = new LineCounter();
  const yaml = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true, logLevel: 'error' });
  const toPoint = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: firstYamlLine + line - 1, column: col };
  };
  const rangePlace = (range: readonly number[] | null | undefined): Place | undefined =>
    range && typeof range[0] === 'number' ? { start: toPoint(range[0]), end: toPoint(range[1] ?? range[0]) } : undefined;
  return { yaml, rangePlace };
}

/**
 * Where a front-matter path sits, from the YAML text: parsed on the first question and kept for the next ones.
 * Built outside parseFile so that the closure holds only the text, not the document parseFile read. The glossary's
 * file locates its paths with it too.
 */
export function yamlLocator(source: string, firstYamlLine: number, frontMatterPlace: Place): SourceFile['locate'] {
  let parsed: ReturnType<typeof readYaml> | undefined;
  return (path, which = 'value') => {
    parsed ??= readYaml(source, firstYamlLine);
    const { yaml, rangePlace } = parsed;
    let node: unknown = yaml.contents;
    let place = rangePlace((node as YamlNode | null)?.range) ?? frontMatterPlace;
    for (const [index, segment] of path.entries()) {
      const last = index === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
        if (!pair) return place;
        const keyPlace = rangePlace((pair.key as YamlNode).range);
        if (last && which === 'key' && keyPlace) return keyPlace;
        node = pair.value;
        place = rangePlace((node as YamlNode | null)?.range) ?? keyPlace ?? place;
      } else if (isSeq(node) && typeof segment === 'number') {
        node = node.items[segment];
        if (!node) return place;
        place = rangePlace((node as YamlNode).range) ?? place;
      } else return place;
    }
    return place;
  };
}

/** The Markdown tree. A body nested too deeply to read safely is reported and left out; its front-matter is still read. */
function parseMarkdown(vfile: VFile, text: string, problems: ParseProblem[]): Root {
  // Markers in the front-matter are YAML, which the Markdown parser only fences off.
  const tooDeep = linePrefixProblem(text) ?? inlineMarkerProblem(text, frontMatterPrefix(text).length);
  if (tooDeep) problems.push(tooDeep);
  else {
    try {
      const tree = markdownProcessor.parse(vfile) as Root;
      const deep = depthProblem(tree);
      if (!deep) return tree;
      problems.push(deep);
    } catch (error) {
      problems.push({
        ruleId: 'file-size',
        message: error instanceof RangeError ? t('file-size.markdown-deep') : t('file-size.markdown-unreadable', { detail: (error as Error).message }),
        place: startOfFile,
        hint: t('file-size.flatten.hint'),
      });
    }
  }
  return markdownProcessor.parse(frontMatterPrefix(text)) as Root;
}

/** A file that is reported but not read. */
function emptyFile(name: FileName, problems: ParseProblem[]): SourceFile {
  return {
    path: name.path,
    lang: name.lang,
    stem: name.stem,
    vfile: new VFile({ path: name.displayPath ?? name.path, value: '' }),
    entry: name.entry ?? 'file',
    hasFrontMatter: false,
    data: undefined,
    problems,
    body: { type: 'root', children: [] },
    locate: () => startOfFile,
  };
}

function withHint(hint: string | undefined): { hint?: string } {
  return hint === undefined ? {} : { hint };
}

function yamlHint(code: string): string | undefined {
  switch (code) {
    case 'DUPLICATE_KEY':
      return t('yaml-syntax.duplicate-key.hint');
    case 'TAB_AS_INDENT':
      return t('yaml-syntax.tab.hint');
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return t('yaml-syntax.indent.hint');
    default:
      return undefined;
  }
}
