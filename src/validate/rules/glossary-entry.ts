import { parseDocument } from 'yaml';
import { defineRule } from '../rule.ts';
import { t } from '../../messages/index.ts';
import { didYouMean } from '../../util/suggest.ts';
import { pathOf } from '../../parse/json-pointer.ts';
import { expectedByAjv } from '../../load/schema.ts';

/**
 * Each glossary entry as the glossary's schema (schema/glossary.schema.json) declares it: every field it requires
 * (the terms in each language, the definition), no field it does not know (a misspelt `defintion` would otherwise
 * drop the definition without a word), each value of its type. Located at the entry, the key or the value.
 */
export default defineRule({
  id: 'glossary-entry',
  scope: 'graph',
  severity: 'error',
  group: 'structure',
  docs: {
    en: `Error. Each entry of the glossary is what the glossary's schema (\`schema/glossary.schema.json\`) declares: an
\`id\`, the terms in each language (a list, the preferred term first, each in its base form), the definition in each
language, and a \`source\` and a \`note\` where there is one. An entry without a field the schema requires, with a
field it does not know (\`defintion\` for \`definition\`, which would otherwise be dropped without a word) or with a
value of the wrong kind is reported at the entry, the key or the value. Whoever names the fields their own way changes
the schema, not the code.`,
    sv: `Fel. Varje post i ordlistan är sådan som ordlistans schema (\`schema/glossary.schema.json\`) anger: ett \`id\`,
termerna på varje språk (en lista, den rekommenderade termen först, var och en i grundform), definitionen på varje
språk, och \`source\` och \`note\` där sådana finns. En post som saknar ett fält som schemat kräver, har ett fält som
schemat inte känner till (\`defintion\` för \`definition\`, som annars skulle falla bort utan ett ord) eller har ett
värde av fel slag rapporteras vid posten, nyckeln eller värdet. Den som namnger fälten på sitt eget sätt ändrar
schemat, inte koden.`,
    fi: `Virhe. Sanaston jokainen kohta on sellainen kuin sanaston skeema (\`schema/glossary.schema.json\`) määrittää:
\`id\`, termit kullakin kielellä (luettelo, suositeltava termi ensin, kukin perusmuodossa), määritelmä kullakin
kielellä sekä \`source\` ja \`note\`, jos niitä on. Kohdasta, josta puuttuu skeeman vaatima kenttä, jossa on kenttä,
jota skeema ei tunne (\`defintion\` kentän \`definition\` sijaan, jolloin määritelmä muuten jäisi pois sanaakaan
sanomatta), tai jonka arvo on väärää lajia, ilmoitetaan kohdan, avaimen tai arvon kohdalla. Joka nimeää kentät omalla
tavallaan, muuttaa skeemaa, ei koodia.`,
  },
  run({ graph, report }) {
    const file = graph.glossaryFile;
    const schema = graph.schema.glossary;
    const text = file?.vfile.value;
    if (!file || !schema || typeof text !== 'string') return;
    const document = parseDocument(text, { uniqueKeys: true, strict: true, logLevel: 'silent' });
    // A glossary that is not YAML is yaml-syntax's to report.
    if (document.errors.length > 0) return;
    let data: unknown;
    try {
      data = document.toJS({ maxAliasCount: 50 });
    } catch {
      return;
    }
    if (schema.validate(data)) return;
    const fields = Object.keys(((schema.validate.schema as { items?: { properties?: object } }).items?.properties ?? {}) as object);
    const idField = graph.schema.project.glossaryFields.id;
    const code = (name: string) => `\`${name}\``;
    const errors = (schema.validate.errors ?? []).filter((error) => error.keyword !== 'if' && error.keyword !== 'anyOf' && error.keyword !== 'oneOf');
    // The fields an entry (or a value in it) lacks, one message for all of them.
    const missing = new Map<string, string[]>();
    for (const error of errors) if (error.keyword === 'required') missing.set(error.instancePath, [...(missing.get(error.instancePath) ?? []), String((error.params as Record<string, unknown>)['missingProperty'])]);
    const reported = new Set<string>();
    for (const error of errors) {
      const path = pathOf(error.instancePath);
      const index = typeof path[0] === 'number' ? path[0] : undefined;
      const item = index !== undefined && Array.isArray(data) ? (data[index] as Record<string, unknown> | undefined) : undefined;
      const entry = typeof item?.[idField] === 'string' ? code(item[idField] as string) : t('glossary-entry.nth', { n: (index ?? 0) + 1 });
      const params = error.params as Record<string, unknown>;
      if (error.keyword === 'required') {
        if (reported.has(error.instancePath)) continue;
        reported.add(error.instancePath);
        const names = missing.get(error.instancePath)!.map(code).join(', ');
        report({ file, path, message: t(path.length > 1 ? 'glossary-entry.required.in' : 'glossary-entry.required', { fields: names, entry, in: path.slice(1).join('.') }), hint: t('glossary-entry.required.hint', { fields: names }) });
      } else if (error.keyword === 'additionalProperties') {
        const field = String(params['additionalProperty']);
        const allowed = path.length === 1 ? fields : [];
        const near = didYouMean(field, allowed);
        report({ file, path: [...path, field], at: 'key', message: t('glossary-entry.unknown', { field, entry, fields: allowed.map(code).join(', ') || t('schema.key.none') }), ...(near ? { hint: near } : {}) });
      } else {
        report({ file, path, message: t('glossary-entry.value', { path: path.slice(1).join('.'), entry, expected: expectedByAjv(error) }) });
      }
    }
  },
});
