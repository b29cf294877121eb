import { defineRule } from '../rule.ts';
import { escapesIn, locationOf, matchesIn, parsedTexts, type ParsedText } from '../parsed-text.ts';
import { t } from '../../messages/index.ts';

/**
 * Invisible characters that change what a reader sees, or the order they see it in (Trojan Source); control
 * characters other than tab and line ends; line and paragraph separators; invisible operators; and Unicode tag
 * characters, which can carry a whole hidden text.
 */
const hidden = /[\u200B-\u200D\u2060\uFEFF\u00AD\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029\u2061-\u2064\u180E\uFFF9-\uFFFB]|[\u{E0000}-\u{E007F}]+/gu;

const hiddenAny = new RegExp(hidden.source, 'u');

/**
 * The same, one character at a time, with lone surrogates, which no UTF-8 file holds but a YAML escape (`"\ud800"`)
 * makes: they are not text, and the JSON export, the HTML and the PDF each write them differently.
 */
const hiddenChar = /[\u200B-\u200D\u2060\uFEFF\u00AD\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029\u2061-\u2064\u180E\uFFF9-\uFFFB\u{E0000}-\u{E007F}\uD800-\uDFFF]/gu;
const hiddenCharAny = new RegExp(hiddenChar.source, 'u');

function describe(char: string): string {
  const code = char.codePointAt(0)!;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069) || code === 0x200e || code === 0x200f || code === 0x061c) return t('hidden-characters.bidi', { hex });
  if (code === 0x00ad) return t('hidden-characters.soft-hyphen', { hex });
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return t('hidden-characters.control', { hex });
  if (code === 0x2028 || code === 0x2029) return t(code === 0x2028 ? 'hidden-characters.line-separator' : 'hidden-characters.paragraph-separator', { hex });
  if (code >= 0xd800 && code <= 0xdfff) return t('hidden-characters.surrogate', { hex });
  if (code >= 0xe0000) return char.length > 2 ? t('hidden-characters.tags', { n: char.length / 2, hex }) : t('hidden-characters.tag', { hex });
  if (code >= 0x2061 && code <= 0x2064) return t('hidden-characters.operator', { hex });
  return t('hidden-characters.zero-width', { hex });
}

/** How many times each character of `pattern` occurs in `text`. */
function counts(text: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const match of text.matchAll(hiddenChar)) found.set(match[0], (found.get(match[0]) ?? 0) + 1);
  return found;
}

const isTag = (char: string) => char.codePointAt(0)! >= 0xe0000;

/**
 * The hidden characters a parsed text holds beyond those written as themselves in its source (which the scan of the
 * bytes reports), each at the escape or character reference that writes it; a run of tag characters once.
 */
function escaped(parsed: ParsedText): { char: string; index?: number; written?: string }[] {
  const excess = counts(parsed.text);
  for (const [char, count] of counts(parsed.source)) excess.set(char, (excess.get(char) ?? 0) - count);
  const found: { char: string; index?: number; written?: string }[] = [];
  if (![...excess.values()].some((n) => n > 0)) return found;
  for (const escape of escapesIn(parsed.source, parsed.from)) {
    const left = excess.get(escape.char) ?? 0;
    if (left <= 0) continue;
    excess.set(escape.char, left - 1);
    const last = found.at(-1);
    if (last?.index !== undefined && isTag(last.char) && isTag(escape.char) && last.index + last.written!.length === escape.index) {
      last.char += escape.char;
      last.written += escape.written;
    } else found.push({ ...escape });
  }
  // Written some other way (through an alias): once, at the node.
  for (const [char, left] of excess) if (left > 0) found.push({ char });
  return found;
}

