import type { Rule } from './rule.ts';
import { structuralRules } from './rules/index.ts';
import { crossLanguageRules } from './rules/cross-language.ts';
import spelling from './rules/spelling.ts';
import glossaryBaseForm from './rules/glossary-base-form.ts';
import councilReadiness from './rules/council-readiness.ts';

/**
 * The rules `check` runs: structure first, then the cross-language rules, then the glossary's terms, then spelling,
 * then whether the strategy can go to the council.
 */
export const allRules: readonly Rule[] = [...structuralRules, ...crossLanguageRules, glossaryBaseForm, spelling, councilReadiness];
