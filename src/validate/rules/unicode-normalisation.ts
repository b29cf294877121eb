import { defineRule } from '../rule.ts';
import { pointLocator } from '../../parse/offsets.ts';

export default defineRule({
  id: 'unicode-normalisation',
  summary: 'Text is in Unicode NFC, so that `ä` typed and `ä` pasted are the same letter to search, sorting and comparison.',
  severity: 'error',
  run({ graph, report }) {
    for (const file of graph.files) {
      const text = String(file.vfile.value);
      if (text.normalize('NFC') === text) continue;
      const locate = pointLocator(text);
      // Report each line once, at its first decomposed character.
      const seen = new Set<number>();
      for (const match of text.matchAll(/\P{M}\p{M}+/gu)) {
        if (match[0].normalize('NFC') === match[0]) continue;
        const start = locate(match.index);
        if (seen.has(start.line)) continue;
        seen.add(start.line);
        report({
          file,
          place: { start, end: { ...start, column: start.column + match[0].length } },
          message: `Unexpected decomposed \`${match[0].normalize('NFC')}\` (NFD), expected the composed form (NFC)`,
          hint: 'run `npx strategy fix --apply`, which normalises the file to NFC without changing the text',
        });
      }
    }
  },
});
