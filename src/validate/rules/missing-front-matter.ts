import { defineRule } from '../rule.ts';
import { t } from '../../messages/index.ts';
import { startOfFile } from '../../parse/types.ts';

export default defineRule({
  id: 'missing-front-matter',
  scope: 'file',
  severity: 'error',
  run({ graph, report }) {
    for (const file of graph.files) {
      // Front-matter that is empty, `~` or only comments says nothing about the file either.
      if (file.hasFrontMatter && file.data === undefined && !file.problems.some((p) => p.ruleId === 'yaml-syntax')) {
        report({
          file,
          message: t('missing-front-matter.empty'),
          place: file.locate([]),
          hint: t('missing-front-matter.empty.hint'),
        });
        continue;
      }
      if (file.hasFrontMatter || file.entry !== 'file' || file.problems.some((p) => p.ruleId === 'file-size')) continue;
      report({
        file,
        message: t('missing-front-matter.none'),
        place: startOfFile,
        hint: t('missing-front-matter.none.hint'),
      });
    }
  },
});
