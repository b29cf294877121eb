/**
 * A bad schema/ is a located message, never a crash: each case is a copy of the shipped schema/ with one small edit,
 * made at test time (so that the cases follow schema/ as it changes), checked by `strategy check` (in this process, and
 * through the real command line for the cases that are about it). Each asserts, in English, Swedish and Finnish (`--lang`),
 * exit 2, the line `path:line:column: error: ... [rule-id]` at the exact place of the fault, what it says and its hint in
 * that language, and no stack trace.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { runMain } from '../helpers/cli.ts';
import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { repoRoot } from '../helpers/fixtures.ts';
import { expectedKeywords } from '../../src/load/schema.ts';
import { catalogues, t, withLang, type MessageKey } from '../../src/messages/index.ts';
import { runStrategy, scratchFolder, stackFrame } from '../hostile-build/cases.ts';

const scratch = scratchFolder('bad-schema-');
const mini = join(repoRoot, 'test/fixtures/mini/strategy');

/** One edit of a file of schema/ (its first match only), and where in the edited text the fault then stands. */
interface Edit {
  file: string;
  find: string | RegExp;
  replace: string;
  /** Text within `replace` at which the message must point; `after` for the first character after it; `start` for 1:1. */
  at?: string | 'after' | 'start';
}

type Lang = 'en' | 'sv' | 'fi';

interface Case {
  name: string;
  edits: Edit[];
  ruleId: string;
  /** What the message says in each language, as the editor reads it (what was found, what was expected, the hint). */
  says: Record<Lang, RegExp>;
}

