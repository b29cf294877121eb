import { defineRule } from '../rule.ts';
import { didYouMean } from '../../util/suggest.ts';
import { oneOf, t } from '../../messages/index.ts';

export default defineRule({
  id: 'unknown-kind',
  scope: 'file',
  severity: 'error',
  group: 'structure',
  docs: {
    en: `Error. \`kind\` must be one of the kinds declared in \`schema/kinds/\` (each schema's \`x-kind\`). A typo gets a
"did you mean" hint.`,
    sv: `Fel. \`kind\` är en av typerna i \`schema/kinds/\` (varje schemas \`x-kind\`). Ett skrivfel ger tipset "menade du".`,
    fi: `Virhe. \`kind\` on jokin kansion \`schema/kinds/\` tyypeistä (kunkin skeeman \`x-kind\`). Kirjoitusvirheestä saa vihjeen
"tarkoititko".`,
  },
  run({ graph, report }) {
    const known = [...graph.schema.kinds.keys()].sort();
    for (const file of graph.files) {
      if (!file.data) continue;
      const kind = file.data['kind'];
      if (typeof kind === 'string' && graph.schema.kinds.has(kind)) continue;
      const hint = typeof kind === 'string' ? didYouMean(kind, known) : undefined;
      report({
        file,
        message:
          kind === undefined ? t('unknown-kind.missing', { known: oneOf(known) }) : t('unknown-kind.unknown', { kind: String(kind), known: oneOf(known) }),
        path: kind === undefined ? [] : ['kind'],
        hint: hint ?? t('unknown-kind.hint'),
      });
    }
  },
});
