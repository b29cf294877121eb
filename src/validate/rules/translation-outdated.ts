import { defineRule } from '../rule.ts';
import { twinPairs } from '../../model/twins.ts';
import { fileHash } from '../../cross-language/file-view.ts';
import { pairStatus } from '../../cross-language/stamp.ts';
import { t } from '../../messages/index.ts';
import { reportOnTwin, reportOnTwins } from '../pair-report.ts';

export default defineRule({
  id: 'translation-outdated',
  scope: 'pair',
  severity: 'error',
  run({ graph, report }) {
    for (const [a, b] of twinPairs(graph)) {
      const { status, behind: behindLang } = pairStatus(a, b);
      if (status !== 'outdated' && status !== 'both-changed') continue;
      const stampCommand = `npx strategy i18n stamp ${String(a.data?.['id'] ?? a.stem)}`;
      if (status === 'both-changed') {
        reportOnTwins(report, { file: a, path: ['twin-hash'] }, { file: b, path: ['twin-hash'] }, (side, other) => ({
          message: t('translation-outdated.both', { stamp: String(side.file.data?.['twin-hash']) }),
          hint: t('translation-outdated.both.hint', { command: stampCommand }),
          cause: t('translation-outdated.both.cause', { lang: other.file.lang }),
        }));
        continue;
      }
      const [behind, ahead] = behindLang === a.lang ? [a, b] : [b, a];
      reportOnTwin(report, { file: behind, path: ['twin-hash'] }, { file: ahead, path: ['twin-hash'] }, {
        message: t('translation-outdated', { behind: behind.lang, ahead: ahead.lang, stamp: String(behind.data?.['twin-hash']), now: fileHash(ahead) }),
        hint: t('translation-outdated.hint', { behind: behind.lang, file: ahead.vfile.path, command: stampCommand }),
        cause: t('translation-outdated.cause', { lang: ahead.lang }),
      });
    }
  },
});
