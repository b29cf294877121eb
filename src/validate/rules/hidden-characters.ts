import { defineRule } from '../rule.ts';
import { pointLocator } from '../../parse/offsets.ts';

/**
 * Invisible characters that change what a reader sees, or the order they see it in (Trojan Source); control
 * characters other than tab and line ends; line and paragraph separators; invisible operators; and Unicode tag
 * characters, which can carry a whole hidden text.
 */
const hidden = /[\u200B-\u200D\u2060\uFEFF\u00AD\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029\u2061-\u2064\u180E\uFFF9-\uFFFB]|[\u{E0000}-\u{E007F}]+/gu;

const hiddenAny = new RegExp(hidden.source, 'u');

function describe(char: string): string {
  const code = char.codePointAt(0)!;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069) || code === 0x200e || code === 0x200f || code === 0x061c) return `bidirectional control character ${hex}`;
  if (code === 0x00ad) return `soft hyphen ${hex}`;
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return `control character ${hex}`;
  if (code === 0x2028 || code === 0x2029) return `${code === 0x2028 ? 'line' : 'paragraph'} separator ${hex}`;
  if (code >= 0xe0000) return char.length > 2 ? `${char.length / 2} tag characters from ${hex} on (a hidden text)` : `tag character ${hex}`;
  if (code >= 0x2061 && code <= 0x2064) return `invisible operator ${hex}`;
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
          place: { start, end: { ...start, column: start.column + match[0].length } },
          message: `Unexpected ${describe(match[0])}, expected visible text only`,
          hint: 'delete it: it was probably pasted from a web page or a word processor',
        });
      }
    }
  },
});
