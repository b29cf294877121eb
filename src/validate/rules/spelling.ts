import type { Nodes } from 'mdast';
import { defineRule } from '../rule.ts';
import { fieldTexts } from '../../cross-language/file-view.ts';
import { properNames } from '../../cross-language/names.ts';
import { fileText, sourceAt } from '../parsed-text.ts';
import { kindProperties } from '../../edit/schema-props.ts';
import { t } from '../../messages/index.ts';
import { spellers } from '../../spelling/index.ts';
import { SWEDISH_ENDINGS } from '../../cross-language/stems.ts';
import type { Place, SourceFile, StrategyGraph } from '../../model/types.ts';
import { startOfFile } from '../../parse/types.ts';

/**
 * A run of letters, with inner hyphens, apostrophes and colons (`sote-keskus`, `e-tjänst`, `EU:n`), and a number
 * joined to it by a hyphen (`75-vuotiaat`, `2020-luvulla`), which is part of the word.
 */
const wordPattern = /(?:\d+[-–])?[\p{L}\p{M}]+(?:[-'’:][\p{L}\p{M}]+)*/gu;

interface Found {
  word: string;
  /** Where the word is: worked out only for a word that is reported (most words are spelled right). */
  place: () => Place;
}

/**
 * Whether a word needs no report, from the word and the characters just before and after it in its text (a hyphen
 * or a colon changes what it is): asked once per distinct word and context in a check.
 */
type Fine = (word: string, before: string, after: string) => boolean;

/**
 * The words of a text whose source starts at `offset` that are not fine, placed exactly when the source is the text
 * as written, else at the text's own place (`where`, asked for only when a word is reported).
 */
function wordsIn(text: string, fine: Fine, found: Found[], where: () => { source: string; offset: number; fallback: Place }, at: (offset: number) => Place['start']): void {
  wordPattern.lastIndex = 0;
  for (let match = wordPattern.exec(text); match !== null; match = wordPattern.exec(text)) {
    const word = match[0];
    const index = match.index;
    const before = text[index - 1] ?? '';
    const after = text[index + word.length] ?? '';
    if (fine(word, before, after)) continue;
    found.push({
      word,
      place: () => {
        const { source, offset, fallback } = where();
        if (source !== text) return fallback;
        return { start: at(offset + index), end: at(offset + index + word.length) };
      },
    });
  }
}

/** Per schema folder (the same for every check of a process while it is unchanged): kind → its written fields. */
const fieldsBySchema = new WeakMap<object, Map<string, Set<string>>>();

/** The translated fields of a kind whose values are words a person wrote, not one of the schema's values (`text-status`). */
function writtenFields(graph: StrategyGraph, kind: unknown): Set<string> {
  if (typeof kind !== 'string') return new Set();
  let cache = fieldsBySchema.get(graph.schema);
  if (!cache) fieldsBySchema.set(graph.schema, (cache = new Map()));
  let fields = cache.get(kind);
  if (fields) return fields;
  const definition = graph.schema.kinds.get(kind);
  fields = new Set(definition ? kindProperties(graph.schema, definition).filter((p) => p.translatable && !Array.isArray(p.schema['enum'])).map((p) => p.name) : []);
  cache.set(kind, fields);
  return fields;
}

/**
 * Every word a reader sees that is not fine, in the order of the file: the translated fields and the body's text,
 * never code, addresses or HTML.
 */
function wordsOf(graph: StrategyGraph, file: SourceFile, fields: ReadonlySet<string>, fine: Fine): Found[] {
  // The file's text and its locator are made only for a word that is reported.
  const locate = (offset: number) => fileText(file).pointAt(offset);
  const found: Found[] = [];
  for (const { field, text: value } of fieldTexts(graph, file)) {
    if (!fields.has(field)) continue;
    // The field's place reads the front matter again: only for a field with a word to report.
    let where: { source: string; offset: number; fallback: Place } | undefined;
    const place = () => {
      if (!where) {
        const at = file.locate([field]);
        where = { source: sourceAt(file, at), offset: fileText(file).offsetOf(at.start), fallback: at };
      }
      return where;
    };
    wordsIn(value, fine, found, place, locate);
  }
  const walk = (node: Nodes): void => {
    if (node.type === 'text' && node.position?.start.offset !== undefined && node.position.end.offset !== undefined) {
      const { start, end } = node.position;
      wordsIn(node.value, fine, found, () => ({ source: fileText(file).text.slice(start.offset, end.offset), offset: start.offset!, fallback: node.position as Place }), locate);
    }
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(file.body);
  return found;
}

/**
 * Words that are not for the dictionary: abbreviations (`THL`, `HaiPro`, `EU:n`), one letter, the first half of a
 * compound written apart (`hälso- och sjukvård`, `huhti–kesäkuu`), a case ending after a colon (`%:ssa`).
 */
function skipped({ word, before, after }: { word: string; before: string; after: string }): boolean {
  const letters = word.replace(/^\d+[-–]/, '');
  return [...letters].length < 2 || /\p{Lu}/u.test(letters.slice(1)) || word.includes(':') || after === '-' || after === '–' || before === ':';
}

/** The words each language accepts besides its dictionary: the glossary's terms, proper names, the project's list. */
function acceptedWords(graph: StrategyGraph, lang: string): Set<string> {
  const accepted = new Set<string>();
  const add = (text: string) => {
    for (const match of text.matchAll(wordPattern)) accepted.add(match[0].toLowerCase());
  };
  for (const entry of graph.glossary) for (const terms of Object.values(entry.terms)) terms.forEach(add);
  properNames(graph).forEach(add);
  (graph.schema.project.spelling[lang] ?? []).forEach(add);
  return accepted;
}

/**
 * An accepted word, or one inflected: in Finnish the word and at most five letters more (`Sotkanetissa`,
 * `Närpiöön`); in Swedish the word and a noun ending (the glossary's `närtjänst` as `närtjänster`).
 */
function isAccepted(accepted: ReadonlySet<string>, word: string, lang: string): boolean {
  const lower = word.toLowerCase();
  if (accepted.has(lower)) return true;
  if (lang === 'sv') {
    for (const ending of SWEDISH_ENDINGS) if (ending !== '' && lower.endsWith(ending) && accepted.has(lower.slice(0, -ending.length))) return true;
    return false;
  }
  if (lang !== 'fi') return false;
  for (let length = lower.length - 1; length >= Math.max(3, lower.length - 5); length--) if (accepted.has(lower.slice(0, length))) return true;
  return false;
}

/** Words longer than this get no suggestions, and a check suggests for this many different words at most. */
const maxSuggestedLength = 25;
const maxSuggestedWords = 20;

export default defineRule({
  id: 'spelling',
  scope: 'file',
  severity: 'warn',
  group: 'spelling',
  docs: {
    en: `Warning. Every word a reader sees (the translated fields such as the title, and the text of the body; not code, link
addresses or ids) is spelt right in its file's language: Swedish with Hunspell and the Swedish dictionary of Finland
(\`sv_FI\`, Debian's \`hunspell-sv\`), Finnish with Voikko (Debian's \`libvoikko1\` and \`voikko-fi\`), which analyses
Finnish inflection and compounds. Accepted besides the dictionary: the glossary's terms in every language, the
project's \`properNames\`, and the word list of each language in schema/project.json (\`"spelling": { "sv": [...],
"fi": [...] }\`), where the county keeps its place and organisation names and its own terms (\`Närpes\`,
\`servicestigar\`); a Finnish word is accepted when it is such a word inflected (\`Sotkanetissa\`). Abbreviations in
capitals (\`THL\`, \`HaiPro\`), words with a case ending after a colon (\`EU:n\`), the first part of a compound written
apart (\`hälso- och sjukvård\`) and single letters are not checked. The message is at the word, with suggestions:
Voikko's for Finnish, and for Swedish the words Hunspell knows one typing slip away (a letter doubled, two swapped,
one left out or mistyped), since Hunspell's own suggestions take it a tenth of a second a word. Where Hunspell or Voikko is not installed, the rule says so once, on the first file of that language,
and does not check that language; \`.ci/run\` and the workflows install both.`,
    sv: `Varning. Varje ord som en läsare ser (de översatta fälten som rubriken och texten i brödtexten; inte kod,
länkadresser eller id) är rätt stavat på filens språk: svenska med Hunspell och den finlandssvenska ordlistan
(\`sv_FI\`, Debians \`hunspell-sv\`), finska med Voikko (Debians \`libvoikko1\` och \`voikko-fi\`), som analyserar finskans
böjning och sammansättningar. Utöver ordlistan godtas: ordlistans (glossary.yaml) termer på alla språk, projektets
\`properNames\` och varje språks ordlista i schema/project.json (\`"spelling": { "sv": [...], "fi": [...] }\`), där
välfärdsområdet har sina ort- och organisationsnamn och sina egna termer (\`Närpes\`, \`servicestigar\`); ett finskt ord
godtas när det är ett sådant ord i böjd form (\`Sotkanetissa\`). Förkortningar med versaler (\`THL\`, \`HaiPro\`), ord med
kasusändelse efter kolon (\`EU:n\`), första leden i en särskriven sammansättning (\`hälso- och sjukvård\`) och enstaka
bokstäver kontrolleras inte. Meddelandet står vid ordet, med förslag: Voikkos för finska, och för svenska de ord
som Hunspell känner till ett skrivfel bort (en bokstav dubblerad, två omkastade, en utelämnad eller felskriven),
eftersom Hunspells egna förslag tar en tiondels sekund per ord. Där Hunspell eller Voikko inte är
installerat säger regeln det en gång, vid den första filen på det språket, och kontrollerar inte det språket;
\`.ci/run\` och arbetsflödena installerar båda.`,
    fi: `Varoitus. Jokainen sana, jonka lukija näkee (käännetyt kentät, kuten otsikko, ja leipäteksti; ei koodia,
linkkiosoitteita eikä tunnisteita), on kirjoitettu oikein tiedoston kielellä: ruotsi Hunspellilla ja suomenruotsin
sanakirjalla (\`sv_FI\`, Debianin \`hunspell-sv\`), suomi Voikolla (Debianin \`libvoikko1\` ja \`voikko-fi\`), joka
analysoi suomen taivutuksen ja yhdyssanat. Sanakirjan lisäksi hyväksytään sanaston (glossary.yaml) termit kaikilla
kielillä, projektin \`properNames\` ja kunkin kielen sanaluettelo tiedostossa schema/project.json (\`"spelling": { "sv":
[...], "fi": [...] }\`), jossa hyvinvointialue pitää paikkojen ja organisaatioiden nimet ja omat terminsä (\`Närpes\`,
\`servicestigar\`); suomenkielinen sana hyväksytään, kun se on tällainen sana taivutettuna (\`Sotkanetissa\`).
Isokirjaimisia lyhenteitä (\`THL\`, \`HaiPro\`), kaksoispisteen jälkeisellä sijapäätteellä kirjoitettuja sanoja (\`EU:n\`),
erikseen kirjoitetun yhdyssanan alkuosaa (\`sosiaali- ja terveydenhuolto\`) ja yksittäisiä kirjaimia ei tarkisteta.
Ilmoitus on sanan kohdalla ehdotusten kera: suomessa Voikon ehdotukset, ruotsissa ne sanat, jotka Hunspell tuntee
yhden näppäilyvirheen päässä (kirjain kahdesti, kaksi kirjainta väärin päin, kirjain puuttuu tai on väärä), koska
Hunspellin omat ehdotukset vievät kymmenyssekunnin sanaa kohden. Jos Hunspellia tai Voikkoa ei ole asennettu, sääntö kertoo sen
kerran kyseisen kielen ensimmäisen tiedoston kohdalla eikä tarkista sitä kieltä; \`.ci/run\` ja työnkulut asentavat
molemmat.`,
  },
  run({ graph, report }) {
    const said = new Set<string>();
    const accepted = new Map<string, Set<string>>();
    const fine = new Map<string, { plain: Map<string, boolean>; dotted: Map<string, boolean> }>();
    const suggested = new Set<string>();
    for (const file of graph.files) {
      const speller = spellers.get(file.lang);
      if (!speller || !file.data) continue;
      if (!speller.available()) {
        // Once per language and check: the language is skipped, and the editor told why.
        if (said.has(file.lang)) continue;
        said.add(file.lang);
        report({ file, place: startOfFile, message: t('spelling.unavailable', { lang: file.lang, reason: speller.unavailableReason?.() ?? '' }), hint: t(file.lang === 'fi' ? 'spelling.unavailable.fi.hint' : file.lang === 'sv' ? 'spelling.unavailable.sv.hint' : 'spelling.unavailable.other.hint') });
        continue;
      }
      let words = accepted.get(file.lang);
      if (!words) accepted.set(file.lang, (words = acceptedWords(graph, file.lang)));
      const accepts = words;
      // Whether a word is fine depends on the word, its language and, of what stands around it, only on a colon
      // before it, a dash after it (both make it skipped) and a dot after it (an abbreviation is also looked up
      // with its dot: `milj.`, `ks.`): each word is judged once per language and dot.
      let known = fine.get(file.lang);
      if (!known) fine.set(file.lang, (known = { plain: new Map(), dotted: new Map() }));
      const { plain, dotted } = known;
      const correct = (part: string, dot: boolean) => isAccepted(accepts, part, file.lang) || speller.correct(part) || (dot && speller.correct(`${part}.`));
      const judge = (word: string, dot: boolean): boolean => {
        if (skipped({ word, before: '', after: '' }) || isAccepted(accepts, word, file.lang)) return true;
        const parts = word.split(/[-–]/).filter((part) => /\p{L}/u.test(part) && !skipped({ word: part, before: '', after: '' }));
        // The word whole (`64-åringar`, `sote-keskus`), else each part of a hyphenated compound (`Helpperi-sovellus`).
        return correct(word, dot) || ((parts.length > 1 || (parts.length === 1 && parts[0] !== word)) && parts.every((part) => correct(part, dot)));
      };
      const isFine: Fine = (word, before, after) => {
        if (before === ':' || after === '-' || after === '–') return true;
        const dot = after === '.';
        const verdicts = dot ? dotted : plain;
        let ok = verdicts.get(word);
        if (ok === undefined) verdicts.set(word, (ok = judge(word, dot)));
        return ok;
      };
      for (const { word, place } of wordsOf(graph, file, writtenFields(graph, file.data['kind']), isFine)) {
        // Suggestions take the checkers far longer than a lookup, the more so for a long string that is no word at
        // all (a pasted address, a mangled line): a word of a length a person writes, and the first so many.
        const suggestions = [...word].length <= maxSuggestedLength && suggested.size < maxSuggestedWords ? speller.suggest(word).slice(0, 3) : [];
        if (suggestions.length > 0) suggested.add(word);
        report({
          file,
          place: place(),
          message: t('spelling', { word, dictionary: t(file.lang === 'fi' ? 'spelling.dictionary.fi' : 'spelling.dictionary.sv') }),
          hint: suggestions.length > 0 ? t('spelling.suggest.hint', { suggestions: suggestions.map((s) => `\`${s}\``).join(', '), lang: file.lang }) : t('spelling.hint', { lang: file.lang }),
        });
      }
    }
  },
});
