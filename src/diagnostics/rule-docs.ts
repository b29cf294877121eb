/**
 * Each rule's section of docs/rules.md (docs/rules.sv.md, docs/rules.fi.md in the other languages), as the full
 * description SARIF gives a rule: the documentation is the one place that explains a rule at length.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { rulesDoc } from '../validate/rule.ts';
import { currentLang, type Lang } from '../messages/index.ts';

export const toolchainRoot = fileURLToPath(new URL('../../', import.meta.url));

const cache = new Map<Lang, Map<string, string>>();

/** Rule id → the text of its section, its paragraphs joined, Markdown emphasis and links reduced to their words. */
export function ruleSections(lang: Lang = currentLang()): Map<string, string> {
  let sections = cache.get(lang);
  if (sections) return sections;
  sections = new Map();
  const path = `${toolchainRoot}${rulesDoc(lang)}`;
  const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
  for (const section of text.split(/^### /m).slice(1)) {
    const [heading = '', ...body] = section.split('\n');
    const prose = body
      .join('\n')
      .split(/^#{1,3} /m)[0]!
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\s+/g, ' ')
      .trim()
      // The severity the section opens with ("Error.", "Varning.") is the rule's level in SARIF.
      .replace(/^\p{L}+\. /u, '');
    if (prose) sections.set(heading.trim(), prose);
  }
  cache.set(lang, sections);
  return sections;
}
