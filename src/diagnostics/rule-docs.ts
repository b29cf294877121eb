/**
 * A rule's documentation as the full description SARIF gives it: its section of docs/rules.md in the report's
 * language, which the rule keeps in its own file (`docs`), as one paragraph of plain words.
 */
import type { Rule } from '../validate/rule.ts';
import { currentLang, type Lang } from '../messages/index.ts';

/** The rule's section, its paragraphs joined, Markdown emphasis and links reduced to their words. */
export function ruleProse(rule: Pick<Rule, 'docs'>, lang: Lang = currentLang()): string {
  return (
    rule.docs[lang]
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\s+/g, ' ')
      .trim()
      // The severity the section opens with ("Error.", "Varning.") is the rule's level in SARIF.
      .replace(/^\p{L}+\. /u, '')
  );
}
