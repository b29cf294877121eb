import { defineRule, type Rule, type RuleDocs } from '../rule.ts';

/** Problems found while reading a file become messages of the rule named by the parser. */
export function parseProblemRule({ id, group, docs }: { id: string } & RuleDocs): Rule {
  return defineRule({
    id,
    group,
    docs,
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
