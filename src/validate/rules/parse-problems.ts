import { defineRule, type Rule } from '../rule.ts';

/** Problems found while reading a file become messages of the rule named by the parser. */
export function parseProblemRule(id: string): Rule {
  return defineRule({
    id,
    scope: 'file',
    severity: 'error',
    run({ graph, report }) {
      for (const file of graph.files) {
        for (const problem of file.problems) {
          if (problem.ruleId !== id) continue;
          report({ file, message: problem.message, place: problem.place, ...(problem.hint ? { hint: problem.hint } : {}) });
        }
      }
    },
  });
}
