import { defineRule } from '../rule.ts';
import { t } from '../../messages/index.ts';

export default defineRule({
  id: 'duplicate-id',
  scope: 'graph',
  severity: 'error',
  group: 'structure',
  docs: {
    en: `Error. Ids are permanent and unique: a second item with the same id in the same language is reported, with the
first definition as the cause.`,
    sv: `Fel. Id är permanenta och unika: ett andra objekt med samma id på samma språk rapporteras, med den första
definitionen som orsak.`,
    fi: `Virhe. Tunnisteet ovat pysyviä ja yksilöllisiä: toisesta samankielisestä kohteesta, jolla on sama tunniste,
ilmoitetaan, ja ensimmäinen määrittely on syy.`,
  },
  run({ graph, report }) {
    for (const { item, first } of graph.duplicates) {
      report({
        file: item.file,
        message: t('duplicate-id', { id: item.id, lang: item.lang }),
        path: ['id'],
        hint: t('duplicate-id.hint'),
        cause: { file: first.file, path: ['id'], message: t('duplicate-id.cause') },
      });
    }
  },
});
