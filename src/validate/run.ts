import { VFileMessage } from 'vfile-message';
import type { StrategyGraph } from '../model/types.ts';
import { ruleUrl, type Report, type Rule, type Severity } from './rule.ts';
import { sourceAt } from './parsed-text.ts';
import { startOfFile } from '../parse/types.ts';

export type RuleSeverities = Readonly<Record<string, Severity>>;

/** Runs a rule in its place, replaying what it found where nothing changed: the incremental checker's cache (src/incremental/rule-cache.ts). */
export interface RuleRunner {
  run(rule: Rule, graph: StrategyGraph, report: (report: Report) => void): void;
}

function placeOf(report: { path?: Report['path']; place?: Report['place']; at?: Report['at'] }, locate: (p: NonNullable<Report['path']>, w?: 'key' | 'value') => NonNullable<Report['place']>) {
  return report.place ?? (report.path ? locate(report.path, report.at) : startOfFile);
}

/**
 * Runs the rules over the graph and attaches their messages to each file's VFile. Rules only report; severity is added here.
 * With a cache (the checker of `strategy dev`), rules re-run only on what changed since the last run (src/incremental/rule-cache.ts).
 */
export function runRules(graph: StrategyGraph, rules: readonly Rule[], severities: RuleSeverities = {}, cache?: RuleRunner, council = false): VFileMessage[] {
  const messages: VFileMessage[] = [];
  for (const rule of rules) {
    const severity = severities[rule.id] ?? rule.severity;
    if (severity === 'off') continue;
    const report = (r: Report) => {
      const place = placeOf(r, r.file.locate);
      let cause: VFileMessage | undefined;
      if (r.cause) {
        const causePlace = placeOf(r.cause, r.cause.file.locate);
        cause = new VFileMessage(`${r.cause.message} (${r.cause.file.vfile.path}:${causePlace.start.line}:${causePlace.start.column})`, {
          place: causePlace,
          ruleId: rule.id,
          source: 'strategy',
        });
        cause.file = r.cause.file.vfile.path;
      }
      const message = r.file.vfile.message(r.message, { place, ruleId: rule.id, source: 'strategy', ...(cause ? { cause } : {}) });
      message.fatal = severity === 'error';
      // What was found, as written: a message's identity that survives moved lines and the language of the report.
      message.actual = sourceAt(r.file, place);
      message.url = ruleUrl(rule.id);
      if (r.hint) message.note = r.hint;
      messages.push(message);
    };
    if (cache) cache.run(rule, graph, report);
    else rule.run({ graph, report, council });
  }
  return messages;
}
