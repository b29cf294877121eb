import type { Rule } from '../rule.ts';
import neutralData from './neutral-data.ts';
import structureAligned from './structure-aligned.ts';
import numbersAgree from './numbers-agree.ts';
import wrongLanguage from './wrong-language.ts';
import untranslated from './untranslated.ts';
import translationOutdated from './translation-outdated.ts';
import translationStampMissing from './translation-stamp-missing.ts';
import lengthRatio from './length-ratio.ts';
import terminology from './terminology.ts';

/** The rules that compare the language versions of each item. */
export const crossLanguageRules: readonly Rule[] = [
  neutralData,
  structureAligned,
  numbersAgree,
  wrongLanguage,
  untranslated,
  translationOutdated,
  translationStampMissing,
  lengthRatio,
  terminology,
];
