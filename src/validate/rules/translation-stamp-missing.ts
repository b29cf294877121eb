import { defineRule } from '../rule.ts';
import { twinPairs } from '../../model/twins.ts';
import { t } from '../../messages/index.ts';
import { bothWays } from '../pair-report.ts';

export default defineRule({
  id: 'translation-stamp-missing',
  scope: 'pair',
  severity: 'warn',
  group: 'cross-language',
  docs: {
    en: `Warning. A pair without stamps cannot be checked for outdated translations. Run \`npx strategy i18n stamp <id>\` once
both versions say the same (\`--all\` for every pair).`,
    sv: `Varning. Ett par utan stämplar kan inte kontrolleras för föråldrade översättningar. Kör \`npx strategy i18n stamp
<id>\` när båda versionerna säger samma sak (\`--all\` för alla par).`,
    fi: `Varoitus. Parista, jolla ei ole leimoja, ei voi tarkistaa vanhentuneita käännöksiä. Suorita \`npx strategy i18n stamp
<id>\`, kun molemmat versiot sanovat saman (\`--all\` kaikille pareille).`,
  },
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
