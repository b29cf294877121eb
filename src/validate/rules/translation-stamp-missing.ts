import { defineRule } from '../rule.ts';
import { twinPairs } from '../../model/twins.ts';

export default defineRule({
  id: 'translation-stamp-missing',
  summary: 'Each pair of twins carries `twin-hash` stamps, so that a later change to one side can be detected.',
  severity: 'warn',
  run({ graph, report }) {
    for (const [a, b] of twinPairs(graph)) {
      for (const [file, other] of [
        [a, b],
        [b, a],
      ] as const) {
        if (typeof file.data?.['twin-hash'] === 'string' || !file.data) continue;
        report({
          file,
          path: [],
          message: `Unexpected file without \`twin-hash\`, expected a stamp recording the ${other.lang} twin it was reconciled with`,
          hint: `once both versions say the same, run \`npx strategy i18n stamp ${String(file.data['id'] ?? '--all')}\``,
        });
      }
    }
  },
});
