import { defineRule } from '../rule.ts';
import { twinPairs } from '../../model/twins.ts';
import { fileHash } from '../../i18n/file-view.ts';
import { pairStatus } from '../../i18n/stamp.ts';

export default defineRule({
  id: 'translation-outdated',
  summary: "Each file's `twin-hash` matches its twin's current content; otherwise the twin changed after the pair was last reconciled.",
  severity: 'error',
  run({ graph, report }) {
    for (const [a, b] of twinPairs(graph)) {
      const { status, behind: behindLang } = pairStatus(a, b);
      if (status !== 'outdated' && status !== 'both-changed') continue;
      const stampCommand = `npx strategy i18n stamp ${String(a.data?.['id'] ?? a.stem)}`;
      if (status === 'both-changed') {
        for (const [file, other] of [
          [a, b],
          [b, a],
        ] as const) {
          report({
            file,
            path: ['twin-hash'],
            message: `Unexpected change on both sides since the pair was reconciled (stamp \`${String(file.data?.['twin-hash'])}\`), expected one side to follow the other`,
            hint: `compare the two versions, bring them into line, then run \`${stampCommand}\``,
            cause: { file: other, path: ['twin-hash'], message: `the ${other.lang} twin, also changed` },
          });
        }
        continue;
      }
      const [behind, ahead] = behindLang === a.lang ? [a, b] : [b, a];
      report({
        file: behind,
        path: ['twin-hash'],
        message: `Unexpected outdated ${behind.lang} translation: the ${ahead.lang} twin changed after the pair was reconciled (stamp \`${String(behind.data?.['twin-hash'])}\`, ${ahead.lang} now \`${fileHash(ahead)}\`), expected the ${behind.lang} text to be updated`,
        hint: `update the ${behind.lang} text to match \`${ahead.vfile.path}\` (\`git diff\` on it shows what changed), then run \`${stampCommand}\``,
        cause: { file: ahead, path: ['twin-hash'], message: `the ${ahead.lang} twin, changed since` },
      });
    }
  },
});
