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
  group: 'cross-language',
  docs: {
    en: `Error. Each file records in \`twin-hash\` a hash of its twin's content as it was when the two were last reconciled.
When one side is edited and the other is not, the recorded hash no longer matches, and the message names the file
that is behind and the stamp it was reconciled at. Formatting-only edits (line wrapping, emphasis markers, list
markers, spacing, Unicode normalisation) do not count as changes. Fix: update the file that is behind, then run
\`npx strategy i18n stamp <id>\`. If both sides changed, the message says so on both files. The stamp lives in the
files themselves, so it works in shallow clones, squash merges and rebases.`,
    sv: `Fel. Varje fil anger i \`twin-hash\` ett hashvärde av den andra versionens innehåll som det var när de två senast
stämdes av. När den ena sidan ändras och den andra inte, stämmer hashvärdet inte längre, och meddelandet anger vilken
fil som ligger efter och stämpeln den stämdes av mot. Ändringar som bara gäller formen (radbrytningar,
betoningstecken, listtecken, mellanrum, Unicode-normalisering) räknas inte. Åtgärd: uppdatera filen som ligger efter
och kör sedan \`npx strategy i18n stamp <id>\`. Om båda sidorna ändrats säger meddelandet det i båda filerna. Stämpeln
finns i själva filerna, så den fungerar i grunda kloner, squash-sammanslagningar och rebase. En ändring som gjorts i
CMS:et i båda språken stämplas av arbetsflödet på CMS-grenen (se cms/README.md).`,
    fi: `Virhe. Jokainen tiedosto tallentaa kenttään \`twin-hash\` tiivisteen toisen version sisällöstä sellaisena kuin se oli,
kun versiot viimeksi täsmäytettiin. Kun toista puolta muokataan ja toista ei, tallennettu tiiviste ei enää täsmää, ja
ilmoitus kertoo, kumpi tiedosto on jäljessä ja mihin leimaan se täsmäytettiin. Pelkät muotoilumuutokset
(rivitys, korostusmerkit, luettelomerkit, välit, Unicode-normalisointi) eivät ole muutoksia. Korjaus: päivitä
jäljessä oleva tiedosto ja suorita sitten \`npx strategy i18n stamp <id>\`. Jos molemmat puolet ovat muuttuneet,
ilmoitus kertoo sen molemmissa tiedostoissa. Leima on itse tiedostoissa, joten se toimii matalissa klooneissa,
squash-yhdistämisissä ja rebase-toiminnoissa. CMS:ssä molemmilla kielillä tehdyn muutoksen leimaa CMS-haaran
työnkulku (ks. cms/README.md).`,
  },
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
