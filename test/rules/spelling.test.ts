import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGraph, loadStrategy } from '../../src/pipeline.ts';
import { runRules } from '../../src/validate/run.ts';
import { allRules } from '../../src/validate/all-rules.ts';
import { spellers } from '../../src/spelling/index.ts';
import { withLang } from '../../src/messages/index.ts';
import { repoRoot, repoSchema } from '../helpers/fixtures.ts';

const fixture = (name: string) => join(repoRoot, 'test/fixtures/rules/spelling', name, 'strategy');
const spellingOf = (dir: string) => loadStrategy(dir, { schemaDir: repoSchema, cwd: repoRoot }).messages.filter((m) => m.ruleId === 'spelling');

// .ci/run installs Hunspell and Voikko: there a missing checker fails the run instead of skipping a language.
describe.runIf(process.env['CI'])('the CI machine', () => {
  it.each(['sv', 'fi'])('has the spelling checker for %s', (lang) => {
    expect(spellers.get(lang)!.available(), spellers.get(lang)!.unavailableReason?.()).toBe(true);
  });
});

describe.runIf(spellers.get('sv')!.available() && spellers.get('fi')!.available())('spelling', () => {
  it('finds a misspelt word in each language, at the word, with the dictionary’s suggestion', () => {
    const found = spellingOf(fixture('not-ok')).map((m) => ({ file: m.file, at: `${m.line}:${m.column}`, word: /`([^`]+)`/.exec(m.reason)?.[1], note: m.note }));
    expect(found).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'test/fixtures/rules/spelling/not-ok/strategy/c.sv.md', at: '9:79', word: 'invånanra' }),
        expect.objectContaining({ file: 'test/fixtures/rules/spelling/not-ok/strategy/c.fi.md', at: '9:117', word: 'kotonna' }),
      ]),
    );
    expect(found.find((f) => f.word === 'invånanra')!.note).toContain('`invånarna`');
    expect(found.find((f) => f.word === 'kotonna')!.note).toContain('`kotona`');
  });

  it('accepts compounds, inflection, abbreviations, glossary terms, proper names and the project’s word list', () => {
    // Hemvården, hälso- och sjukvården, 75-åringar, e-tjänster, THL:s, Sotkanet(issa), Närpes (schema/project.json), Närpiö.
    expect(spellingOf(fixture('ok')).map((m) => m.reason)).toEqual([]);
  });

  it('passes the shipped strategy with no spelling warning', () => {
    // The spelling rule alone over the parsed strategy: the other rules have tests of their own.
    const { graph } = loadGraph(join(repoRoot, 'strategy'), { schemaDir: repoSchema, cwd: repoRoot });
    const found = runRules(graph, allRules.filter((rule) => rule.id === 'spelling'));
    expect(found.map((m) => `${m.file}:${m.line}: ${m.reason}`)).toEqual([]);
  });

  it('words its message in the editor’s language', () => {
    const [sv] = withLang('sv', () => spellingOf(fixture('not-ok')));
    const [fi] = withLang('fi', () => spellingOf(fixture('not-ok')));
    expect(sv!.reason).toMatch(/^Oväntat `kotonna`, väntat: ett ord som finns i den finska ordlistan/);
    expect(fi!.reason).toMatch(/^Odottamaton sana `kotonna`, odotettiin: sana, jonka suomen sanakirja/);
  });
});
