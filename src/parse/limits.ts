import type { Root } from 'mdast';
import { t } from '../messages/index.ts';
import type { ParseProblem, Place } from './types.ts';

/**
 * Limits on how deeply Markdown may nest. A strategy text needs a few levels of lists and quotes; thousands of
 * levels are an attack on the parser (its run time grows faster than the nesting) and on every tree walk after it
 * (each level is a stack frame). Such a body is reported under `file-size` and not read; the front-matter still is.
 */
export const maxNestingDepth = 50;
/** Columns of list markers, quote markers and indentation before a line's text. */
export const maxLinePrefix = 200;
/**
 * Emphasis and link markers in one file. Matching them takes time that grows with the square of their number in a
 * paragraph, so a few kilobytes of `*_[` stall the parser for minutes; the shipped strategy has at most 64 in a file.
 */
export const maxInlineMarkers = 5_000;

const containerPrefix = /^(?:[ \t>]|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))+/;

/** A line whose list and quote markers and indentation go deeper than any text needs; checked before parsing. */
export function linePrefixProblem(text: string): ParseProblem | undefined {
  let line = 1;
  for (let start = 0; start <= text.length; line++) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    // Only long lines can have a long prefix: skip the rest cheaply.
    if (end - start > maxLinePrefix) {
      const prefix = containerPrefix.exec(text.slice(start, Math.min(end, start + maxLinePrefix * 4)))?.[0] ?? '';
      // A long run of spaces alone is only a blank line; markers alone still open containers.
      const counts = /[^ \t]/.test(prefix) || text.slice(start + prefix.length, end).trim() !== '';
      if (prefix.length > maxLinePrefix && counts) {
        return {
          ruleId: 'file-size',
          message: t('file-size.line-deep', { max: maxLinePrefix }),
          place: { start: { line, column: 1 }, end: { line, column: prefix.length + 1 } },
          hint: t('file-size.line-deep.hint'),
        };
      }
    }
    if (newline === -1) break;
    start = newline + 1;
  }
  return undefined;
}

/** More emphasis and link markers (from offset `from` on) than any text needs; checked before parsing. Reported at the first one too many. */
export function inlineMarkerProblem(text: string, from = 0): ParseProblem | undefined {
  let count = 0;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) {
      line++;
      lineStart = i + 1;
    } else if (i >= from && (code === 42 || code === 95 || code === 91 || code === 93 || code === 126)) {
      if (++count > maxInlineMarkers) {
        const column = i - lineStart + 1;
        return {
          ruleId: 'file-size',
          message: t('file-size.markers', { max: maxInlineMarkers }),
          place: { start: { line, column }, end: { line, column: column + 1 } },
          hint: t('file-size.markers.hint'),
        };
      }
    }
  }
  return undefined;
}

/** The first node deeper than maxNestingDepth, found without recursion. */
export function depthProblem(tree: Root): ParseProblem | undefined {
  const stack: { node: { children?: unknown[]; position?: Place }; depth: number }[] = [{ node: tree as never, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth > maxNestingDepth) {
      const start = node.position?.start ?? { line: 1, column: 1 };
      return {
        ruleId: 'file-size',
        message: t('file-size.nesting', { max: maxNestingDepth }),
        place: { start: { line: start.line, column: start.column }, end: { line: start.line, column: start.column + 1 } },
        hint: t('file-size.flatten.hint'),
      };
    }
    // Children pushed last-first, so the first deep node in document order is found first.
    if (Array.isArray(node.children)) for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i] as never, depth: depth + 1 });
  }
  return undefined;
}

/** The front-matter block alone (fences included), so that it can be read when the body cannot. */
export function frontMatterPrefix(text: string): string {
  return /^---[ \t]*\r?\n(?:[\s\S]*?\r?\n)?---[ \t]*(?=\r?\n|$)/.exec(text)?.[0] ?? '';
}
