import type { Nodes } from 'mdast';
import { defineRule } from '../rule.ts';
import type { Place } from '../../model/types.ts';
import { fontCoverage, maxListDepth, maxTableColumns } from '../../render/pdf/limits.ts';

/** Characters that draw nothing and are judged by other rules (white space, controls, hidden characters). */
const notDrawn = /[\s\p{Cc}\p{Cf}]/u;

const codePoint = (char: string): string => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

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
          const set = node.type === 'text' ? fonts.text : fonts.code;
          const missing = [...new Set([...node.value].filter((char) => !notDrawn.test(char) && !set.has(char.codePointAt(0)!)))];
          if (missing.length > 0) {
            const shown = missing.slice(0, 5).map((char) => `\`${char}\` (${codePoint(char)})`).join(', ');
            report({
              file,
              place,
              message: `Unexpected ${missing.length === 1 ? 'character' : 'characters'} ${shown}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''} that the PDF fonts cannot draw, expected characters DejaVu Sans${node.type === 'text' ? '' : ' Mono'} has`,
              hint: 'the PDF would print an empty box and lose the character from its text; write it in letters the fonts have, or leave it out',
            });
          }
        }
        if ('children' in node) for (const child of node.children) walk(child, depth);
      };
      walk(file.body, 0);
    }
  },
});
