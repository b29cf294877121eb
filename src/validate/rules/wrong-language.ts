import { defineRule } from '../rule.ts';
import { blocks, fieldTexts } from '../../cross-language/file-view.ts';
import { identifyLanguage, type DetectedLanguage } from '../../cross-language/language.ts';
import { properNames } from '../../cross-language/names.ts';
import { t, type MessageKey } from '../../messages/index.ts';
import { whereBlock, whereField } from '../../cross-language/where.ts';

/**
 * What each text was judged to be, per set of proper names, kept for the process: a judgement depends on the text and
 * the names only, and `strategy dev` and the tests check the same texts again and again. Only the language a reliable
 * judgement found is kept (undefined for none); a memory that reaches its bound is let go, so a long session stays small.
 */
const remembered = new Map<string, Map<string, DetectedLanguage | undefined>>();
const maxNameSets = 16;
const maxRemembered = 50_000;

function judgementsFor(names: readonly string[]): Map<string, DetectedLanguage | undefined> {
  const key = names.join('\u0000');
  let judgements = remembered.get(key);
  if (!judgements) {
    if (remembered.size >= maxNameSets) remembered.clear();
    remembered.set(key, (judgements = new Map()));
  }
  return judgements;
}

/** A language in one of the forms a sentence needs (`text`, `name`, `into`), or its code for another one. */
const form = (lang: string, which: 'text' | 'name' | 'into') => (['sv', 'fi', 'en'].includes(lang) ? t(`lang.${lang}.${which}` as MessageKey) : lang);

export default defineRule({
  id: 'wrong-language',
  scope: 'file',
  severity: 'error',
  group: 'cross-language',
  docs: {
    en: `Error. Text is in its file's language. Each block and translated field long enough to judge (at least four words
and 25 letters, once numbers, links, acronyms and proper names are taken out) is identified with eld, limited to
Swedish, Finnish and English. Proper names that are the same in both languages (Sotkanet, HaiPro) never count: list
them in the glossary with the same term in both languages, or in \`properNames\` in schema/project.json.`,
    sv: `Fel. Texten är på filens språk. Varje block och översatt fält som är tillräckligt långt för att bedömas (minst fyra
ord och 25 bokstäver när tal, länkar, förkortningar och egennamn tagits bort) identifieras med eld, begränsat till
svenska, finska och engelska. Egennamn som är lika på båda språken (Sotkanet, HaiPro) räknas aldrig: lägg dem i
ordlistan med samma term på båda språken, eller under \`properNames\` i schema/project.json.`,
    fi: `Virhe. Teksti on tiedoston kielellä. Jokainen arvioitavaksi riittävän pitkä lohko ja käännetty kenttä (vähintään
neljä sanaa ja 25 kirjainta, kun luvut, linkit, lyhenteet ja erisnimet on poistettu) tunnistetaan eld-kirjastolla
ruotsiin, suomeen ja englantiin rajattuna. Kummallakin kielellä samat erisnimet (Sotkanet, HaiPro) eivät koskaan
vaikuta: lisää ne sanastoon samalla termillä molemmille kielille tai kohtaan \`properNames\` tiedostossa
schema/project.json.`,
  },
  run({ graph, report }) {
    const names = properNames(graph);
    // Each distinct text is judged once: the same title, unit or responsible body recurs in many files.
    const judgements = judgementsFor(names);
    const judge = (text: string): DetectedLanguage | undefined => {
      if (judgements.has(text)) return judgements.get(text);
      const { lang, reliable } = identifyLanguage(text, { properNames: names });
      const found = reliable ? lang : undefined;
      if (judgements.size >= maxRemembered) judgements.clear();
      judgements.set(text, found);
      return found;
    };
    for (const file of graph.files) {
      const judged = [
        ...fieldTexts(graph, file).map((f) => ({ path: [f.field], place: undefined, what: whereField(f.field), found: judge(f.text) })),
        ...blocks(file).map((block) => ({ path: undefined, place: block.position, what: whereBlock(block.type), found: judge(block.text) })),
      ];
      for (const { path, place, what, found } of judged) {
        if (found === undefined || found === file.lang) continue;
        report({
          file,
          ...(path ? { path } : {}),
          ...(place ? { place } : {}),
          message: t('wrong-language', { found: form(found, 'text'), where: what, expected: form(file.lang, 'name'), lang: file.lang }),
          hint: t('wrong-language.hint', { into: form(file.lang, 'into'), found: form(found, 'text') }),
        });
      }
    }
  },
});
