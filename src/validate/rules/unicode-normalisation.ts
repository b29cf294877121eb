import { defineRule } from '../rule.ts';
import { escapesIn, locationOf, matchesIn, parsedTexts } from '../parsed-text.ts';
import { t } from '../../messages/index.ts';

const notNfc = (text: string) => text.normalize('NFC') !== text;

export default defineRule({
  id: 'unicode-normalisation',
  scope: 'file',
  severity: 'error',
  group: 'safety',
  docs: {
    en: `Error. Text is stored composed (NFC): \`ä\` as one character, not \`a\` followed by a combining diaeresis, which looks the
same but does not match in search or comparison. \`npx strategy fix --apply\` normalises files. An escape that writes a
combining mark (\`"va\\u0308rd"\` in front-matter, \`va&#x308;rd\` in Markdown) makes decomposed text too; it is reported
at the escape, which \`fix\` leaves as it is: write the letter itself.`,
    sv: `Fel. Texten lagras sammansatt (NFC): \`ä\` som ett tecken, inte \`a\` följt av ett kombinerande trema, som ser likadant ut
men inte matchar vid sökning eller jämförelse. \`npx strategy fix --apply\` normaliserar filerna. En escape-sekvens som
skriver ett kombinerande tecken (\`"va\\u0308rd"\` i front-matter, \`va&#x308;rd\` i Markdown) ger också sönderdelad
text; den rapporteras vid escape-sekvensen, som \`fix\` lämnar som den är: skriv själva bokstaven.`,
    fi: `Virhe. Teksti tallennetaan koottuna (NFC): \`ä\` yhtenä merkkinä eikä \`a\`:na, jota seuraa yhdistelmätreema; ne näyttävät
samalta mutta eivät täsmää haussa eivätkä vertailussa. \`npx strategy fix --apply\` normalisoi tiedostot.
Koodinvaihtosarja, joka kirjoittaa yhdistelmämerkin (\`"va\\u0308rd"\` front matterissa, \`va&#x308;rd\` Markdownissa),
tuottaa myös hajotettua tekstiä; siitä ilmoitetaan koodinvaihtosarjan kohdalla, jonka \`fix\` jättää ennalleen: kirjoita
itse kirjain.`,
  },
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
