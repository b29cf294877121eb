import type { Place, SourceFile, StrategyGraph, YamlPath } from '../model/types.ts';
import { currentLang, t, type Lang, type MessageKey } from '../messages/index.ts';

export type Severity = 'off' | 'warn' | 'error';

/** A second place that explains a problem: the twin file, the first definition of a duplicate id. */
export interface Cause {
  file: SourceFile;
  path?: YamlPath;
  place?: Place;
  message: string;
}

export interface Report {
  file: SourceFile;
  /** "Unexpected X, expected Y". */
  message: string;
  /** Where in the front-matter the problem sits; mapped to line:column. */
  path?: YamlPath;
  /** Used when the problem sits in the body or the file as a whole. */
  place?: Place;
  /** Whether `path` points at the key or its value. */
  at?: 'key' | 'value';
  /** How to fix it: "did you mean `value-equality`?". */
  hint?: string;
  cause?: Cause;
}

export interface RuleContext {
  graph: StrategyGraph;
  report(report: Report): void;
  /** `check --council`: the strategy goes to the council, whatever its status says. */
  council?: boolean;
}

/**
 * What a rule reads, which tells the incremental checker (src/incremental/rule-cache.ts) what to re-run after an edit:
 * - `file`: each file alone (with schema/ and the glossary); it iterates only `graph.files`;
 * - `pair`: each item's language versions together; it iterates only `graph.twins` or the twin pairs;
 * - `graph`: ids, links and the hierarchy across files; it runs over the whole graph again after any change of front
 *   matter, and its reports are replayed while only bodies change.
 */
export type RuleScope = 'file' | 'pair' | 'graph';

/** The part of docs/rules.md a rule is documented in. */
export type RuleGroup = 'structure' | 'cross-language' | 'safety' | 'spelling' | 'council';

/** A rule's documentation, kept in its own file: its section of docs/rules.md in each language (`npm run docs`). */
export interface RuleDocs {
  group: RuleGroup;
  /** The section's Markdown under its heading, in English, Swedish and Finnish. */
  docs: Readonly<Record<Lang, string>>;
}

export interface Rule extends RuleDocs {
  /** Kebab-case id, also the anchor of the rule's documentation in docs/rules.md. */
  id: string;
  scope: RuleScope;
  /** One line: what the rule checks, in the current language (the catalogue's `summary.<id>`). */
  readonly summary: string;
  /** Severity unless the configuration says otherwise. */
  severity: Exclude<Severity, 'off'>;
  run(context: RuleContext): void;
}

export function defineRule(rule: Omit<Rule, 'summary'>): Rule {
  if (!/^[a-z][a-z0-9-]*$/.test(rule.id)) throw new Error(`Rule id must be kebab-case: ${rule.id}`);
  return {
    ...rule,
    get summary() {
      return t(`summary.${rule.id}` as MessageKey);
    },
  };
}

/** The documentation of the rules in a language: docs/rules.md (English), docs/rules.sv.md, docs/rules.fi.md. */
export function rulesDoc(lang: Lang = currentLang()): string {
  return lang === 'en' ? 'docs/rules.md' : `docs/rules.${lang}.md`;
}

/** Each rule is documented under its id in docs/rules.md, and in each language's copy of it. */
export function ruleUrl(id: string): string {
  return `${rulesDoc()}#${id}`;
}
