import { defineRule } from '../rule.ts';
import { inflectedTerm, nativeMorphology } from '../../cross-language/morphology.ts';
import { t } from '../../messages/index.ts';

/**
 * The glossary is a termbase: each term in its base form. The terminology rule finds the inflected forms in the
 * text itself, so an inflected entry (`hyvinvointialueen`, `kunden`) is an error, at the term in glossary.yaml,
 * with its base form. Finnish is judged with Voikko, Swedish with Hunspell; a language whose checker is not
 * installed is not judged (the spelling rule says once that it is missing).
 */
export default defineRule({
  id: 'glossary-base-form',
  scope: 'graph',
  severity: 'error',
  group: 'cross-language',
  docs: {
    en: `Error. Each glossary term is written in its base form: Swedish in the indefinite singular, Finnish in the nominative
singular. An entry written inflected to suit a matcher (\`hyvinvointialueen\`, \`tavoitteita\`, \`mittarien\`, \`kunden\`,
\`kunder\`) is reported at the term in glossary.yaml, with the base form to write instead; the terminology rule finds
the inflected forms in the text by itself. The head of the term is judged: in Finnish its last word (the words
before it agree with it, or are genitives: \`hoidon tarpeen arviointi\`), in Swedish the word before the first
preposition, else its last (\`bedömning av vårdbehovet\`). Finnish is judged with Voikko (a word it has no reading of
as a nominative singular), Swedish with Hunspell (one of its stems with a definite or plural ending); a language
whose checker is not installed is not judged, and the spelling rule says once that it is missing.`,
    sv: `Fel. Varje term i ordlistan skrivs i grundform: svenska i obestämd form singular, finska i nominativ singular. En
term som har skrivits i böjd form för att passa en jämförelse (\`hyvinvointialueen\`, \`tavoitteita\`, \`mittarien\`,
\`kunden\`, \`kunder\`) rapporteras vid termen i glossary.yaml, med den grundform som ska stå där; terminologiregeln
hittar själv de böjda formerna i texten. Termens huvudord bedöms: på finska det sista ordet (orden före det
kongruerar med det eller står i genitiv: \`hoidon tarpeen arviointi\`), på svenska ordet före den första
prepositionen, annars det sista (\`bedömning av vårdbehovet\`). Finskan bedöms med Voikko (ett ord som inte kan vara
nominativ singular), svenskan med Hunspell (en ordstam med en ändelse för bestämd form eller plural); ett språk vars
stavningskontroll inte är installerad bedöms inte, och stavningsregeln säger en gång att den saknas.`,
    fi: `Virhe. Sanaston jokainen termi kirjoitetaan perusmuodossa: ruotsi epämääräisessä yksikössä, suomi yksikön
nominatiivissa. Termi, joka on kirjoitettu taivutettuna vertailua varten (\`hyvinvointialueen\`, \`tavoitteita\`,
\`mittarien\`, \`kunden\`, \`kunder\`), ilmoitetaan termin kohdalla glossary.yaml-tiedostossa, ja viesti kertoo
perusmuodon, joka kuuluu sen tilalle; terminologiasääntö löytää taivutetut muodot tekstistä itse. Termin pääsana
arvioidaan: suomessa viimeinen sana (sitä edeltävät sanat kongruoivat sen kanssa tai ovat genetiivissä: \`hoidon
tarpeen arviointi\`), ruotsissa ensimmäistä prepositiota edeltävä sana tai muuten viimeinen (\`bedömning av
vårdbehovet\`). Suomen arvioi Voikko (sana, joka ei voi olla yksikön nominatiivi), ruotsin Hunspell (sanavartalo ja
määräisen muodon tai monikon pääte); kieltä, jonka oikeinkirjoituksen tarkistinta ei ole asennettu, ei arvioida, ja
oikeinkirjoitussääntö kertoo kerran, että se puuttuu.`,
  },
  run({ graph, report }) {
    const file = graph.glossaryFile;
    if (!file || graph.glossary.length === 0) return;
    const morphology = nativeMorphology();
    for (const entry of graph.glossary) {
      for (const [lang, terms] of Object.entries(entry.terms)) {
        terms.forEach((term, index) => {
          const inflected = inflectedTerm(term, lang, morphology);
          if (!inflected) return;
          const place = entry.places?.[lang]?.[index];
          report({
            file,
            ...(place ? { place } : {}),
            message: t('glossary-base-form', { term, word: inflected.word, base: inflected.base, lang, id: entry.id }),
            hint: t('glossary-base-form.hint', { word: inflected.word, base: inflected.base }),
          });
        });
      }
    }
  },
});
