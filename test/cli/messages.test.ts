import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadStrategy } from '../../src/pipeline.ts';
import { allRules } from '../../src/validate/all-rules.ts';
import { catalogues, languages, withLang, type Lang } from '../../src/messages/index.ts';
import { commandNames } from '../../src/cli.ts';
import { describeNodeError } from '../../src/commands/command.ts';
import { runMain } from '../helpers/cli.ts';
import { folders, repoRoot, repoSchema } from '../helpers/fixtures.ts';
import pkg from '../../package.json' with { type: 'json' };

const placeholders = (template: string) => [...template.matchAll(/\{([a-zA-Z][\w-]*)\}/g)].map((m) => m[1]).sort();

/**
 * Whether a text is one of a language's messages, its placeholders filled with anything. Fragments of a few letters
 * around placeholders (`{a} mot {b}`) are parts of messages and would match too much: they are left out.
 */
function fromCatalogue(lang: Lang): (text: string) => boolean {
  const wholes = Object.values(catalogues[lang]).filter((template) => template.replace(/\{[a-zA-Z][\w-]*\}/g, '').trim().length >= 6);
  const patterns = wholes.map(
    (template) => new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[a-zA-Z][\w-]*\\?\}/g, '[\\s\\S]*?')}$`),
  );
  return (text) => patterns.some((pattern) => pattern.test(text));
}

/** The not-ok fixture of every rule, checked in a language: each message, hint and cause as the editor reads them. */
function reportedTexts(lang: Lang): Map<string, string[]> {
  const texts = new Map<string, string[]>();
  const fixtures = join(repoRoot, 'test/fixtures/rules');
  for (const ruleId of folders(fixtures)) {
    for (const fixture of folders(join(fixtures, ruleId)).filter((name) => name.startsWith('not-ok'))) {
      const dir = join(fixtures, ruleId, fixture);
      const schemaDir = existsSync(join(dir, 'schema')) ? join(dir, 'schema') : repoSchema;
      const messages = withLang(lang, () => loadStrategy(join(dir, 'strategy'), { schemaDir, cwd: dir }).messages.filter((m) => m.ruleId === ruleId));
      const found = texts.get(ruleId) ?? [];
      for (const message of messages) {
        found.push(message.reason);
        if (message.note) found.push(message.note);
        // The cause as the runner shows it, without the place it appends: `(strategy/x.fi.md:2:5)`.
        if (message.cause instanceof Error) found.push(String((message.cause as { reason?: string }).reason).replace(/ \([^()]*:\d+:\d+\)$/, ''));
      }
      texts.set(ruleId, found);
    }
  }
  return texts;
}

describe('the catalogues of messages', () => {
  it('have the same keys in every language, each using only the placeholders the English one has', () => {
    const keys = Object.keys(catalogues.en).sort();
    for (const lang of languages) {
      expect(Object.keys(catalogues[lang]).sort(), lang).toEqual(keys);
      for (const key of keys) expect(placeholders(catalogues.en[key]!), `${lang} ${key}`).toEqual(expect.arrayContaining(placeholders(catalogues[lang][key]!)));
    }
  });

  it('say what every rule is about in every language', () => {
    for (const rule of allRules) {
      const [en, sv, fi] = (['en', 'sv', 'fi'] as const).map((lang) => withLang(lang, () => rule.summary));
      expect(new Set([en, sv, fi]).size, rule.id).toBe(3);
    }
  });
});

describe.each(['sv', 'fi'] as const)('every message of check in %s', (lang) => {
  const local = reportedTexts(lang);
  const isLocal = fromCatalogue(lang);
  const isEnglish = fromCatalogue('en');

  it.each(allRules.map((rule) => rule.id).filter((id) => local.has(id)))('%s: message, hint and cause from the catalogue, none left in English', (ruleId) => {
    const texts = local.get(ruleId)!;
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) expect(isLocal(text), text).toBe(true);
    // The message itself is no English one (a hint may be a command or an id alone, the same in every language).
    expect(isEnglish(texts[0]!), texts[0]).toBe(false);
  });
});

describe('the language of the command line', () => {
  afterEach(() => vi.unstubAllEnvs());
  const check = ['check', 'test/fixtures/ten-faults/strategy', '--schema', 'schema'];

  it('follows --lang, else LC_ALL, LC_MESSAGES and LANG, else English', async () => {
    vi.stubEnv('LC_ALL', '');
    vi.stubEnv('LC_MESSAGES', '');
    vi.stubEnv('LANG', 'fi_FI.UTF-8');
    expect((await runMain(check, { cwd: repoRoot })).stdout).toContain('Odottamaton linkki kohteeseen `value-trsut`');
    expect((await runMain([...check, '--lang', 'sv'], { cwd: repoRoot })).stdout).toContain('Oväntad länk till `value-trsut` i `values`');
    expect((await runMain(['--lang=en', ...check], { cwd: repoRoot })).stdout).toContain('Unexpected link to `value-trsut` in `values`');
    vi.stubEnv('LC_ALL', 'sv_FI.UTF-8');
    expect((await runMain(check, { cwd: repoRoot })).stdout).toContain('filer kontrollerade');
    vi.stubEnv('LC_ALL', 'de_DE.UTF-8');
    expect((await runMain(check, { cwd: repoRoot })).stdout).toContain('files checked');
    const bad = await runMain([...check, '--lang', 'de'], { cwd: repoRoot });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('strategy: --lang takes en, sv, fi; got "de"\n');
  });

  it.each(commandNames)('has --help for %s in each language, and exit 0', async (command) => {
    for (const [lang, usage] of [['en', 'Usage'], ['sv', 'Användning'], ['fi', 'Käyttö']] as const) {
      const run = await runMain([command, '--help', '--lang', lang]);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`^${usage}: strategy ${command}\\b`));
      expect((await runMain(['help', command, '--lang', lang])).stdout).toBe(run.stdout);
    }
  });

  it('prints its version', async () => {
    expect(await runMain(['--version'])).toEqual({ code: 0, stdout: `strategy ${pkg.version}\n`, stderr: '' });
  });
});

describe("Node's errors, as sentences", () => {
  afterEach(() => vi.unstubAllEnvs());

  it('names a missing folder relative to the working folder, exit 2, no stack', async () => {
    vi.stubEnv('LC_ALL', 'C');
    const scratch = mkdtempSync(join(tmpdir(), 'strategy-errors-'));
    try {
      const run = await runMain(['check', '../nowhere'], { cwd: scratch });
      expect(run.code).toBe(2);
      expect(run.stderr).toBe('strategy check: ../nowhere does not exist.\n');
      const sv = await runMain(['check', 'saknas', '--lang', 'sv'], { cwd: scratch });
      expect(sv.stderr).toBe('strategy check: saknas finns inte.\n');
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it("words parseArgs' errors as a sentence with the option, and points at the command's help", async () => {
    const unknown = await runMain(['check', '--bogus', '--lang', 'fi']);
    expect(unknown).toMatchObject({ code: 2, stderr: 'strategy check: Tuntematon valitsin --bogus.\nKatso `strategy check --help`.\n' });
    const missing = await runMain(['check', '--lang', 'en', '--format']);
    expect(missing).toMatchObject({ code: 2, stderr: 'strategy check: The option --format needs a value.\nSee `strategy check --help`.\n' });
    for (const run of [unknown, missing]) expect(run.stderr).not.toMatch(/To specify a positional|\n\s+at |ERR_PARSE_ARGS/);
  });

  it('says what EACCES, EISDIR and ENOTDIR mean, at the path relative to the working folder', () => {
    const error = (code: string, path: string) => Object.assign(new Error(`${code}: some words, open '${path}'`), { code, path });
    const at = join(process.cwd(), 'strategy/x.sv.md');
    expect(withLang('en', () => describeNodeError(error('EACCES', at)))).toBe('strategy/x.sv.md cannot be read or written: permission denied.');
    expect(withLang('sv', () => describeNodeError(error('EISDIR', at)))).toBe('strategy/x.sv.md är en mapp, väntat: en fil.');
    expect(withLang('fi', () => describeNodeError(error('ENOTDIR', at)))).toBe('strategy/x.sv.md ei ole kansio, tai jokin polun osa on tiedosto.');
    expect(describeNodeError(new Error('no code'))).toBeUndefined();
  });
});

describe('the report itself', () => {
  it('words the severity, the labels of its sections and the summary line in the editor’s language', async () => {
    const args = ['check', 'test/fixtures/ten-faults/strategy', '--schema', 'schema'];
    const sv = (await runMain([...args, '--lang', 'sv'], { cwd: repoRoot })).stdout;
    expect(sv).toMatch(/^\d+:\d+-\d+:\d+\s+fel\s+Oväntad länk till `value-trsut`/m);
    expect(sv).toMatch(/^ {2}\[tips\]:$/m);
    expect(sv).toMatch(/^\d+ meddelanden \(✖ \d+ fel, ⚠ \d+ varningar\)$/m);
    const fi = (await runMain([...args, '--lang', 'fi'], { cwd: repoRoot })).stdout;
    expect(fi).toMatch(/^\d+:\d+-\d+:\d+\s+varoitus\s/m);
    expect(fi).toMatch(/^ {2}\[syy\]:$/m);
    expect(fi).toMatch(/^\d+ ilmoitusta \(✖ \d+ virhettä, ⚠ \d+ varoitusta\)$/m);
    expect(fi).toMatch(/^\d+ tiedostoa tarkistettu$/m);
  });
});
