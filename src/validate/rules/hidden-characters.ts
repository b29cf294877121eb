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
