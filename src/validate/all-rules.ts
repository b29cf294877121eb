import type { Rule } from './rule.ts';
import { structuralRules } from './rules/index.ts';
import { crossLanguageRules } from './rules/cross-language.ts';

/** The rules `check` runs: structure first, then the cross-language rules. */
export const allRules: readonly Rule[] = [...structuralRules, ...crossLanguageRules];
