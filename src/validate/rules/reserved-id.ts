import { defineRule } from '../rule.ts';
import { reservation } from '../../model/reserved-ids.ts';
import { t } from '../../messages/index.ts';

export default defineRule({
  id: 'reserved-id',
  scope: 'file',
  severity: 'error',
  group: 'structure',
  docs: {
    en: `Error. An item's page is \`/<lang>/<id>/\`, beside the site's own pages, and on disk it is a folder named by the id.
So no id may be the address of one of those pages in any language (\`sok\`, \`strategikarta\`,
\`tillganglighetsutlatande\`, \`ladda-ner\`; \`haku\`, \`strategiakartta\`, \`saavutettavuusseloste\`, \`lataa\`), compared
without case, nor a name that Windows keeps for a device (\`con\`, \`prn\`, \`aux\`, \`nul\`, \`com1\`–\`com9\`, \`lpt1\`–\`lpt9\`,
in any case, alone or before a dot as in \`con.x\`), which no file or folder can have there. The list is declared once,
in \`src/model/reserved-ids.ts\`, which the site's routes read too. Fix: give the item another id.`,
    sv: `Fel. Ett objekts sida är \`/<språk>/<id>/\`, bredvid webbplatsens egna sidor, och på disken är det en mapp med id:t som
namn. Därför får inget id vara adressen till någon av de sidorna på något språk (\`sok\`, \`strategikarta\`,
\`tillganglighetsutlatande\`, \`ladda-ner\`; \`haku\`, \`strategiakartta\`, \`saavutettavuusseloste\`, \`lataa\`), jämfört utan
hänsyn till skiftläge, och inte heller ett namn som Windows reserverar för en enhet (\`con\`, \`prn\`, \`aux\`, \`nul\`,
\`com1\`–\`com9\`, \`lpt1\`–\`lpt9\`, i vilket skiftläge som helst, ensamt eller före en punkt som i \`con.x\`), som ingen fil
eller mapp kan ha där. Listan finns på ett ställe, i \`src/model/reserved-ids.ts\`, som också webbplatsens rutter läser.
Åtgärd: ge objektet ett annat id.`,
    fi: `Virhe. Kohteen sivu on \`/<kieli>/<tunniste>/\` sivuston omien sivujen rinnalla, ja levyllä se on tunnisteen niminen
kansio. Siksi mikään tunniste ei saa olla minkään näiden sivujen osoite millään kielellä (\`sok\`, \`strategikarta\`,
\`tillganglighetsutlatande\`, \`ladda-ner\`; \`haku\`, \`strategiakartta\`, \`saavutettavuusseloste\`, \`lataa\`)
kirjainkoosta riippumatta, eikä nimi, jonka Windows varaa laitteelle (\`con\`, \`prn\`, \`aux\`, \`nul\`, \`com1\`–\`com9\`,
\`lpt1\`–\`lpt9\`, millä tahansa kirjainkoolla, yksinään tai pisteen edellä kuten \`con.x\`), koska sen nimistä tiedostoa tai
kansiota ei siellä voi olla. Luettelo on yhdessä paikassa, tiedostossa \`src/model/reserved-ids.ts\`, jota myös
sivuston reitit lukevat. Korjaus: anna kohteelle toinen tunniste.`,
  },
  run({ graph, report }) {
    const { languages } = graph.schema.project;
    for (const file of graph.files) {
      const id = file.data?.['id'];
      if (typeof id !== 'string') continue;
      const reserved = reservation(id, languages);
      if (!reserved) continue;
      report({
        file,
        path: ['id'],
        ...(reserved.by === 'page'
          ? {
              message: t('reserved-id.page', { id, page: t(`reserved-id.page.${reserved.page}`), address: `/${reserved.lang}/${reserved.slug}/` }),
              hint: t('reserved-id.page.hint', { address: `/${reserved.lang}/${id}/`, example: `${id}-${String(file.data?.['kind'] ?? 'item')}` }),
            }
          : {
              message: t('reserved-id.device', { id, name: reserved.name }),
              hint: t('reserved-id.device.hint', { name: reserved.name }),
            }),
      });
    }
  },
});
