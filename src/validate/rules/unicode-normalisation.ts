import { defineRule } from '../rule.ts';
import { escapesIn, locationOf, matchesIn, parsedTexts } from '../parsed-text.ts';
import { t } from '../../messages/index.ts';

const notNfc = (text: string) => text.normalize('NFC') !== text;

export default defineRule({
  id: 'unicode-normalisation',
  scope: 'file',
  severity: 'error',
  run({ graph, report }) {
    for (const file of graph.files) {
      const text = String(file.vfile.value);
      if (notNfc(text)) {
        // Report each line once, at its first decomposed character.
        const seen = new Set<number>();
        for (const { match, place } of matchesIn(text, /\P{M}\p{M}+/gu)) {
          if (!notNfc(match[0]) || seen.has(place.start.line)) continue;
          seen.add(place.start.line);
          report({ file, place, message: t('unicode-normalisation', { letter: match[0].normalize('NFC') }), hint: t('unicode-normalisation.hint') });
        }
      }
      // Decomposed text that a YAML escape (`"a\u0308"`) or a character reference (`a&#x308;`) makes, in a node
      // whose source is composed (a decomposed source is reported above): once per node, at the first mark.
      for (const parsed of parsedTexts(file, notNfc)) {
        if (notNfc(parsed.source)) continue;
        const decomposed = [...parsed.text.matchAll(/\P{M}\p{M}+/gu)].find((match) => notNfc(match[0]));
        const letter = decomposed ? decomposed[0].normalize('NFC') : parsed.text.normalize('NFC');
        const escape = [...escapesIn(parsed.source, parsed.from)].find((found) => /^\p{M}$/u.test(found.char));
        const message = escape ? t('unicode-normalisation.escaped', { letter, where: parsed.where, written: escape.written }) : t('unicode-normalisation.in', { letter, where: parsed.where });
        const hint = t(parsed.from === 'yaml' ? 'unicode-normalisation.escape.hint' : 'unicode-normalisation.reference.hint', { letter });
        report({ file, ...locationOf(file, parsed, escape), message, hint });
      }
    }
  },
});
