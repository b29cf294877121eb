import type { Nodes } from 'mdast';
import { defineRule } from '../rule.ts';
import type { Place } from '../../model/types.ts';
import { fontCoverage, maxListDepth, maxTableColumns, maxTitleWord } from '../../render/pdf/limits.ts';
import { fieldName, findInFrontMatter } from '../parsed-text.ts';

/** Characters that draw nothing and are judged by other rules (white space, controls, hidden characters, lone surrogates). */
const notDrawn = /[\s\p{Cc}\p{Cf}\p{Cs}]/u;

const codePoint = (char: string): string => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

const hint = 'the PDF would print an empty box and lose the character from its text; write it in letters the fonts have, or leave it out';

/** The message for the characters of `text` that `covered` lacks, or undefined when every one is drawn. */
function undrawable(text: string, covered: ReadonlySet<number>, font: string): string | undefined {
  const missing = [...new Set([...text].filter((char) => !notDrawn.test(char) && !covered.has(char.codePointAt(0)!)))];
  if (missing.length === 0) return undefined;
  const shown = missing.slice(0, 5).map((char) => `\`${char}\` (${codePoint(char)})`).join(', ');
  return `Unexpected ${missing.length === 1 ? 'character' : 'characters'} ${shown}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''} that the PDF fonts cannot draw, expected characters ${font} has`;
}

export default defineRule({
  id: 'pdf-limits',
  summary: 'Bodies stay within what the council PDFs can show: table columns, list depth, characters the fonts have.',
  severity: 'error',
  run({ graph, report }) {
    const fonts = fontCoverage();
    for (const file of graph.files) {
      const walk = (node: Nodes, lists: number): void => {
        const place = node.position as Place;
        if (node.type === 'table') {
          const columns = Math.max(0, ...node.children.map((row) => row.children.length));
          if (columns > maxTableColumns) {
            report({
              file,
              place,
              message: `Unexpected table with ${columns} columns, expected at most ${maxTableColumns}`,
              hint: `the PDF cannot fit more than ${maxTableColumns} columns across a page; split the table, or turn it so that the many things are rows`,
            });
          }
        }
        const depth = node.type === 'list' ? lists + 1 : lists;
        if (node.type === 'list' && depth === maxListDepth + 1) {
          report({
            file,
            place,
            message: `Unexpected list nested ${depth} levels deep, expected at most ${maxListDepth}`,
            hint: `the PDF cannot show lists nested deeper than ${maxListDepth} levels; flatten the list`,
          });
        }
        if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') {
          const message = undrawable(node.value, node.type === 'text' ? fonts.text : fonts.code, node.type === 'text' ? 'DejaVu Sans' : 'DejaVu Sans Mono');
          if (message) report({ file, place, message, hint });
        }
        if ('children' in node) for (const child of node.children) walk(child, depth);
      };
      walk(file.body, 0);
      // Titles and the other front-matter text the PDF prints (the cover, headings, table cells, facts).
      const kind = typeof file.data?.['kind'] === 'string' ? file.data['kind'] : undefined;
      const translatable = (kind && graph.schema.kinds.get(kind)?.translatableFields) || new Set<string>();
      for (const { path, value } of findInFrontMatter(file.data, (value, at) => at === 'value' && typeof value === 'string')) {
        const message = undrawable(value as string, fonts.text, 'DejaVu Sans');
        if (message) report({ file, path, message: `${message} (in \`${fieldName(path)}\`)`, hint });
        if (!translatable.has(String(path[0]))) continue;
        const longest = Math.max(0, ...(value as string).split(/\s+/u).map((word) => [...word].length));
        if (longest > maxTitleWord) {
          report({
            file,
            path,
            message: `Unexpected word of ${longest} characters in \`${fieldName(path)}\`, expected at most ${maxTitleWord}`,
            hint: 'the PDF prints this text in headings and narrow table columns, where a longer word runs over the edge; write it with a space or a hyphen where it may break',
          });
        }
      }
    }
  },
});
