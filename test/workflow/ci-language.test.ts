/**
 * The CI scripts in the language the pipelines choose: the job summary (src/ci/summary.ts) and the CMS branch's note
 * (src/ci/cms-branch.ts) in Swedish and Finnish for a known input, their --help and their errors, the language they
 * default to (src/ci/lang.ts, schema/project.json), and the pipelines passing it to every command.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { summaryScript } from '../../src/ci/summary.ts';
import { cmsBranchNote, cmsBranchScript } from '../../src/ci/cms-branch.ts';
import { langScript, reportLang } from '../../src/ci/lang.ts';
import { runScript, scriptLang, type Script } from '../../src/ci/script.ts';
import { withLang } from '../../src/messages/index.ts';
import { repoRoot, tempStrategy } from './helpers.ts';

const temp = mkdtempSync(join(tmpdir(), 'ci-language-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A script run in this process, from `cwd`, with what it writes captured. */
function inProcess(script: Script, args: string[], cwd = temp): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const before = process.cwd();
  process.chdir(cwd);
  try {
    const code = runScript(script, args, { out: (text) => (out += text), err: (text) => (err += text) });
    return { code, out, err };
  } finally {
    process.chdir(before);
  }
}

/** The script as the pipelines run it: its own process, from `cwd`, in an environment without a locale. */
function spawned(path: string, args: string[], cwd = repoRoot, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [join(repoRoot, path), ...args], { cwd, encoding: 'utf8', timeout: 60_000, env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8', ...env } });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

const stack = /\n\s+at /;

const git = (cwd: string, ...args: string[]) => {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 't@example.invalid' } });
  if (result.status !== 0) throw new Error(result.stderr);
  return result.stdout;
};

// A known check report and translation status, as the commands write them with --format json.
const check = {
  summary: { files: 3, errors: 1, warnings: 2, acknowledged: 1 },
  messages: [
    { ruleId: 'spelling', severity: 'warning', file: 'strategy/g.fi.md', line: 6, column: 8, message: 'Odottamaton `Mål`' },
    { ruleId: 'link-target', severity: 'error', file: 'strategy/g.sv.md', line: 7, column: 23, message: 'Oväntad länk till `value-trsut`', hint: 'menade du `value-trust`?' },
    { ruleId: 'spelling', severity: 'warning', file: 'strategy/m.fi.md', line: 6, column: 8, message: 'Odottamaton `Mätare`' },
  ],
  acknowledged: [{ ruleId: 'unlinked-target', severity: 'warning', file: 'strategy/v.sv.md', line: 2, column: 5, message: 'Inget mål stöder `value-trust`', reason: 'Ledningsgruppens beslut' }],
};
const status = [
  { id: 'goal-a', stem: 'a/goal', status: 'in-sync' },
  { id: 'goal-b', stem: 'b/goal', status: 'outdated', behind: 'fi' },
];
const inputs = join(temp, 'inputs');
mkdirSync(inputs);
writeFileSync(join(inputs, 'check.json'), JSON.stringify(check));
writeFileSync(join(inputs, 'i18n-status.json'), JSON.stringify(status));
const summaryArgs = ['--check', 'check.json', '--i18n', 'i18n-status.json', '--artifact', 'council-pdf=https://example.invalid/pdf', '--artifact', 'website=', '--run', 'https://example.invalid/run'];

