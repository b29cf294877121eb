import { defineRule } from '../rule.ts';
import { pointLocator } from '../../parse/offsets.ts';

/** Invisible characters that change what a reader sees, or the order they see it in (Trojan Source). */
const hidden = /[\u200B-\u200D\u2060\uFEFF\u00AD\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

const hiddenAny = new RegExp(hidden.source);

function describe(char: string): string {
  const code = char.codePointAt(0)!;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069) || code === 0x200e || code === 0x200f || code === 0x061c) return `bidirectional control character ${hex}`;
  if (code === 0x00ad) return `soft hyphen ${hex}`;
  return `zero-width character ${hex}`;
}

export default defineRule({
  id: 'hidden-characters',
  summary: 'No invisible characters: zero-width spaces, soft hyphens and bidirectional controls hide or reorder text.',
  severity: 'error',
  run({ graph, report }) {
    for (const file of graph.files) {
      const text = String(file.vfile.value);
      if (!hiddenAny.test(text)) continue;
      const locate = pointLocator(text);
      for (const match of text.matchAll(hidden)) {
        const start = locate(match.index);
        report({
          file,
          place: { start, end: { ...start, column: start.column + 1 } },
          message: `Unexpected ${describe(match[0])}, expected visible text only`,
          hint: 'delete it: it was probably pasted from a web page or a word processor',
        });
      }
    }
  },
});
