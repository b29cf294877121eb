import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'missing-front-matter',
  summary: 'Every strategy file starts with YAML front-matter that says what it is.',
  severity: 'error',
  run({ graph, report }) {
    for (const file of graph.files) {
      // Front-matter that is empty, `~` or only comments says nothing about the file either.
      if (file.hasFrontMatter && file.data === undefined && !file.problems.some((p) => p.ruleId === 'yaml-syntax')) {
        report({
          file,
          message: 'Unexpected empty front-matter, expected `id:`, `kind:` and `title:` lines',
          place: file.locate([]),
          hint: 'write `id:`, `kind:` and `title:` lines (and `parent:` for most kinds) between the `---` lines',
        });
        continue;
      }
      if (file.hasFrontMatter || file.entry !== 'file' || file.problems.some((p) => p.ruleId === 'file-size')) continue;
      report({
        file,
        message: 'Unexpected file without front-matter, expected `---` on the first line',
        place: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
        hint: 'start the file with `---`, then `id:`, `kind:` and `title:` lines, then `---`',
      });
    }
  },
});
