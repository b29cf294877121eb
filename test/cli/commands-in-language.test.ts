/**
 * What the commands say besides check's messages, in the editor's language: a build refused for an empty strategy or
 * a SITE_URL that is no address, a file that cannot be stamped, the fix preview of a final newline, a package that is
 * not installed, why spelling is not checked. Each through the command where one says it (in this process), else through the function that words
 * it, in Swedish and Finnish, with English as it was.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { runMain } from '../helpers/cli.ts';
import { repoRoot, repoSchema } from '../helpers/fixtures.ts';
import { withLang } from '../../src/messages/index.ts';
import { writeFrontMatterLine } from '../../src/edit/stamp.ts';
import { unifiedDiff } from '../../src/edit/diff.ts';
import { packageDirectory } from '../../src/util/package-dir.ts';
import { siteAddress } from '../../src/render/site/address.ts';
import { nativeSpeller, unavailable } from '../../src/spelling/native.ts';

const temp = mkdtempSync(join(tmpdir(), 'commands-in-language-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const mini = join(repoRoot, 'test/fixtures/mini/strategy');

/** The message `body` throws with the messages in `lang` (withLang restores the language once it returns). */
function thrown(lang: 'en' | 'sv' | 'fi', body: () => unknown): string {
  try {
    withLang(lang, body);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('nothing was thrown');
}

describe('build, in the editor’s language', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('refuses a strategy with no item, exit 2, out/ untouched', async () => {
    const project = join(temp, 'empty');
    mkdirSync(join(project, 'strategy'), { recursive: true });
    cpSync(repoSchema, join(project, 'schema'), { recursive: true });
    const said = {
      en: 'build refused: The strategy has no root item. out/ is unchanged.\n',
      sv: 'build avbröts: Strategin har inget objekt på översta nivån. out/ är oförändrad.\n',
      fi: 'build keskeytettiin: Strategiassa ei ole ylimmän tason kohdetta. out/ on ennallaan.\n',
    };
    for (const [lang, text] of Object.entries(said)) {
      const run = await runMain(['build', '--only', 'data', '--lang', lang], { cwd: project });
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toBe(text);
    }
  });

  it('names a SITE_URL that is no address before anything is built', async () => {
    vi.stubEnv('SITE_URL', 'ftp://strategi.example.fi/');
    const said = {
      en: 'build failed: SITE_URL is "ftp://strategi.example.fi/", expected an http or https address. out/ is unchanged.\n',
      sv: 'build misslyckades: SITE_URL är "ftp://strategi.example.fi/", väntat: en http- eller https-adress. out/ är oförändrad.\n',
      fi: 'build epäonnistui: SITE_URL on "ftp://strategi.example.fi/", odotettiin: http- tai https-osoite. out/ on ennallaan.\n',
    };
    for (const [lang, text] of Object.entries(said)) {
      const run = await runMain(['build', mini, '--schema', repoSchema, '--only', 'site', '--out', join(temp, `site-${lang}`), '--lang', lang]);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toBe(text);
    }
    expect(thrown('sv', () => siteAddress('strategi.example.fi'))).toBe('SITE_URL är "strategi.example.fi", väntat: webbplatsens offentliga adress, t.ex. https://strategi.example.fi/ eller https://owner.github.io/strategy/');
    expect(thrown('fi', () => siteAddress('https://strategi.example.fi/?a=1'))).toBe('SITE_URL on "https://strategi.example.fi/?a=1", odotettiin: osoite ilman kyselyosaa, fragmenttia tai käyttäjänimeä');
  });
});

describe('the words the commands borrow from their helpers', () => {
  it('a file that cannot be stamped', () => {
    const file = join(temp, 'no-front-matter.sv.md');
    writeFileSync(file, 'Bara text.\n');
    // The file as the editor would type it: relative to the working folder.
    expect(thrown('sv', () => writeFrontMatterLine(file, 'twin-hash', 'abc'))).toBe(`${relative(process.cwd(), file)}: ingen front-matter att stämpla`);
    expect(thrown('fi', () => writeFrontMatterLine(file, 'twin-hash', 'abc'))).toMatch(/: ei front matteria, johon leiman voisi lisätä$/);
    writeFileSync(file, '---\nid: [\n---\nText.\n');
    expect(thrown('sv', () => writeFrontMatterLine(file, 'twin-hash', 'abc'))).toMatch(/: front-matter har YAML-fel; rätta dem först$/);
    expect(thrown('en', () => writeFrontMatterLine(file, 'twin-hash', 'abc'))).toMatch(/: front-matter has YAML errors; fix them first$/);
  });

  it('the fix preview of a file that differs only in its final newline', () => {
    expect(withLang('sv', () => unifiedDiff('Text.', 'Text.\n', 'a.sv.md'))).toBe('--- a/a.sv.md\n+++ b/a.sv.md\n\\ radslut tillagt sist i filen\n');
    expect(withLang('fi', () => unifiedDiff('Text.\n', 'Text.', 'a.fi.md'))).toBe('--- a/a.fi.md\n+++ b/a.fi.md\n\\ loppurivinvaihto poistettu\n');
  });

  it('a package that is not installed', () => {
    expect(thrown('sv', () => packageDirectory('no-such-package-here'))).toBe('no-such-package-here är inte installerat: kör npm install');
    expect(thrown('fi', () => packageDirectory('no-such-package-here'))).toBe('no-such-package-here ei ole asennettu: suorita npm install');
  });

  it('why spelling is not checked, worded when the rule reports it, not when the library was looked for', () => {
    const speller = nativeSpeller('fi', () => unavailable('spelling.reason.no-library', { library: 'libvoikko', files: 'libvoikko.so.1' }));
    expect(withLang('en', () => speller.unavailableReason?.())).toBe('libvoikko (libvoikko.so.1) is not installed');
    expect(withLang('sv', () => speller.unavailableReason?.())).toBe('libvoikko (libvoikko.so.1) är inte installerat');
    expect(withLang('fi', () => speller.unavailableReason?.())).toBe('libvoikko (libvoikko.so.1) ei ole asennettu');
    expect(speller.available()).toBe(false);
  });
});