/** What a Markdown text is made of, without its words: headings, table rows and their cells, folds. */
const shape = (markdown: string) =>
  markdown.split('\n').map((line) => (line.startsWith('#') ? /^#+/.exec(line)![0] : line.startsWith('|') ? line.replace(/[^|]/g, '') : line.startsWith('<details>') ? '<details>' : line.startsWith('- ') ? '-' : line === '' ? '' : 'text'));

describe('the job summary, in the language of --lang', () => {
  const said = Object.fromEntries((['en', 'sv', 'fi'] as const).map((lang) => [lang, inProcess(summaryScript, [...summaryArgs, '--lang', lang], inputs)]));

  it('in Swedish', () => {
    const { code, out, err } = said['sv']!;
    expect({ code, err }).toEqual({ code: 0, err: '' });
    const lines = out.split('\n');
    for (const line of [
      '# Strategi',
      '## Kontroll',
      '❌ 1 fel, 2 varningar i 3 filer.',
      '| Regel | Fel | Varningar | Filer |',
      '| `link-target` | 1 | 0 | 1 |',
      '| `spelling` | 0 | 2 | 2 |',
      'Reglerna förklaras i docs/rules.sv.md; anteckningarna på de ändrade raderna visar varje problem på sin plats (GitHub visar tio av varje slag).',
      '<details><summary>Alla meddelanden (3)</summary>',
      '| Plats | Allvarlighetsgrad | Regel | Meddelande |',
      '| `strategy/g.sv.md:7:23` | fel | `link-target` | Oväntad länk till `value-trsut` (menade du `value-trust`?) |',
      '| `strategy/g.fi.md:6:8` | varning | `spelling` | Odottamaton `Mål` |',
      '## Kvitterade varningar',
      '1 varning som schema/project.json kvitterar (`acknowledged`): den räknas inte och visas inte som anteckning.',
      '<details><summary>Kvitterade (1)</summary>',
      '| Plats | Allvarlighetsgrad | Regel | Meddelande | Motivering |',
      '| `strategy/v.sv.md:2:5` | varning | `unlinked-target` | Inget mål stöder `value-trust` | Ledningsgruppens beslut |',
      '## Översättningar',
      '| Läge | Objekt |',
      '| i takt | 1 |',
      '| föråldrad | 1 |',
      '| Objekt | Läge | Språk som släpar efter | Fil |',
      '| `goal-b` | föråldrad | fi | b/goal |',
      'När en översättning har uppdaterats registrerar du det med `npx strategy i18n stamp <id>`.',
      '## Byggets artefakter',
      '- [Fullmäktiges PDF-filer (out/pdf)](https://example.invalid/pdf)',
      '- Webbplatsen (out/site): byggdes inte (se byggsteget)',
      'Alla artefakter från den här körningen: https://example.invalid/run#artifacts',
    ]) {
      expect(lines, line).toContain(line);
    }
  });

  it('in Finnish', () => {
    const { code, out, err } = said['fi']!;
    expect({ code, err }).toEqual({ code: 0, err: '' });
    const lines = out.split('\n');
    for (const line of [
      '# Strategia',
      '## Tarkistus',
      '❌ 1 virhe, 2 varoitusta; tarkistettu 3 tiedostoa.',
      '| Sääntö | Virheet | Varoitukset | Tiedostot |',
      '| `link-target` | 1 | 0 | 1 |',
      'Säännöt selitetään tiedostossa docs/rules.fi.md; muutettujen rivien huomautukset näyttävät kunkin ongelman omalla paikallaan (GitHub näyttää kymmenen kumpaakin lajia).',
      '<details><summary>Kaikki ilmoitukset (3)</summary>',
      '| Sijainti | Vakavuus | Sääntö | Ilmoitus |',
      '| `strategy/g.fi.md:6:8` | varoitus | `spelling` | Odottamaton `Mål` |',
      '| `strategy/g.sv.md:7:23` | virhe | `link-target` | Oväntad länk till `value-trsut` (menade du `value-trust`?) |',
      '## Kuitatut varoitukset',
      '1 varoitus, jonka schema/project.json kuittaa (`acknowledged`): sitä ei lasketa eikä näytetä huomautuksena.',
      '| Sijainti | Vakavuus | Sääntö | Ilmoitus | Perustelu |',
      '## Käännökset',
      '| Tila | Kohteet |',
      '| ajan tasalla | 1 |',
      '| vanhentunut | 1 |',
      '| Kohde | Tila | Jäljessä oleva kieli | Tiedosto |',
      '| `goal-b` | vanhentunut | fi | b/goal |',
      'Kun käännös on päivitetty, merkitse se komennolla `npx strategy i18n stamp <id>`.',
      '## Koonnin artefaktit',
      '- [Valtuuston PDF-tiedostot (out/pdf)](https://example.invalid/pdf)',
      '- Verkkosivusto (out/site): ei koottu (katso koontivaihe)',
      'Kaikki tämän ajon artefaktit: https://example.invalid/run#artifacts',
    ]) {
      expect(lines, line).toContain(line);
    }
  });

  it('has the same Markdown in every language, and no English word left in Swedish or Finnish', () => {
    const { en, sv, fi } = { en: said['en']!.out, sv: said['sv']!.out, fi: said['fi']!.out };
    expect(en).toContain('❌ 1 error, 2 warnings in 3 files.');
    expect(shape(sv)).toEqual(shape(en));
    expect(shape(fi)).toEqual(shape(en));
    for (const text of [sv, fi]) expect(text).not.toMatch(/\b(Check|Rule|Errors|Warnings|Translations|Acknowledged|Build artifacts|not built|in sync|Every message)\b/);
  });

  it('says, in its language, that an input is missing or empty', () => {
    writeFileSync(join(inputs, 'empty.json'), '');
    const sv = inProcess(summaryScript, ['--check', 'empty.json', '--i18n', 'nowhere.json', '--lang', 'sv'], inputs);
    expect(sv.code).toBe(0);
    expect(sv.out).toContain('## Kontroll\n\nIngen kontrollrapport: kontrollen kördes inte eller skrev ingenting.\n');
    expect(sv.out).toContain('## Översättningar\n\nInget översättningsläge: `strategy i18n status` kördes inte eller skrev ingenting.\n');
    expect(sv.out).toContain('## Byggets artefakter\n\nInga.\n');
  });
});

describe('the language of the CI scripts', () => {
  afterEach(() => vi.unstubAllEnvs());
  const finnishFirst = join(temp, 'schema-fi');
  mkdirSync(finnishFirst);
  writeFileSync(join(finnishFirst, 'project.json'), JSON.stringify({ languages: ['fi', 'sv'] }));

  it('is --lang, else the locale, else the primary language of schema/project.json, else English', () => {
    const noLocale = { LC_ALL: '', LC_MESSAGES: '', LANG: '' };
    const schema = join(repoRoot, 'schema');
    expect(scriptLang('fi', schema, noLocale)).toBe('fi');
    expect(scriptLang(undefined, schema, noLocale)).toBe('sv');
    expect(scriptLang(undefined, finnishFirst, noLocale)).toBe('fi');
    expect(scriptLang(undefined, join(temp, 'no-schema'), noLocale)).toBe('en');
    expect(scriptLang(undefined, schema, { ...noLocale, LANG: 'fi_FI.UTF-8' })).toBe('fi');
    expect(scriptLang(undefined, schema, { ...noLocale, LANG: 'C.UTF-8' })).toBe('en');
  });

  it('follows schema/project.json where no locale is set, through --schema', () => {
    vi.stubEnv('LC_ALL', '');
    vi.stubEnv('LC_MESSAGES', '');
    vi.stubEnv('LANG', '');
    expect(inProcess(summaryScript, ['--schema', finnishFirst], inputs).out).toMatch(/^# Strategia\n/);
    expect(inProcess(summaryScript, ['--schema', join(repoRoot, 'schema')], inputs).out).toMatch(/^# Strategi\n/);
  });

  it('is, for the pipelines, the variable when it is set, else the primary language (the runner locale is not asked)', () => {
    expect(reportLang('', join(repoRoot, 'schema'))).toBe('sv');
    expect(reportLang(undefined, finnishFirst)).toBe('fi');
    expect(reportLang('en', finnishFirst)).toBe('en');
    expect(spawned('src/ci/lang.ts', [''])).toEqual({ code: 0, out: 'sv\n', err: '' });
    expect(spawned('src/ci/lang.ts', ['fi'])).toEqual({ code: 0, out: 'fi\n', err: '' });
    expect(spawned('src/ci/lang.ts', ['de'])).toEqual({ code: 2, out: '', err: 'lang: STRATEGY_LANG takes en, sv, fi; got "de"\nSee `node src/ci/lang.ts --help`.\n' });
  });
});

describe('--help and errors of the CI scripts, as the commands have them', () => {
  it('answer --help with their usage in the chosen language, exit 0', () => {
    for (const [path, lang, usage] of [
      ['src/ci/summary.ts', 'en', 'Usage: node src/ci/summary.ts '],
      ['src/ci/summary.ts', 'fi', 'Käyttö: node src/ci/summary.ts '],
      ['src/ci/cms-branch.ts', 'sv', 'Användning: node src/ci/cms-branch.ts --base <ref>'],
      ['src/ci/cms-branch.ts', 'fi', 'Käyttö: node src/ci/cms-branch.ts --base <ref>'],
    ] as const) {
      const run = spawned(path, ['--help', '--lang', lang]);
      expect(run.code, `${path} ${lang}`).toBe(0);
      expect(run.out.startsWith(usage), run.out).toBe(true);
      expect(run.out).toContain('--lang <en|sv|fi>');
      expect(run.err).toBe('');
    }
  });

  it('answer a bad option with a sentence and a pointer to --help, exit 2, no stack', () => {
    expect(spawned('src/ci/summary.ts', ['--frobnicate'], repoRoot, { LANG: 'sv_FI.UTF-8' })).toEqual({
      code: 2,
      out: '',
      err: 'summary: Okänt alternativ --frobnicate.\nSe `node src/ci/summary.ts --help`.\n',
    });
    expect(spawned('src/ci/cms-branch.ts', ['--base'], repoRoot, { LC_MESSAGES: 'fi_FI.UTF-8' })).toEqual({ code: 2, out: '', err: 'cms-branch: Valitsin --base tarvitsee arvon.\nKatso `node src/ci/cms-branch.ts --help`.\n' });
    expect(inProcess(summaryScript, ['extra', '--lang', 'en']).err).toBe('summary: Unexpected argument "extra": this command takes none.\nSee `node src/ci/summary.ts --help`.\n');
    expect(inProcess(summaryScript, ['--lang', 'de'])).toEqual({ code: 2, out: '', err: 'summary: --lang takes en, sv, fi; got "de"\n' });
    expect(inProcess(cmsBranchScript, ['--lang', 'sv'])).toEqual({ code: 2, out: '', err: 'cms-branch: --base <ref> behövs: det som CMS-grenen jämförs med, t.ex. origin/main\nSe `node src/ci/cms-branch.ts --help`.\n' });
  });

  it('name an input that cannot be read, or is not the JSON it should be, at its place relative to the working folder, exit 2', () => {
    writeFileSync(join(inputs, 'broken.json'), '{\n  "messages": [],\n}\n');
    mkdirSync(join(inputs, 'folder.json'), { recursive: true });
    writeFileSync(join(inputs, 'list.json'), '[]');
    const runs = {
      broken: inProcess(summaryScript, ['--check', 'inputs/broken.json', '--lang', 'en']),
      folder: inProcess(summaryScript, ['--check', join(inputs, 'folder.json'), '--lang', 'sv']),
      list: inProcess(summaryScript, ['--check', 'inputs/list.json', '--lang', 'fi']),
      rows: inProcess(summaryScript, ['--i18n', 'inputs/check.json', '--lang', 'en']),
    };
    expect(runs.broken).toEqual({ code: 2, out: '', err: `summary: inputs/broken.json:3:1: Invalid JSON: Expected a property name in double quotes, or '}'\n` });
    expect(runs.folder).toEqual({ code: 2, out: '', err: 'summary: inputs/folder.json är en mapp, väntat: en fil.\n' });
    expect(runs.list).toEqual({ code: 2, out: '', err: 'summary: inputs/list.json ei ole komennon `strategy check --format json` tuloste\n' });
    expect(runs.rows).toEqual({ code: 2, out: '', err: 'summary: inputs/check.json is not the output of `strategy i18n status --format json`\n' });
    for (const run of Object.values(runs)) expect(run.err).not.toMatch(stack);
  });

  it('name a strategy folder that is not there, or a base git does not know', () => {
    expect(inProcess(cmsBranchScript, ['--base', 'main', '--dir', 'nowhere', '--lang', 'fi'])).toEqual({ code: 2, out: '', err: 'cms-branch: nowhere ei ole olemassa.\n' });
    const strategy = tempStrategy();
    try {
      const notInGit = inProcess(cmsBranchScript, ['--base', 'main', '--dir', 'strategy', '--lang', 'sv'], strategy.root);
      expect(notInGit.code).toBe(2);
      expect(notInGit.err).toBe('cms-branch: strategy ligger inte i ett git-förråd: grenens ändringar hämtas ur git\nSe `node src/ci/cms-branch.ts --help`.\n');
      git(strategy.root, 'init', '-q', '-b', 'main');
      git(strategy.root, 'add', '.');
      git(strategy.root, 'commit', '-q', '-m', 'base');
      const noRef = inProcess(cmsBranchScript, ['--base', 'origin/main', '--dir', 'strategy', '--lang', 'en'], strategy.root);
      expect(noRef.code).toBe(2);
      expect(noRef.err).toMatch(/^cms-branch: "origin\/main" is not a git ref this repository has /);
    } finally {
      strategy.cleanup();
    }
  });
});

describe("the CMS branch's note, in the language of --lang", () => {
  const result = { copied: ['services/home/goal.fi.md'], stamped: ['goal-older-home'], left: [{ id: 'value-trust', unchanged: 'fi' }] };

  it('in Swedish and Finnish, with the same Markdown as in English', () => {
    expect(withLang('sv', () => cmsBranchNote(result))).toBe(
      [
        '## Översättningsstämplar för den här CMS-grenen',
        '',
        'Språkneutrala fält kopierade från filen på huvudspråket: `services/home/goal.fi.md`.',
        '',
        'Stämplade som avstämda: `goal-older-home`.',
        '',
        'Detta är säkert eftersom CMS:et redigerar ett objekts båda språkversioner sida vid sida och sparar dem tillsammans, och den här grenen har ändrat innehållet i båda filerna för vart och ett av dessa objekt (jämfört så som `check` jämför dem, utan hänsyn till formateringen): redaktören har sett och sparat båda. En granskare läser ändå de två versionerna i pull requesten.',
        '',
        'Inte stämplade, eftersom grenen lämnade det ena språket som det var: en översättare har arbete att göra, och `check` meddelar det (`translation-outdated`):',
        '',
        '- `value-trust`: fi-texten är oförändrad',
        '',
        '',
      ].join('\n'),
    );
    const fi = withLang('fi', () => cmsBranchNote(result));
    expect(fi).toMatch(/^## Käännösleimat tässä julkaisujärjestelmän haarassa\n\nKielestä riippumattomat kentät kopioitu pääkielen tiedostosta: `services\/home\/goal\.fi\.md`\.\n\nLeimattu täsmäytetyiksi: `goal-older-home`\.\n\nTämä on turvallista, koska /);
    expect(fi).toContain('\n- `value-trust`: fi-teksti on ennallaan\n');
    expect(withLang('fi', () => cmsBranchNote({ copied: [], stamped: [], left: [] }))).toBe('## Käännösleimat tässä julkaisujärjestelmän haarassa\n\nEi tehtävää: kaikki tässä haarassa muutetut kohteet ovat ajan tasalla.\n\n');
    const en = withLang('en', () => cmsBranchNote(result));
    expect(shape(withLang('sv', () => cmsBranchNote(result)))).toEqual(shape(en));
    expect(shape(fi)).toEqual(shape(en));
  });

  it('from the script on a CMS branch, in the language --lang names', () => {
    const strategy = tempStrategy();
    try {
      git(strategy.root, 'init', '-q', '-b', 'main');
      git(strategy.root, 'add', '.');
      git(strategy.root, 'commit', '-q', '-m', 'base');
      git(strategy.root, 'checkout', '-q', '-b', 'cms/goal/services/home/goal');
      for (const [file, from, to] of [
        ['services/home/goal.sv.md', 'title: Allt fler äldre bor hemma', 'title: Allt fler äldre bor tryggt hemma'],
        ['services/home/goal.fi.md', 'title: Yhä useampi ikääntynyt asuu kotona', 'title: Yhä useampi ikääntynyt asuu turvallisesti kotona'],
      ] as const) {
        const path = join(strategy.dir, file);
        const text = readFileSync(path, 'utf8');
        expect(text).toContain(from);
        writeFileSync(path, text.replace(from, to));
      }
      git(strategy.root, 'commit', '-q', '-am', 'CMS edit');
      const run = inProcess(cmsBranchScript, ['--base', 'main', '--dir', 'strategy', '--lang', 'fi'], strategy.root);
      expect(run.err).toBe('');
      expect(run.code).toBe(0);
      expect(run.out).toMatch(/^## Käännösleimat tässä julkaisujärjestelmän haarassa\n/);
      expect(run.out).toContain('Leimattu täsmäytetyiksi: `goal-older-home`.');
    } finally {
      strategy.cleanup();
    }
  });
});

describe('the pipelines', () => {
  const github = parse(readFileSync(join(repoRoot, '.github/workflows/strategy.yml'), 'utf8')) as { jobs: Record<string, { steps: { name?: string; run?: string; env?: Record<string, string> }[] }> };
  const gitlab = parse(readFileSync(join(repoRoot, '.gitlab-ci.yml'), 'utf8')) as Record<string, { script?: string[]; before_script?: string[] }> & { variables: Record<string, { value: string }> };
  /** The commands that write what a reader sees: strategy's and the CI scripts'. */
  const speaking = /npx strategy |npm run build|node src\/ci\/(summary|cms-branch)\.ts/;

  it('choose the language once per GitHub job, from vars.STRATEGY_LANG, and pass it to every command', () => {
    for (const [name, job] of Object.entries(github.jobs).filter(([, job]) => job.steps.some((step) => speaking.test(step.run ?? '')))) {
      const choose = job.steps.findIndex((step) => /node src\/ci\/lang\.ts "\$STRATEGY_LANG"/.test(step.run ?? ''));
      expect(choose, name).toBeGreaterThan(-1);
      expect(job.steps[choose]!.env?.['STRATEGY_LANG']).toBe('${{ vars.STRATEGY_LANG }}');
      expect(job.steps[choose]!.run).toContain('>> "$GITHUB_ENV"');
      job.steps.forEach((step, index) => {
        // A command continued over several lines is one command.
        for (const line of (step.run ?? '').replace(/\\\n\s*/g, ' ').split('\n').filter((line) => speaking.test(line))) {
          expect(index, line).toBeGreaterThan(choose);
          expect(line, `${name}: ${line}`).toContain('--lang "$STRATEGY_LANG"');
        }
      });
    }
  });

  it('on GitLab, from the STRATEGY_LANG variable (empty by default), before every command that speaks', () => {
    expect(gitlab.variables['STRATEGY_LANG']!.value).toBe('');
    for (const [name, job] of Object.entries(gitlab).filter(([, job]) => Array.isArray((job as { script?: unknown }).script))) {
      const before = (job as { before_script?: string[] }).before_script ?? (gitlab as unknown as { default: { before_script: string[] } }).default.before_script;
      const lines = [...before, ...(job as { script: string[] }).script];
      const choose = lines.findIndex((line) => line === 'STRATEGY_LANG="$(node src/ci/lang.ts "$STRATEGY_LANG")"');
      lines.forEach((line, index) => {
        if (!speaking.test(line)) return;
        expect(choose, name).toBeGreaterThan(-1);
        expect(index, line).toBeGreaterThan(choose);
        expect(line, `${name}: ${line}`).toContain('--lang "$STRATEGY_LANG"');
      });
    }
  });
});
