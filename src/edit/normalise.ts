/**
 * Whitespace and Unicode normalisation that never changes what a file says: every step is undone
 * when the parsed front-matter data or the parsed Markdown (without positions) would differ.
 */
import { count, t } from '../messages/index.ts';
import type { Root } from 'mdast';
import { markdownProcessor } from '../parse/processor.ts';
import { sameData } from '../model/twins.ts';
import { joinFrontMatter, splitFrontMatter, yamlData } from './front-matter.ts';

export interface Normalised {
  text: string;
  /** What changed, in words, for the preview: "CRLF → LF", "Unicode NFC", ... */
  notes: string[];
}

function withoutPositions(tree: Root): unknown {
  return JSON.parse(JSON.stringify(tree, (key, value: unknown) => (key === 'position' ? undefined : value)));
}

function sameMarkdown(a: string, b: string): boolean {
  return sameData(withoutPositions(markdownProcessor.parse(a) as Root), withoutPositions(markdownProcessor.parse(b) as Root));
}

const fenceOpen = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Trailing blanks go, except where they mean something: two or more spaces before a line that continues
 * the paragraph are a hard line break, and code blocks keep their content as it is.
 */
function trimBody(body: string): { text: string; lines: number } {
  const lines = body.split('\n');
  let fence: string | undefined;
  let count = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const marker = fenceOpen.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = undefined;
      continue;
    }
    if (marker) fence = marker;
    const trimmed = line.replace(/[ \t]+$/, '');
    if (trimmed === line) continue;
    const next = lines[i + 1];
    const hardBreak = / {2,}$/.test(line) && trimmed !== '' && next !== undefined && next.trim() !== '';
    if (hardBreak) continue;
    lines[i] = trimmed;
    count++;
  }
  return { text: lines.join('\n'), lines: count };
}

function trimYaml(yaml: string): { text: string; lines: number } {
  let count = 0;
  const text = yaml
    .split('\n')
    .map((line) => {
      const trimmed = line.replace(/[ \t]+$/, '');
      if (trimmed !== line) count++;
      return trimmed;
    })
    .join('\n');
  return { text, lines: count };
}

export function normaliseText(original: string): Normalised {
  const notes: string[] = [];
  let text = original;
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
    notes.push(t('fix.note.bom'));
  }
  if (text.includes('\r')) {
    text = text.replace(/\r\n?/g, '\n');
    notes.push(t('fix.note.crlf'));
  }
  const nfc = text.normalize('NFC');
  if (nfc !== text) {
    notes.push(t('fix.note.nfc'));
    text = nfc;
  }

  const parts = splitFrontMatter(text);
  let trimmedLines = 0;
  if (parts) {
    const yaml = trimYaml(parts.yaml);
    const before = yamlData(parts.yaml);
    // Trailing blanks inside a block scalar (`|`) are content: keep the front-matter as it is then.
    if (yaml.lines > 0 && before !== undefined && sameData(yamlData(yaml.text), before)) {
      parts.yaml = yaml.text;
      trimmedLines += yaml.lines;
    }
    const body = trimBody(parts.body);
    if (body.lines > 0 && sameMarkdown(parts.body, body.text)) {
      parts.body = body.text;
      trimmedLines += body.lines;
    }
    text = joinFrontMatter(parts);
  } else {
    const body = trimBody(text);
    if (body.lines > 0 && sameMarkdown(text, body.text)) {
      text = body.text;
      trimmedLines += body.lines;
    }
  }
  if (trimmedLines > 0) notes.push(count(trimmedLines, 'fix.note.trailing.one', 'fix.note.trailing.other'));
  if (text !== '' && !text.endsWith('\n')) {
    text += '\n';
    notes.push(t('fix.note.newline'));
  }
  return { text, notes };
}