const cases: Case[] = [
  {
    name: 'a keyword for arrays without "type": "array" (ajv strict mode)',
    edits: [{ file: 'kinds/goal.schema.json', find: '"properties": {', replace: '"properties": {\n    "promised": { "minItems": 1, "items": { "type": "string" } },', at: '"minItems"' }],
    ruleId: 'schema-invalid',
    says: {
      en: /Unexpected "minItems" in a schema without "type": "array", expected "type": "array" beside it/,
      sv: /Oväntat "minItems" i ett schema utan "type": "array", väntat: "type": "array" bredvid \(ajv:s strikta läge: "minItems" gäller bara värden av typen array\)/,
      fi: /Odottamaton "minItems" skeemassa ilman määrittelyä "type": "array", odotettiin: "type": "array" sen rinnalle/,
    },
  },
  {
    name: 'a file that is not JSON',
    edits: [{ file: 'kinds/value.schema.json', find: /"x-kind": "value",/, replace: '"x-kind": "value"', at: 'after' }],
    ruleId: 'schema-syntax',
    says: {
      en: /Invalid JSON: Expected ',' or '}' after property value/,
      sv: /Ogiltig JSON: väntat: `,` eller `}` efter värdet/,
      fi: /Virheellinen JSON: odotettiin: `,` tai `}` arvon jälkeen/,
    },
  },
  {
    name: 'a file that ends too early',
    edits: [{ file: 'kinds/chapter.schema.json', find: /"x-label": [\s\S]*$/, replace: '"x-label": ', at: 'after' }],
    ruleId: 'schema-syntax',
    says: { en: /Invalid JSON: the file ends too early/, sv: /Ogiltig JSON: filen tar slut för tidigt/, fi: /Virheellinen JSON: tiedosto päättyy liian aikaisin/ },
  },
  {
    name: 'a key twice in one object (JSON.parse would keep the last)',
    edits: [{ file: 'kinds/promise.schema.json', find: /"x-kind": "promise",/, replace: '"x-kind": "promise",\n  "x-kind" : "promise",', at: '"x-kind" :' }],
    ruleId: 'schema-syntax',
    says: {
      en: /key "x-kind" again in the same object/,
      sv: /Oväntad nyckel "x-kind" en gång till i samma JSON-objekt, väntat: varje nyckel en gång/,
      fi: /Odottamaton avain "x-kind" uudelleen samassa objektissa, odotettiin: kukin avain kerran/,
    },
  },
  {
    name: 'a schema file that is not an object',
    edits: [{ file: 'kinds/milestone.schema.json', find: /^[\s\S]*$/, replace: '["milestone"]\n', at: 'start' }],
    ruleId: 'schema-syntax',
    says: { en: /Unexpected list as a schema file, expected an object/, sv: /Oväntad lista som schemafil, väntat: ett JSON-objekt/, fi: /Odottamaton luettelo skeematiedostona, odotettiin: objekti/ },
  },
  {
    name: 'x-link-kinds naming a kind that no schema declares',
    edits: [{ file: 'kinds/goal.schema.json', find: '"properties": {', replace: '"properties": {\n    "rivals": { "$ref": "../defs.schema.json#/$defs/refs", "x-link-kinds": ["rivall"] },', at: '"rivall"' }],
    ruleId: 'schema-unknown-kind',
    says: {
      en: /kind "rivall" in x-link-kinds, expected one of the kinds schema\/ declares: action, /,
      sv: /Oväntad typ "rivall" i x-link-kinds, väntat: en av de typer som schema\/ anger: action, /,
      fi: /Odottamaton tyyppi "rivall" kentässä x-link-kinds, odotettiin: jokin schema\/-kansion määrittelemistä tyypeistä: action, /,
    },
  },
  {
    name: 'x-parent-kinds naming a kind that no schema declares, with a guess',
    edits: [{ file: 'kinds/measure.schema.json', find: /"x-parent-kinds": \[[^\]]*\]/, replace: '"x-parent-kinds": ["gaol"]', at: '"gaol"' }],
    ruleId: 'schema-unknown-kind',
    says: {
      en: /kind "gaol" in x-parent-kinds[^\n]*\n {2}hint: did you mean `goal`\?/,
      sv: /Oväntad typ "gaol" i x-parent-kinds[^\n]*\n {2}tips: menade du `goal`\?/,
      fi: /Odottamaton tyyppi "gaol" kentässä x-parent-kinds[^\n]*\n {2}vihje: tarkoititko `goal`\?/,
    },
  },
  {
    name: 'a typo in a keyword (strict mode)',
    edits: [{ file: 'kinds/milestone.schema.json', find: /"x-kind": "milestone",/, replace: '"x-kind": "milestone",\n  "descripton": "A typo",', at: '"descripton"' }],
    ruleId: 'schema-invalid',
    says: {
      en: /keyword "descripton"[^\n]*\n {2}hint: did you mean `description`\?/,
      sv: /Oväntat nyckelord "descripton", väntat: ett nyckelord i JSON Schema[^\n]*\n {2}tips: menade du `description`\?/,
      fi: /Odottamaton avainsana "descripton", odotettiin: JSON Scheman avainsana[^\n]*\n {2}vihje: tarkoititko `description`\?/,
    },
  },
  {
    name: 'x-label that is a text instead of language → text',
    edits: [{ file: 'kinds/action.schema.json', find: /"x-label": \{[^}]*\}/, replace: '"x-label": "Åtgärd"', at: '"Åtgärd"' }],
    ruleId: 'schema-invalid',
    says: {
      en: /Unexpected text "Åtgärd" as x-label, expected an object of language → text/,
      sv: /Oväntad text "Åtgärd" som x-label, väntat: ett JSON-objekt med språk → text/,
      fi: /Odottamaton teksti "Åtgärd" kentän x-label arvona, odotettiin: objekti kieli → teksti/,
    },
  },
  {
    name: 'an x-role that the renderers do not know',
    edits: [{ file: 'kinds/goal.schema.json', find: '"properties": {', replace: '"properties": {\n    "motto": { "type": "string", "x-role": "motto" },', at: '"motto" }' }],
    ruleId: 'schema-invalid',
    says: {
      en: /text "motto" as x-role, expected one of the roles the renderers know: organisation, subtitle/,
      sv: /Oväntad text "motto" som x-role, väntat: en av de roller som webbplatsen och PDF-filerna känner till: organisation, subtitle/,
      fi: /Odottamaton teksti "motto" kentän x-role arvona, odotettiin: jokin sivuston ja PDF-tiedostojen tuntemista rooleista: organisation, subtitle/,
    },
  },
  {
    name: 'an empty list of link kinds',
    edits: [{ file: 'kinds/goal.schema.json', find: '"properties": {', replace: '"properties": {\n    "rivals": { "type": "array", "x-link-kinds": [] },', at: '[]' }],
    ruleId: 'schema-invalid',
    says: {
      en: /Unexpected empty list as x-link-kinds, expected a list of the kinds the field's ids may point at \(at least one\)/,
      sv: /Oväntad tom lista som x-link-kinds, väntat: en lista över de typer som fältets id får peka på \(minst en\)/,
      fi: /Odottamaton tyhjä luettelo kentän x-link-kinds arvona, odotettiin: luettelo tyypeistä, joihin kentän tunnisteet voivat osoittaa \(vähintään yksi\)/,
    },
  },
  {
    name: 'a format that is not one the toolchain knows',
    edits: [{ file: 'kinds/goal.schema.json', find: '"properties": {', replace: '"properties": {\n    "due": { "type": "string", "format": "dat" },', at: '"dat"' }],
    ruleId: 'schema-invalid',
    says: {
      en: /Unexpected format "dat", expected one of the formats the toolchain knows: date, [^\n]*\n {2}hint: did you mean `date`\?/,
      sv: /Oväntat format "dat", väntat: ett av de format som verktyget känner till: date, [^\n]*\n {2}tips: menade du `date`\?/,
      fi: /Odottamaton muoto "dat", odotettiin: jokin työkalun tuntemista muodoista: date, [^\n]*\n {2}vihje: tarkoititko `date`\?/,
    },
  },
  {
    name: 'a pattern that is no regular expression',
    edits: [{ file: 'kinds/goal.schema.json', find: '"properties": {', replace: '"properties": {\n    "motto": { "type": "string", "pattern": "([" },', at: '"(["' }],
    ruleId: 'schema-invalid',
    says: {
      en: /Unexpected pattern "\(\[", expected a regular expression JavaScript can read \(Unterminated character class\)/,
      sv: /Oväntat mönster "\(\[", väntat: ett reguljärt uttryck som JavaScript kan läsa \(Unterminated character class\)/,
      fi: /Odottamaton malli "\(\[", odotettiin: säännöllinen lauseke, jonka JavaScript osaa lukea \(Unterminated character class\)/,
    },
  },
  {
    name: 'a tuple without its length (ajv strict mode)',
    edits: [{ file: 'kinds/goal.schema.json', find: '"properties": {', replace: '"properties": {\n    "pair": { "type": "array", "prefixItems": [{ "type": "string" }, { "type": "number" }] },', at: '"prefixItems"' }],
    ruleId: 'schema-invalid',
    says: {
      en: /Unexpected "prefixItems" \(a tuple of 2\) without "minItems": 2 and "items": false \(or "maxItems": 2\) beside it, expected a list of a fixed length/,
      sv: /Oväntat "prefixItems" \(en tupel med längden 2\) utan "minItems": 2 och "items": false \(eller "maxItems": 2\) bredvid, väntat: en lista med fast längd/,
      fi: /Odottamaton "prefixItems" \(monikko, pituus 2\) ilman määrittelyjä "minItems": 2 ja "items": false \(tai "maxItems": 2\) sen rinnalla, odotettiin: kiinteän pituinen luettelo/,
    },
  },
  {
    name: 'an "if" without "then" or "else" (ajv strict mode)',
    edits: [{ file: 'kinds/goal.schema.json', find: '"properties": {', replace: '"properties": {\n    "motto": { "type": "string", "if": { "minLength": 2 } },', at: '"if"' }],
    ruleId: 'schema-invalid',
    says: {
      en: /Unexpected "if" without "then" or "else", expected one of them beside it: alone it checks nothing/,
      sv: /Oväntat "if" utan "then" eller "else", väntat: något av dem bredvid: ensamt kontrollerar det ingenting/,
      fi: /Odottamaton "if" ilman avainsanaa "then" tai "else", odotettiin: jompikumpi sen rinnalle: yksinään se ei tarkista mitään/,
    },
  },
  {
    name: 'a type that the schema around it does not allow (ajv strict mode)',
    edits: [{ file: 'kinds/goal.schema.json', find: '"properties": {', replace: '"properties": {\n    "motto": { "type": "string", "allOf": [{ "type": "number" }] },', at: '{ "type": "number" }' }],
    ruleId: 'schema-invalid',
    says: {
      en: /Unexpected "type": "number" inside a schema of "type": "string", expected a type the schema around it allows/,
      sv: /Oväntat "type": "number" inuti ett schema med "type": "string", väntat: en typ som det omgivande schemat tillåter/,
      fi: /Odottamaton "type": "number" skeemassa, jossa on "type": "string", odotettiin: tyyppi, jonka ympäröivä skeema sallii/,
    },
  },
  {
    name: 'a JSON Schema draft other than 2020-12',
    edits: [{ file: 'kinds/chapter.schema.json', find: '"$schema": "https://json-schema.org/draft/2020-12/schema"', replace: '"$schema": "http://json-schema.org/draft-07/schema#"', at: '"http' }],
    ruleId: 'schema-invalid',
    says: {
      en: /Unexpected text "http:\/\/json-schema.org\/draft-07\/schema#" as \$schema, expected "https:\/\/json-schema.org\/draft\/2020-12\/schema", the JSON Schema the toolchain reads/,
      sv: /Oväntad text "http:\/\/json-schema.org\/draft-07\/schema#" som \$schema, väntat: "https:\/\/json-schema.org\/draft\/2020-12\/schema", den version av JSON Schema som verktyget läser/,
      fi: /Odottamaton teksti "http:\/\/json-schema.org\/draft-07\/schema#" kentän \$schema arvona, odotettiin: "https:\/\/json-schema.org\/draft\/2020-12\/schema", JSON Scheman versio, jota työkalu lukee/,
    },
  },
  {
    name: 'a schema file without "$id"',
    edits: [{ file: 'kinds/strategic-goal.schema.json', find: /"\$id": "[^"]*",\s*/, replace: '', at: 'start' }],
    ruleId: 'schema-invalid',
    says: {
      en: /Unexpected file without "\$id", expected "\$id": the file's id, its path under schema\//,
      sv: /Oväntad fil utan "\$id", väntat: "\$id": filens id, dess sökväg under schema\//,
      fi: /Odottamaton tiedosto ilman avainta "\$id", odotettiin: "\$id": tiedoston tunniste eli sen polku schema\/-kansiossa/,
    },
  },
  {
    name: 'a kind keyword on a property',
    edits: [{ file: 'kinds/goal.schema.json', find: '"properties": {', replace: '"properties": {\n    "motto": { "type": "string", "x-numbered": true },', at: '"x-numbered"' }],
    ruleId: 'schema-invalid',
    says: {
      en: /"x-numbered" below the root of a schema, expected it at the root \(the keywords of a field are x-translatable, /,
      sv: /Oväntat "x-numbered" under schemats rotnivå, väntat: nyckelordet på rotnivån \(ett fälts nyckelord är x-translatable, /,
      fi: /Odottamaton "x-numbered" skeeman juuritason alapuolella, odotettiin: avainsana juuritasolla \(kentän avainsanat ovat x-translatable, /,
    },
  },
  {
    name: 'a field keyword at the root of a kind',
    edits: [{ file: 'kinds/goal.schema.json', find: '"x-council-table": true,', replace: '"x-council-table": true,\n  "x-role": "status",', at: '"x-role"' }],
    ruleId: 'schema-invalid',
    says: {
      en: /Unexpected "x-role" at the root of a schema, expected it on a property \(the keywords of a kind are x-kind, /,
      sv: /Oväntat "x-role" på schemats rotnivå, väntat: nyckelordet på ett fält \(en typs nyckelord är x-kind, /,
      fi: /Odottamaton "x-role" skeeman juuritasolla, odotettiin: avainsana kentän määrittelyssä \(tyypin avainsanat ovat x-kind, /,
    },
  },
  {
    name: 'a kind keyword in a file that declares no kind',
    edits: [{ file: 'defs.schema.json', find: '"title": "Shared definitions",', replace: '"title": "Shared definitions",\n  "x-numbered": true,', at: '"x-numbered"' }],
    ruleId: 'schema-invalid',
    says: {
      en: /Unexpected "x-numbered" in a schema without "x-kind", expected it only in a kind's schema \[schema-invalid\]\n {2}hint: add "x-kind" to declare a kind, or remove the keyword/,
      sv: /Oväntat "x-numbered" i ett schema utan "x-kind", väntat: nyckelordet bara i en typs schema \[schema-invalid\]\n {2}tips: lägg till "x-kind" för att ange en typ, eller ta bort nyckelordet/,
      fi: /Odottamaton "x-numbered" skeemassa, jossa ei ole avainsanaa "x-kind", odotettiin: avainsana vain tyypin skeemassa \[schema-invalid\]\n {2}vihje: lisää "x-kind", jos tiedosto määrittelee tyypin, tai poista avainsana/,
    },
  },
  {
    name: 'x-matrix naming a field that is not a link field',
    edits: [{ file: 'kinds/section.schema.json', find: /"x-kind": "section",/, replace: '"x-kind": "section",\n  "x-matrix": ["title"],', at: '"title"' }],
    ruleId: 'schema-unknown-field',
    says: {
      en: /"title" in x-matrix, expected a link field of section/,
      sv: /Oväntat "title" i x-matrix, väntat: ett länkfält i typen section/,
      fi: /Odottamaton "title" kentässä x-matrix, odotettiin: tyypin section linkkikenttä/,
    },
  },
  {
    name: 'x-kind without x-parent-kinds',
    edits: [
      { file: 'kinds/section.schema.json', find: /"x-kind": "section",/, replace: '"x-kind": "section",', at: '"x-kind"' },
      { file: 'kinds/section.schema.json', find: /"x-parent-kinds": \[[^\]]*\],\s*/, replace: '' },
    ],
    ruleId: 'schema-invalid',
    says: {
      en: /Unexpected "x-kind" without "x-parent-kinds", expected "x-parent-kinds" beside it: a list of the kinds an item of this kind may sit under/,
      sv: /Oväntat "x-kind" utan "x-parent-kinds", väntat: "x-parent-kinds" bredvid: en lista över de typer som ett objekt av denna typ får ligga under/,
      fi: /Odottamaton "x-kind" ilman avainta "x-parent-kinds", odotettiin: "x-parent-kinds" sen rinnalle: luettelo tyypeistä, joiden alle tämän tyypin kohde voi sijoittua/,
    },
  },
  {
    name: 'x-enum-labels naming a value the field does not have',
    edits: [{ file: 'kinds/goal.schema.json', find: '"properties": {', replace: '"properties": {\n    "tone": { "enum": ["calm"], "x-enum-labels": { "clam": { "sv": "Lugn" } } },', at: '"clam"' }],
    ruleId: 'schema-unknown-value',
    says: {
      en: /"clam" in x-enum-labels, expected one of the field's values: calm/,
      sv: /Oväntat "clam" i x-enum-labels, väntat: ett av fältets värden: calm/,
      fi: /Odottamaton "clam" kentässä x-enum-labels, odotettiin: jokin kentän arvoista: calm/,
    },
  },
  {
    name: 'an unknown key in project.json',
    edits: [{ file: 'project.json', find: /"languages":/, replace: '"langauges": ["sv"],\n  "languages":', at: '"langauges"' }],
    ruleId: 'schema-invalid',
    says: {
      en: /key "langauges", expected one of \$schema, languages, [^\n]*\n {2}hint: did you mean `languages`\?/,
      sv: /Oväntad nyckel "langauges", väntat: en av \$schema, languages, [^\n]*\n {2}tips: menade du `languages`\?/,
      fi: /Odottamaton avain "langauges", odotettiin: jokin seuraavista: \$schema, languages, [^\n]*\n {2}vihje: tarkoititko `languages`\?/,
    },
  },
  {
    name: 'a primary language that is not one of the languages',
    edits: [{ file: 'project.json', find: '"primaryLanguage": "sv"', replace: '"primaryLanguage": "en"', at: '"en"' }],
    ruleId: 'schema-unknown-value',
    says: {
      en: /Unexpected primary language "en", expected one of "languages": sv, fi/,
      sv: /Oväntat huvudspråk "en", väntat: ett av "languages": sv, fi/,
      fi: /Odottamaton ensisijainen kieli "en", odotettiin: jokin kentän "languages" kielistä: sv, fi/,
    },
  },
  {
    name: 'an acknowledgement without the item or file it is about',
    edits: [{ file: 'project.json', find: /"acknowledged": \[\s*\{\s*"rule": "unlinked-target",\s*"id": "[^"]*",/, replace: '"acknowledged": [\n    {\n      "rule": "unlinked-target",', at: '{' }],
    ruleId: 'schema-invalid',
    says: {
      en: /Unexpected acknowledgement of "unlinked-target" without "id" or "path", expected the item or file whose warning the county accepts/,
      sv: /Oväntad kvittering av "unlinked-target" utan "id" eller "path", väntat: det objekt eller den fil vars varning välfärdsområdet godtar/,
      fi: /Odottamaton säännön "unlinked-target" kuittaus ilman avainta "id" tai "path", odotettiin: kohde tai tiedosto, jonka varoituksen hyvinvointialue hyväksyy/,
    },
  },
  {
    name: 'an acknowledgement without its reason',
    edits: [{ file: 'project.json', find: /"acknowledged": \[\s*\{\s*"rule": "unlinked-target",\s*"id": "([^"]*)",\s*"reason": "[^"]*"/, replace: '"acknowledged": [\n    {\n      "rule": "unlinked-target",\n      "id": "strategic-goal-caring-for-each-other"', at: '{' }],
    ruleId: 'schema-invalid',
    says: { en: /Unexpected item of acknowledged without "reason"/, sv: /Oväntad post i acknowledged utan "reason"/, fi: /Odottamaton luettelon acknowledged kohta ilman avainta "reason"/ },
  },
  {
    name: 'a $ref to a definition that does not exist',
    edits: [{ file: 'kinds/goal.schema.json', find: '"properties": {', replace: '"properties": {\n    "rank": { "$ref": "../defs.schema.json#/$defs/ordr" },', at: '"../defs.schema.json#/$defs/ordr"' }],
    ruleId: 'schema-ref',
    says: {
      en: /\$ref "..\/defs.schema.json#\/\$defs\/ordr": it points at nothing[^\n]*\n {2}hint: did you mean `..\/defs.schema.json#\/\$defs\/order`\?/,
      sv: /Oväntad \$ref "..\/defs.schema.json#\/\$defs\/ordr": den pekar inte på något[^\n]*\n {2}tips: menade du `..\/defs.schema.json#\/\$defs\/order`\?/,
      fi: /Odottamaton \$ref "..\/defs.schema.json#\/\$defs\/ordr": se ei osoita mihinkään[^\n]*\n {2}vihje: tarkoititko `..\/defs.schema.json#\/\$defs\/order`\?/,
    },
  },
  {
    name: 'a $ref to a file that does not exist',
    edits: [{ file: 'kinds/goal.schema.json', find: '"properties": {', replace: '"properties": {\n    "rank": { "$ref": "../nodefs.schema.json#/$defs/order" },', at: '"../nodefs.schema.json#/$defs/order"' }],
    ruleId: 'schema-ref',
    says: {
      en: /\$ref "..\/nodefs.schema.json#\/\$defs\/order"[^\n]*\n {2}hint: no file in schema\/ has the \$id "nodefs.schema.json"/,
      sv: /\$ref "..\/nodefs.schema.json#\/\$defs\/order"[^\n]*\n {2}tips: ingen fil i schema\/ har \$id "nodefs.schema.json"/,
      fi: /\$ref "..\/nodefs.schema.json#\/\$defs\/order"[^\n]*\n {2}vihje: schema\/-kansiossa ei ole tiedostoa, jonka \$id on "nodefs.schema.json"/,
    },
  },
  {
    name: 'a $ref that is no address',
    edits: [{ file: 'kinds/goal.schema.json', find: '"properties": {', replace: '"properties": {\n    "rank": { "$ref": "http://[::1" },', at: '"http://[::1"' }],
    ruleId: 'schema-ref',
    says: {
      en: /Unexpected \$ref "http:\/\/\[::1" that is no address, expected the path of a file in schema\/ and a "#\/\.\.\." pointer/,
      sv: /Oväntad \$ref "http:\/\/\[::1" som inte är någon adress, väntat: sökvägen till en fil i schema\/ och en pekare "#\/\.\.\."/,
      fi: /Odottamaton \$ref "http:\/\/\[::1", joka ei ole osoite, odotettiin: schema\/-kansion tiedoston polku ja osoitin "#\/\.\.\."/,
    },
  },
  {
    name: 'two files with one $id',
    edits: [{ file: 'kinds/value.schema.json', find: /"\$id": "[^"]*"/, replace: '"$id": "kinds/promise.schema.json"', at: '"kinds/promise.schema.json"' }],
    ruleId: 'schema-duplicate',
    says: {
      en: /\$id "kinds\/promise.schema.json" again, expected each file's own: \S*schema\/kinds\/promise.schema.json has it already/,
      sv: /Oväntat \$id "kinds\/promise.schema.json" en gång till, väntat: ett eget för varje fil: \S*schema\/kinds\/promise.schema.json har det redan/,
      fi: /Odottamaton \$id "kinds\/promise.schema.json" uudelleen, odotettiin: jokaiselle tiedostolle oma: tiedostolla \S*schema\/kinds\/promise.schema.json on se jo/,
    },
  },
  {
    name: 'two files that declare one kind',
    edits: [{ file: 'kinds/value.schema.json', find: /"x-kind": "value"/, replace: '"x-kind": "promise"', at: '"promise"' }],
    ruleId: 'schema-duplicate',
    says: {
      en: /Unexpected kind "promise" declared again, expected each kind in one file: \S*schema\/kinds\/promise.schema.json declares it/,
      sv: /Oväntad typ "promise" som anges en gång till, väntat: varje typ i en enda fil: \S*schema\/kinds\/promise.schema.json anger den/,
      fi: /Odottamaton tyyppi "promise", joka määritellään uudelleen, odotettiin: kukin tyyppi yhdessä tiedostossa: \S*schema\/kinds\/promise.schema.json määrittelee sen/,
    },
  },
];

const severity: Record<Lang, string> = { en: 'error', sv: 'fel', fi: 'virhe' };
const summary: Record<Lang, RegExp> = {
  en: /^strategy check: \d+ problems? in the schema folder; nothing was done$/m,
  sv: /^strategy check: \d+ problem i schemamappen; inget gjordes$/m,
  fi: /^strategy check: skeemakansiossa \d+ ongelmaa?; mitään ei tehty$/m,
};

/** The line and column of an offset, as the messages count them (1-based, in UTF-16 code units). */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  return `${before.split('\n').length}:${offset - before.lastIndexOf('\n')}`;
}

/** Copies schema/ into a project folder, applies the edits and returns where each one's fault stands. */
function makeSchema(folder: string, edits: readonly Edit[]): string[] {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  cpSync(join(repoRoot, 'schema'), join(folder, 'schema'), { recursive: true });
  return edits.map((edit) => {
    const path = join(folder, 'schema', edit.file);
    const text = readFileSync(path, 'utf8');
    const match = typeof edit.find === 'string' ? { index: text.indexOf(edit.find) } : edit.find.exec(text);
    if (!match || match.index < 0) throw new Error(`schema/${edit.file} no longer has ${String(edit.find)}: update this case`);
    const length = typeof edit.find === 'string' ? edit.find.length : (match as RegExpExecArray)[0].length;
    const edited = text.slice(0, match.index) + edit.replace + text.slice(match.index + length);
    writeFileSync(path, edited);
    let offset = edit.at === 'start' ? 0 : match.index + (edit.at === 'after' ? edit.replace.length : edit.replace.indexOf(edit.at ?? edit.replace));
    if (edit.at === 'after') while (/\s/.test(edited[offset] ?? '')) offset++;
    return `schema/${edit.file}:${lineColumn(edited, offset)}`;
  });
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * `strategy check` of the mini strategy against a project's schema/, in this process (main() is what bin/strategy.js
 * runs; the cases below that must go through the real command line spawn it). Returns what it printed and, for the
 * places makeSchema gives, the prefix the messages carry: the schema folder as seen from this process's folder.
 */
async function checkInProcess(project: string, lang: Lang = 'en'): Promise<{ code: number; stdout: string; stderr: string; at: (place: string) => string }> {
  const run = await runMain(['check', mini, '--schema', join(project, 'schema'), '--lang', lang]);
  const prefix = relative(process.cwd(), project).split('\\').join('/');
  return { ...run, at: (place) => `${prefix}/${place}` };
}

describe('a bad schema/ is a located message, exit 2, never a stack trace', () => {
  for (const testCase of cases) {
    it(`${testCase.name}: in English, Swedish and Finnish`, async () => {
      const project = join(scratch(), testCase.name.replace(/\W+/g, '-'));
      const [place] = makeSchema(project, testCase.edits);
      for (const lang of ['en', 'sv', 'fi'] as const) {
        const run = await checkInProcess(project, lang);
        expect(run.code, run.stderr).toBe(2);
        // The message at its place, `path:line:column: error: ... [rule-id]`, and what it says, with its hint.
        const line = new RegExp(`^${escape(run.at(place!))}: ${severity[lang]}: ([^\\n]*) \\[${testCase.ruleId}\\](?:\\n {2}[^\\n]*)?$`, 'm');
        expect(run.stderr, lang).toMatch(line);
        expect(line.exec(run.stderr)![0], lang).toMatch(testCase.says[lang]);
        if (lang !== 'en') expect(run.stderr, lang).not.toMatch(testCase.says.en);
        expect(run.stderr).toMatch(summary[lang]);
        expect(run.stderr).not.toMatch(stackFrame);
        expect(run.stderr).not.toContain('internal error');
        expect(run.stdout).toBe('');
      }
    });
  }

  it('a loop of parent kinds, reported at each kind on it, in English, Swedish and Finnish', async () => {
    const project = join(scratch(), 'cycle');
    const places = makeSchema(project, [
      { file: 'kinds/section.schema.json', find: /"x-parent-kinds": \[[^\]]*\]/, replace: '"x-parent-kinds": ["goal"]', at: '"goal"' },
      { file: 'kinds/goal.schema.json', find: /"x-parent-kinds": \[[^\]]*\]/, replace: '"x-parent-kinds": ["section"]', at: '"section"' },
    ]);
    const says: Record<Lang, { loop: string; hint: string }> = {
      en: { loop: 'Unexpected loop of parent kinds', hint: 'hint: give the top kind "x-parent-kinds": [], and let every other kind name a kind above it' },
      sv: { loop: 'Oväntad slinga av överordnade typer', hint: 'tips: ge den översta typen "x-parent-kinds": [] och låt varje annan typ ange en typ ovanför sig' },
      fi: { loop: 'Odottamaton yläkohdetyyppien kehä', hint: 'vihje: anna ylimmälle tyypille "x-parent-kinds": [] ja anna jokaisen muun tyypin nimetä jokin yläpuolellaan oleva tyyppi' },
    };
    for (const lang of ['en', 'sv', 'fi'] as const) {
      const run = await checkInProcess(project, lang);
      expect(run.code).toBe(2);
      for (const place of places) expect(run.stderr).toMatch(new RegExp(`^${escape(run.at(place))}: ${severity[lang]}: ${says[lang].loop} [^\\n]*\\[schema-kind-cycle\\]\\n {2}${escape(says[lang].hint)}$`, 'm'));
      expect(run.stderr).toContain('section → goal → section');
      expect(run.stderr).not.toMatch(stackFrame);
    }
  });

  it('a kind under itself is no loop when it can also sit under a root kind', async () => {
    const project = join(scratch(), 'self');
    makeSchema(project, [{ file: 'kinds/section.schema.json', find: /"x-parent-kinds": \[[^\]]*\]/, replace: '"x-parent-kinds": ["section", "document"]' }]);
    expect((await checkInProcess(project)).code).toBe(0);
  });

  it('reports every bad file in one run', () => {
    const project = join(scratch(), 'all');
    // One edit per file: the first case that edits each file.
    const edits = cases.flatMap((c) => c.edits.map((edit) => ({ edit, ruleId: c.ruleId }))).filter((e, i, all) => all.findIndex((o) => o.edit.file === e.edit.file) === i);
    const places = makeSchema(project, edits.map((e) => e.edit));
    const run = runStrategy(['check', mini, '--schema', 'schema'], { cwd: project });
    expect(run.code).toBe(2);
    expect(new Set(edits.map((e) => e.edit.file)).size).toBeGreaterThanOrEqual(5);
    edits.forEach(({ ruleId }, i) => expect(run.stderr).toMatch(new RegExp(`^${escape(places[i]!)}: error: [^\\n]*\\[${ruleId}\\]$`, 'm')));
    const count = run.stderr.match(/^schema\/\S+:\d+:\d+: error: /gm)?.length ?? 0;
    expect(run.stderr).toContain(`strategy check: ${count} problems in the schema folder; nothing was done`);
    expect(run.stderr).not.toMatch(stackFrame);
  });

  it('a missing schema folder, project.json or kind: named, exit 2, in English, Swedish and Finnish', async () => {
    const project = join(scratch(), 'missing');
    makeSchema(project, []);
    rmSync(join(project, 'schema/project.json'));
    rmSync(join(project, 'schema/kinds'), { recursive: true });
    const says: Record<Lang, RegExp[]> = {
      en: [
        /^schema\/project\.json: error: Cannot read schema\/project\.json: no such file, expected a JSON file \[schema-unreadable\]$/m,
        /^schema: error: Unexpected schema folder without a kind, expected at least one \*\.schema\.json with "x-kind" \[schema-invalid\]$/m,
        /^nowhere: error: Cannot read the schema folder nowhere: no such folder, expected a folder with project\.json and kinds\/\*\.schema\.json \[schema-unreadable\]$/m,
      ],
      sv: [
        /^schema\/project\.json: fel: Kan inte läsa schema\/project\.json: filen finns inte, väntat: en JSON-fil \[schema-unreadable\]$/m,
        /^schema: fel: Oväntad schemamapp utan typer, väntat: minst en \*\.schema\.json med "x-kind" \[schema-invalid\]$/m,
        /^nowhere: fel: Kan inte läsa schemamappen nowhere: mappen finns inte, väntat: en mapp med project\.json och kinds\/\*\.schema\.json \[schema-unreadable\]$/m,
      ],
      fi: [
        /^schema\/project\.json: virhe: Tiedostoa schema\/project\.json ei voi lukea: tiedostoa ei ole, odotettiin: JSON-tiedosto \[schema-unreadable\]$/m,
        /^schema: virhe: Odottamaton skeemakansio ilman tyyppejä, odotettiin: vähintään yksi \*\.schema\.json, jossa on "x-kind" \[schema-invalid\]$/m,
        /^nowhere: virhe: Skeemakansiota nowhere ei voi lukea: kansiota ei ole, odotettiin: kansio, jossa on project\.json ja kinds\/\*\.schema\.json \[schema-unreadable\]$/m,
      ],
    };
    for (const lang of ['en', 'sv', 'fi'] as const) {
      const [noProject, noKind, noFolder] = says[lang];
      const run = await runMain(['check', mini, '--schema', 'schema', '--lang', lang], { cwd: project });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(noProject!);
      expect(run.stderr).toMatch(noKind!);
      const none = await runMain(['check', mini, '--schema', 'nowhere', '--lang', lang], { cwd: project });
      expect(none.code).toBe(2);
      expect(none.stderr).toMatch(noFolder!);
      expect(none.stderr).not.toMatch(stackFrame);
    }
    // project.json that is a folder.
    mkdirSync(join(project, 'schema/project.json'));
    const folder = { en: 'Cannot read schema/project.json: a folder, expected a JSON file', sv: 'Kan inte läsa schema/project.json: det är en mapp, väntat: en JSON-fil', fi: 'Tiedostoa schema/project.json ei voi lukea: se on kansio, odotettiin: JSON-tiedosto' };
    for (const lang of ['en', 'sv', 'fi'] as const) {
      const run = await runMain(['check', mini, '--schema', 'schema', '--lang', lang], { cwd: project });
      expect(run.stderr.split('\n')).toContain(`schema/project.json: ${severity[lang]}: ${folder[lang]} [schema-unreadable]`);
    }
    // As the shell runs it, and in the language of the locale.
    const shell = runStrategy(['check', mini, '--schema', 'nowhere'], { cwd: project, env: { LC_ALL: 'fi_FI.UTF-8' } });
    expect(shell.code).toBe(2);
    expect(shell.stderr).toMatch(says.fi[2]!);
  });
});

/**
 * Invalid JSON, each way JSON.parse (V8) words it: the message at the character it stops at, its words from the
 * catalogue of the language asked for (`schema.json.*`), never V8's English in Swedish or Finnish.
 */
describe('invalid JSON, at the character JSON.parse stops at, in English, Swedish and Finnish', () => {
  const kind = '"x-kind": "goal",';
  const json: { name: string; edit: Edit; key: MessageKey; token?: string }[] = [
    { name: 'a bare word', edit: { file: 'kinds/goal.schema.json', find: kind, replace: '"x-kind": goal,', at: 'goal' }, key: 'schema.json.token', token: 'g' },
    { name: 'no colon', edit: { file: 'kinds/goal.schema.json', find: kind, replace: '"x-kind" "goal",', at: '"goal"' }, key: 'schema.json.colon' },
    { name: 'a tab inside quotes', edit: { file: 'kinds/goal.schema.json', find: kind, replace: '"x-kind": "go\tal",', at: '\t' }, key: 'schema.json.control' },
    { name: 'a bad escape', edit: { file: 'kinds/goal.schema.json', find: kind, replace: '"x-kind": "go\\qal",', at: 'qal' }, key: 'schema.json.escape' },
    { name: 'a minus alone', edit: { file: 'kinds/goal.schema.json', find: kind, replace: '"x-kind": -,', at: ',' }, key: 'schema.json.number' },
    { name: 'a key in single quotes', edit: { file: 'kinds/goal.schema.json', find: kind, replace: "'x-kind': \"goal\",", at: "'" }, key: 'schema.json.property' },
    { name: 'a leading zero', edit: { file: 'kinds/goal.schema.json', find: kind, replace: '"x-kind": 01,', at: '1,' }, key: 'schema.json.value' },
    { name: 'a list without its comma', edit: { file: 'kinds/goal.schema.json', find: /"x-parent-kinds": \[[^\]]*\]/, replace: '"x-parent-kinds": ["section" "x"]', at: '"x"' }, key: 'schema.json.comma-bracket' },
    { name: 'text after the object', edit: { file: 'kinds/goal.schema.json', find: /\}\s*$/, replace: '}\nx\n', at: 'x' }, key: 'schema.json.after' },
    { name: 'a string that never ends', edit: { file: 'kinds/goal.schema.json', find: /"x-kind": "goal",[\s\S]*$/, replace: '"x-kind": "goal', at: 'after' }, key: 'schema.json.unterminated' },
  ];
  for (const { name, edit, key, token } of json) {
    it(name, async () => {
      const project = join(scratch(), `json-${name.replace(/\W+/g, '-')}`);
      const [place] = makeSchema(project, [edit]);
      const said: Partial<Record<Lang, string>> = {};
      for (const lang of ['en', 'sv', 'fi'] as const) {
        const run = await checkInProcess(project, lang);
        expect(run.code).toBe(2);
        const message = withLang(lang, () => t('schema.json', { detail: t(key, { token: token ?? '' }) }));
        expect(run.stderr.split('\n'), lang).toContain(`${run.at(place!)}: ${severity[lang]}: ${message} [schema-syntax]`);
        said[lang] = message;
      }
      expect(new Set(Object.values(said)).size).toBe(3);
    });
  }
});

describe('the CMS generator', () => {
  const generate = (args: string[], cwd: string, env: Record<string, string> = {}) => {
    const result = spawnSync(process.execPath, [join(repoRoot, 'src/cms/generate.ts'), ...args], { cwd, encoding: 'utf8', timeout: 60_000, env: { ...process.env, ...env } });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  it('answers --help with its usage, exit 0', () => {
    const run = generate(['--help'], scratch());
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: node src\/cms\/generate\.ts/);
    expect(run.stderr).toBe('');
    expect(generate(['--help', '--lang', 'sv'], scratch()).stdout).toMatch(/^Användning: node src\/cms\/generate\.ts [^\n]*\n\nSkriver cms\/config\.yml och /);
    expect(generate(['--help'], scratch(), { LC_ALL: 'fi_FI.UTF-8' }).stdout).toMatch(/^Käyttö: node src\/cms\/generate\.ts [^\n]*\n\nKirjoittaa tiedostot cms\/config\.yml ja /);
  });

  it('answers a bad option or argument with the usage, exit 2, no stack trace', () => {
    for (const args of [['--frobnicate'], ['extra'], ['--schema']]) {
      const run = generate(args, scratch());
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toContain('Usage: node src/cms/generate.ts');
      expect(run.stderr).not.toMatch(stackFrame);
    }
  });

  it('gives a bad schema/ the same located message, exit 2, and writes nothing', () => {
    const project = join(scratch(), 'generate');
    const [place] = makeSchema(project, cases[0]!.edits);
    const run = generate(['--schema', 'schema'], project);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^${escape(place!)}: error: [^\\n]*\\[schema-invalid\\]$`, 'm'));
    expect(run.stderr).toContain('generate: 1 problem in the schema folder; nothing was written');
    expect(run.stderr).not.toMatch(stackFrame);
    expect(run.stdout).toBe('');
    // In the editor's language, as check says it.
    const sv = generate(['--schema', 'schema', '--lang', 'sv'], project);
    expect(sv.code).toBe(2);
    expect(sv.stderr).toMatch(new RegExp(`^${escape(place!)}: fel: Oväntat "minItems" i ett schema utan "type": "array"[^\\n]*\\[schema-invalid\\]$`, 'm'));
    expect(sv.stderr).toContain('generate: 1 problem i schemamappen; inget skrevs');
  });
});

describe('our meta-schema', () => {
  it('has, for each keyword of a schema file, a kind, a field and project.json, what it expects in the catalogue of each language', () => {
    const keys = [...expectedKeywords.file.map((keyword) => `schema.expects.${keyword}`), ...expectedKeywords.project.map((key) => `schema.expects.project.${key}`)];
    expect(expectedKeywords.file).toEqual(expect.arrayContaining(['$id', 'x-kind', 'x-label', 'x-parent-kinds', 'x-link-kinds', 'x-role']));
    expect(expectedKeywords.project).toEqual(expect.arrayContaining(['languages', 'primaryLanguage', 'acknowledged', 'openData']));
    for (const lang of ['en', 'sv', 'fi'] as const) {
      const missing = keys.filter((key) => !(key in catalogues[lang]));
      expect(missing, lang).toEqual([]);
    }
  });

  it('is itself a valid JSON Schema (it is not checked at run time)', () => {
    const ajv = new Ajv2020({ strict: true });
    const meta = JSON.parse(readFileSync(join(repoRoot, 'src/load/meta-schema.json'), 'utf8')) as object;
    expect(ajv.validateSchema(meta), JSON.stringify(ajv.errors)).toBe(true);
  });
});