export default defineRule({
  id: 'hidden-characters',
  scope: 'file',
  severity: 'error',
  group: 'safety',
  docs: {
    en: `Error. Zero-width spaces and joiners, soft hyphens, byte-order marks inside the text and bidirectional control
characters are invisible, and the bidirectional ones can make text display in another order than it is stored. So are
control characters other than tab and line ends, the line and paragraph separators U+2028/U+2029, invisible operators
(U+2061–U+2064) and Unicode tag characters (U+E0000–U+E007F), which can carry a whole hidden text. They usually come
from pasting; delete them. The rule reads the text as the site, the PDFs and the open data receive it, too: an escape
in a double-quoted front-matter value (\`"\\u202E"\`, \`"\\0"\`, \`"\\e"\`, \`"\\x85"\`, \`"\\L"\`, \`"\\P"\`), in a key as well as in a
value, and a character reference in Markdown (\`&#x202E;\`, \`&lrm;\`, \`&shy;\`, in the text, a link or an image
description) make the same characters and are reported at the escape. So is a lone surrogate (\`"\\ud800"\`, half of a
character), which no UTF-8 file holds but an escape can write. A character written as itself is reported once, where
it stands. Letters, dashes, typographic quotes and the non-breaking space are text, typed or escaped (\`"\\u00E4"\`,
\`&ndash;\`).`,
    sv: `Fel. Mellanrum och sammanfogare utan bredd, mjuka bindestreck, byte-ordningsmarkeringar inne i texten och
dubbelriktade styrtecken är osynliga, och de dubbelriktade kan få texten att visas i en annan ordning än den lagras.
Detsamma gäller andra styrtecken än tabb och radslut, rad- och styckeavgränsarna U+2028/U+2029, osynliga operatorer
(U+2061–U+2064) och Unicode-taggtecken (U+E0000–U+E007F), som kan bära en hel dold text. De kommer oftast från
inklistring; ta bort dem. Regeln läser också texten så som webbplatsen, PDF-filerna och öppna data får den: en
escape-sekvens i ett värde inom dubbla citattecken i front-matter (\`"\\u202E"\`, \`"\\0"\`, \`"\\e"\`, \`"\\x85"\`, \`"\\L"\`,
\`"\\P"\`), i en nyckel lika väl som i ett värde, och en teckenreferens i Markdown (\`&#x202E;\`, \`&lrm;\`, \`&shy;\`, i
texten, en länk eller en bildbeskrivning) ger samma tecken och rapporteras vid escape-sekvensen. Detsamma gäller ett
ensamt surrogattecken (\`"\\ud800"\`, ett halvt tecken), som ingen UTF-8-fil innehåller men en escape-sekvens kan skriva.
Ett tecken som skrivits som sig självt rapporteras en gång, där det står. Bokstäver, tankstreck, typografiska
citattecken och det hårda mellanslaget är text, skrivna direkt eller med escape (\`"\\u00E4"\`, \`&ndash;\`).`,
    fi: `Virhe. Leveydettömät välit ja liitosmerkit, tavutusmerkit, tekstin sisäiset tavujärjestysmerkit ja kirjoitussuunnan
ohjausmerkit ovat näkymättömiä, ja kirjoitussuunnan merkit voivat saada tekstin näkymään eri järjestyksessä kuin se on
tallennettu. Samoin muut ohjausmerkit kuin sarkain ja rivinvaihdot, rivin- ja kappaleenerottimet U+2028/U+2029,
näkymättömät operaattorit (U+2061–U+2064) ja Unicoden tunnistemerkit (U+E0000–U+E007F), jotka voivat kantaa kokonaista
piilotettua tekstiä. Ne tulevat yleensä liittämällä; poista ne. Sääntö lukee tekstin myös sellaisena kuin sivusto,
PDF-tiedostot ja avoin data sen saavat: koodinvaihtosarja lainausmerkein kirjoitetussa front matterin arvossa
(\`"\\u202E"\`, \`"\\0"\`, \`"\\e"\`, \`"\\x85"\`, \`"\\L"\`, \`"\\P"\`), avaimessa siinä missä arvossakin, ja Markdownin merkkiviittaus
(\`&#x202E;\`, \`&lrm;\`, \`&shy;\`, tekstissä, linkissä tai kuvan kuvauksessa) tuottavat samat merkit, ja niistä ilmoitetaan
koodinvaihtosarjan kohdalla. Samoin yksinäisestä korvausmerkistä (\`"\\ud800"\`, puolikas merkki), jota mikään
UTF-8-tiedosto ei sisällä mutta jonka koodinvaihtosarja voi kirjoittaa. Sellaisenaan kirjoitetusta merkistä
ilmoitetaan kerran, siellä missä se on. Kirjaimet, ajatusviivat, typografiset lainausmerkit ja sitova välilyönti ovat
tekstiä, kirjoitettuina suoraan tai koodinvaihtosarjoina (\`"\\u00E4"\`, \`&ndash;\`).`,
  },
  run({ graph, report }) {
    for (const file of graph.files) {
      const text = String(file.vfile.value);
      // As written: each character where it is.
      if (hiddenAny.test(text)) {
        for (const { match, place } of matchesIn(text, hidden)) report({ file, place, message: t('hidden-characters', { what: describe(match[0]) }), hint: t('hidden-characters.hint') });
      }
      // As read: what YAML escapes (`"\u202E"`) and character references (`&#x202E;`) make.
      for (const parsed of parsedTexts(file, (value) => hiddenCharAny.test(value))) {
        const as = t(parsed.from === 'yaml' ? 'hidden-characters.an-escape' : 'hidden-characters.a-reference');
        for (const { char, index, written } of escaped(parsed)) {
          const message = t('hidden-characters.escaped', { what: describe(char), where: parsed.where, written: written ? `\`${written}\`` : as });
          const hint = t('hidden-characters.escaped.hint', { what: written ? `\`${written}\`` : t(parsed.from === 'yaml' ? 'hidden-characters.the-escape' : 'hidden-characters.the-reference') });
          report({ file, ...locationOf(file, parsed, index !== undefined && written !== undefined ? { index, written } : undefined), message, hint });
        }
      }
    }
  },
});
