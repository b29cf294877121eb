import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { glossarySourceFile, loadStrategy } from '../../src/pipeline.ts';
import { buildGraph } from '../../src/model/graph.ts';
import { runRules } from '../../src/validate/run.ts';
import { allRules } from '../../src/validate/all-rules.ts';
import { cachedSchemaSet } from '../../src/load/schema-cache.ts';
import { readGlossary } from '../../src/load/glossary.ts';
import { inflectedTerm, nativeMorphology } from '../../src/cross-language/morphology.ts';
import { repoRoot, repoSchema } from '../helpers/fixtures.ts';

// The termbase: strategy/glossary.yaml under schema/glossary.schema.json. What needs Voikko (Finnish) or Hunspell
// (Swedish) runs where they are installed, as in CI (.ci/run installs both); test/content/glossary-stems.test.ts
// tests the path of a machine without them.
const morphology = nativeMorphology();
const withCheckers = morphology.fi !== undefined && morphology.sv !== undefined;
const schema = cachedSchemaSet(repoSchema);
const shipped = readGlossary(join(repoRoot, 'strategy'), schema.project.glossary, schema.project.glossaryFields);

describe('the shipped glossary', () => {
  it('is read without a problem, one entry per concept', () => {
    expect(shipped.problems).toEqual([]);
    expect(shipped.entries.length).toBeGreaterThan(50);
    expect(new Set(shipped.entries.map((entry) => entry.id)).size).toBe(shipped.entries.length);
  });

  it('is valid under schema/glossary.schema.json', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    ajv.addKeyword({ keyword: 'x-glossary', schemaType: 'string' });
    const validate = ajv.compile(JSON.parse(readFileSync(join(repoSchema, 'glossary.schema.json'), 'utf8')) as object);
    const valid = validate(parse(readFileSync(join(repoRoot, 'strategy/glossary.yaml'), 'utf8')));
    expect(validate.errors ?? [], JSON.stringify(validate.errors)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('gives every entry terms and a definition in both languages, and a source only as a citation', () => {
    const lacking = shipped.entries.flatMap((entry) =>
      ['sv', 'fi'].flatMap((lang) => [
        ...(entry.terms[lang]?.length ? [] : [`${entry.id}: no ${lang} term`]),
        ...((entry.definition?.[lang] ?? '').trim().length > 10 ? [] : [`${entry.id}: no ${lang} definition`]),
      ]),
    );
    expect(lacking).toEqual([]);
    // A definition is not the term again, and the two languages' definitions are not one text.
    for (const entry of shipped.entries) expect(entry.definition!['sv'], entry.id).not.toBe(entry.definition!['fi']);
    for (const entry of shipped.entries.filter((e) => e.source !== undefined)) expect(entry.source, entry.id).toMatch(/\(\d+\/\d{4}\), \d+ §$/);
  });

  it.runIf(withCheckers)('has only base forms (Voikko for Finnish, Hunspell for Swedish)', () => {
    const inflected = shipped.entries.flatMap((entry) =>
      Object.entries(entry.terms).flatMap(([lang, terms]) => terms.flatMap((term) => (inflectedTerm(term, lang, morphology) ? [`${entry.id} ${lang}: ${term}`] : []))),
    );
    expect(inflected).toEqual([]);
  });

  it.runIf(withCheckers)('passes the glossary-base-form rule', () => {
    // The rule alone, over a graph of the glossary alone (the items play no part in it).
    const graph = buildGraph(schema, [], shipped.entries, [], glossarySourceFile(shipped, schema.project.glossary, repoRoot));
    expect(graph.glossaryFile?.vfile.path).toBe('strategy/glossary.yaml');
    expect(runRules(graph, allRules.filter((rule) => rule.id === 'glossary-base-form')).map((m) => `${m.line}:${m.column} ${m.reason}`)).toEqual([]);
  });
});

describe.runIf(withCheckers)('glossary-base-form: an entry that is an inflected form (Voikko, Hunspell)', () => {
  it.each([
    ['fi', 'hyvinvointialueen', 'hyvinvointialueen', 'hyvinvointialue'],
    ['fi', 'tavoitteita', 'tavoitteita', 'tavoite'],
    ['fi', 'mittarien', 'mittarien', 'mittari'],
    ['fi', 'hyvinvointialueen arvot', 'arvot', 'arvo'],
    ['fi', 'ikäihmiset', 'ikäihmiset', 'ikäihminen'],
    ['sv', 'kunden', 'kunden', 'kund'],
    ['sv', 'kunder', 'kunder', 'kund'],
    ['sv', 'välfärdsområdet', 'välfärdsområdet', 'välfärdsområde'],
    ['sv', 'nätverket av service', 'nätverket', 'nätverk'],
    ['sv', 'personer i arbetsför ålder', 'personer', 'person'],
  ])('%s %j is inflected: %j, base form %j', (lang, term, word, base) => {
    expect(inflectedTerm(term, lang, morphology)).toEqual({ word, base });
  });

  it.each([
    ['fi', 'hyvinvointialue'],
    ['fi', 'hoidon tarpeen arviointi'],
    ['fi', 'talouden sopeuttaminen'],
    ['fi', 'arvoa tuottava'],
    ['fi', 'Miten Pohjanmaa voi?'],
    ['fi', 'sosiaali- ja terveyspalvelu'],
    ['sv', 'kund'],
    ['sv', 'bedömning av vårdbehovet'],
    ['sv', 'plan för de äldres välbefinnande'],
    ['sv', 'fullmäktige'],
    ['sv', 'äldre'],
    ['sv', 'Hur mår Österbotten?'],
  ])('%s %j is a base form', (lang, term) => {
    expect(inflectedTerm(term, lang, morphology)).toBeUndefined();
  });

  it('is an error at the term in glossary.yaml, with its base form in the hint, in Finnish and in Swedish', () => {
    const dir = join(repoRoot, 'test/fixtures/rules/glossary-base-form/not-ok');
    const result = loadStrategy(join(dir, 'strategy'), { schemaDir: repoSchema, cwd: dir });
    const found = result.messages.filter((m) => m.ruleId === 'glossary-base-form');
    expect(found.every((m) => m.fatal === true && m.file === 'strategy/glossary.yaml')).toBe(true);
    expect(result.errorCount).toBeGreaterThanOrEqual(found.length);
    const text = readFileSync(join(dir, 'strategy/glossary.yaml'), 'utf8').split('\n');
    // Each message starts at the term it names, as written in the file.
    for (const message of found) {
      const term = [...message.reason.matchAll(/`([^`]+)`/g)][1]![1]!;
      expect(text[message.line! - 1]!.slice(message.column! - 1, message.column! - 1 + term.length), message.reason).toBe(term);
    }
    expect(found.map((m) => m.note)).toEqual(expect.arrayContaining(['write `hyvinvointialue` instead of `hyvinvointialueen`: check finds the inflected forms in the text itself', 'write `kund` instead of `kunden`: check finds the inflected forms in the text itself']));
  });

  it('reports nothing on a glossary of base forms', () => {
    const dir = join(repoRoot, 'test/fixtures/rules/glossary-base-form/ok');
    const result = loadStrategy(join(dir, 'strategy'), { schemaDir: repoSchema, cwd: dir });
    expect(result.messages.filter((m) => m.ruleId === 'glossary-base-form').map((m) => m.reason)).toEqual([]);
  });
});

describe.runIf(withCheckers)('terminology with base-form entries (Voikko, Hunspell)', () => {
  const dir = join(repoRoot, 'test/fixtures/glossary/inflected');
  const terminology = () =>
    loadStrategy(join(dir, 'strategy'), { schemaDir: repoSchema, cwd: dir })
      .messages.filter((m) => m.ruleId === 'terminology')
      .map((m) => `${m.file} ${/\(glossary: ([^)]+)\)/.exec(m.reason)![1]}`);

  it('finds an inflected form that the glossary does not list (hyvinvointialueella by hyvinvointialue), and only where the twin lacks the term', () => {
    // a: hyvinvointialueella, no välfärdsområde in Swedish; b: hyvinvointialueen / välfärdsområdets, both there;
    // c: hyvinvointia (well-being) is not the term; d: kunde (could) is not kund; e: asiakkaiden / kundernas.
    expect(terminology()).toEqual(['strategy/a.sv.md welfare-area']);
  });
});

describe('the glossary fields come from schema/', () => {
  const temp = mkdtempSync(join(tmpdir(), 'glossary-fields-'));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it('reads a county’s own field names from its glossary schema’s x-glossary', () => {
    const schemaDir = join(temp, 'schema');
    cpSync(repoSchema, schemaDir, { recursive: true });
    const file = join(schemaDir, 'glossary.schema.json');
    const glossarySchema = readFileSync(file, 'utf8').replace('"definition": {', '"maaritelma": {').replace('"source": {', '"lahde": {').replace('"definition"]', '"maaritelma"]');
    writeFileSync(file, glossarySchema);
    const fields = cachedSchemaSet(schemaDir).project.glossaryFields;
    expect(fields).toMatchObject({ definition: 'maaritelma', source: 'lahde', id: 'id', note: 'note', terms: { sv: 'sv', fi: 'fi' } });
    writeFileSync(join(temp, 'glossary.yaml'), '- id: welfare-area\n  sv: [välfärdsområde]\n  fi: [hyvinvointialue]\n  maaritelma: { sv: Samfund., fi: Yhteisö. }\n  lahde: "611/2021, 2 §"\n');
    const [entry] = readGlossary(temp, 'glossary.yaml', fields).entries;
    expect(entry).toMatchObject({ id: 'welfare-area', terms: { sv: ['välfärdsområde'], fi: ['hyvinvointialue'] }, definition: { sv: 'Samfund.', fi: 'Yhteisö.' }, source: '611/2021, 2 §' });
    expect(entry!.places!['fi']![0]).toMatchObject({ start: { line: 3, column: 8 } });
  });
});
