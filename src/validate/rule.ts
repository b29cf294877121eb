import type { Place, SourceFile, StrategyGraph, YamlPath } from '../model/types.ts';

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
}

export interface Rule {
  /** Kebab-case id, also the anchor of the rule's documentation in docs/rules.md. */
  id: string;
  /** One line: what the rule checks. */
  summary: string;
  /** Severity unless the configuration says otherwise. */
  severity: Exclude<Severity, 'off'>;
  run(context: RuleContext): void;
}

export function defineRule(rule: Rule): Rule {
  if (!/^[a-z][a-z0-9-]*$/.test(rule.id)) throw new Error(`Rule id must be kebab-case: ${rule.id}`);
  return rule;
}

/** Each rule is documented under its id in docs/rules.md. */
export function ruleUrl(id: string): string {
  return `docs/rules.md#${id}`;
}
