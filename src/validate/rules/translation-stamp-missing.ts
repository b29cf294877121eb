import { defineRule } from '../rule.ts';
import { twinPairs } from '../../model/twins.ts';
import { t } from '../../messages/index.ts';
import { bothWays } from '../pair-report.ts';

export default defineRule({
  id: 'translation-stamp-missing',
  scope: 'pair',
  severity: 'warn',
  run({ graph, report }) {
    for (const [a, b] of twinPairs(graph)) {
      for (const [file, other] of bothWays(a, b)) {
        if (typeof file.data?.['twin-hash'] === 'string' || !file.data) continue;
        report({
          file,
          path: [],
          message: t('translation-stamp-missing', { lang: other.lang }),
          hint: t('translation-stamp-missing.hint', { command: `npx strategy i18n stamp ${String(file.data['id'] ?? '--all')}` }),
        });
      }
    }
  },
});
