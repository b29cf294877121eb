/**
 * `strategy diff <from> [<to>]`: known edits in a copy of the mini strategy give exactly those changes, item by item
 * and in both languages; two identical versions give "no changes"; a git ref works as a version; a version that
 * cannot be read is exit 2 with a message. The command runs in this process (main() is what bin/strategy.js runs).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.ts';
import type { ChangeSet } from '../../src/changes/compare.ts';
import { repoRoot, repoSchema } from '../helpers/fixtures.ts';
import { changedMini, knownEdits } from '../helpers/changed-mini.ts';

const temp = mkdtempSync(join(tmpdir(), 'diff-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const mini = join(repoRoot, 'test/fixtures/mini/strategy');

async function diff(args: string[], cwd?: string): Promise<{ code: number; out: string; err: string }> {
  const run = await runMain(['diff', ...args], cwd ? { cwd } : {});
  return { code: run.code, out: run.stdout, err: run.stderr };
}

/** Replaces text in both language files of an item, or in one. */
function edit(dir: string, stem: string, from: string | RegExp, to: string, languages = ['sv', 'fi']): void {
  for (const lang of languages) {
    const path = join(dir, `${stem}.${lang}.md`);
    const text = readFileSync(path, 'utf8');
    const next = text.replace(from, to);
    if (next === text) throw new Error(`${stem}.${lang}.md has no ${String(from)}`);
    writeFileSync(path, next);
  }
}

describe('strategy diff', () => {
  const after = join(temp, 'after');
  let set: ChangeSet;

  beforeAll(async () => {
    cpSync(mini, after, { recursive: true });
    // A reworded goal (both languages), a changed target, a changed table cell, a new measure, a deleted action, a
    // measure moved before its sibling, and an edit of the Swedish text only.
    edit(after, 'services/home/goal', 'title: Allt fler äldre bor hemma', 'title: Allt fler äldre kan bo kvar hemma', ['sv']);
    edit(after, 'services/home/goal', /^title: .*$/m, 'title: Yhä useampi ikääntynyt voi asua kotona', ['fi']);
    edit(after, 'services/home/measure', '{ year: 2029, value: 94 }', '{ year: 2029, value: 95 }');
    edit(after, 'general/finance', '| 2025 | 1 048,0 |', '| 2025 | 1 051,3 |');
    edit(after, 'services/home/measure-robots', 'order: 2', 'order: 0');
    for (const lang of ['sv', 'fi']) {
      const text = readFileSync(join(after, `services/home/measure-robots.${lang}.md`), 'utf8');
      writeFileSync(join(after, `services/home/measure-visits.${lang}.md`), text.replace('id: measure-medicine-robots', 'id: measure-remote-visits').replace('order: 0', 'order: 4'));
      rmSync(join(after, `services/home/robots.${lang}.md`));
    }
    edit(after, 'document', 'ordnar social- och hälsovårdstjänsterna.', 'ordnar social- och hälsovårdstjänsterna. Texten ses över varje höst.', ['sv']);
    const run = await diff([mini, after, '--schema', repoSchema, '--format', 'json']);
    expect(run.code, run.err).toBe(0);
    set = JSON.parse(run.out) as ChangeSet;
  });

  it('finds exactly the items that changed, in document order, removed ones where they stood', () => {
    expect(set.items.map((item) => [item.change, item.id])).toEqual([
      ['changed', 'mini-strategy'],
      ['changed', 'chapter-finance'],
      ['changed', 'goal-older-home'],
      ['removed', 'action-medicine-robots'],
      ['changed', 'measure-medicine-robots'],
      ['changed', 'measure-living-at-home'],
      ['added', 'measure-remote-visits'],
    ]);
    expect(set.summary).toEqual(
      expect.arrayContaining([
        { kind: 'measure', added: 1, removed: 0, changed: 1, moved: 1, split: 0, merged: 0 },
        { kind: 'action', added: 0, removed: 1, changed: 0, moved: 0, split: 0, merged: 0 },
      ]),
    );
  });

  it('gives a reworded title in each language, old and new', () => {
    const goal = set.items.find((item) => item.id === 'goal-older-home')!;
    expect(goal.languages['sv']!.title).toEqual({ old: 'Allt fler äldre bor hemma', new: 'Allt fler äldre kan bo kvar hemma' });
    expect(goal.languages['fi']!.title?.new).toBe('Yhä useampi ikääntynyt voi asua kotona');
    expect(goal.onlyIn).toBeUndefined();
  });

  it('gives a changed field with its old and new value, and a moved item with its places', () => {
    const measure = set.items.find((item) => item.id === 'measure-living-at-home')!;
    expect(measure.languages['sv']!.fields).toEqual([{ field: 'targets', old: [{ year: 2026, value: 93 }, { year: 2029, value: 94 }], new: [{ year: 2026, value: 93 }, { year: 2029, value: 95 }] }]);
    const moved = set.items.find((item) => item.id === 'measure-medicine-robots')!;
    expect(moved.moved).toEqual({ from: { parent: 'goal-older-home', order: 2 }, to: { parent: 'goal-older-home', order: 0 } });
    // Its sibling kept its place: a new measure after it, or one moved past it, does not move it.
    expect(measure.moved).toBeUndefined();
  });

  it('shows declared replacements as a split, a merge and a new id, not as items removed and added', async () => {
    const declared = join(temp, 'declared');
    cpSync(mini, declared, { recursive: true });
    const replaces = (stem: string, id: string, ids: string[]) => {
      for (const lang of ['sv', 'fi']) {
        const file = join(declared, `${stem}.${lang}.md`);
        const text = readFileSync(file, 'utf8').replace(/^id: .*$/m, `id: ${id}\nreplaces: [${ids.join(', ')}]`);
        writeFileSync(file, text);
      }
    };
    const copy = (from: string, to: string, change: (text: string) => string) => {
      for (const lang of ['sv', 'fi']) writeFileSync(join(declared, `${to}.${lang}.md`), change(readFileSync(join(declared, `${from}.${lang}.md`), 'utf8')));
    };
    // The finance chapter continues as chapter-economy; the action is split in two; the two measures merge in one.
    replaces('general/finance', 'chapter-economy', ['chapter-finance']);
    copy('services/home/robots', 'services/home/robots-rollout', (text) => text.replace('order: 1', 'order: 2'));
    replaces('services/home/robots', 'action-robots-pilot', ['action-medicine-robots']);
    replaces('services/home/robots-rollout', 'action-robots-rollout', ['action-medicine-robots']);
    replaces('services/home/measure', 'measure-home-care', ['measure-living-at-home', 'measure-medicine-robots']);
    for (const lang of ['sv', 'fi']) rmSync(join(declared, `services/home/measure-robots.${lang}.md`));
    const run = await diff([mini, declared, '--schema', repoSchema, '--format', 'json']);
    expect(run.code, run.err).toBe(0);
    const changes = JSON.parse(run.out) as ChangeSet;
    const byId = new Map(changes.items.map((item) => [item.id, item]));
    expect(byId.get('chapter-economy')).toMatchObject({ change: 'changed', previousId: 'chapter-finance' });
    expect(byId.has('chapter-finance')).toBe(false);
    expect(byId.get('action-medicine-robots')).toMatchObject({ change: 'removed', splitInto: ['action-robots-pilot', 'action-robots-rollout'] });
    expect(byId.get('action-robots-rollout')).toMatchObject({ change: 'added', splitFrom: 'action-medicine-robots' });
    expect(byId.get('measure-home-care')).toMatchObject({ change: 'added', mergedFrom: ['measure-living-at-home', 'measure-medicine-robots'] });
    expect(byId.get('measure-medicine-robots')).toMatchObject({ change: 'removed', mergedInto: 'measure-home-care' });
    expect(changes.summary).toEqual(
      expect.arrayContaining([
        { kind: 'chapter', added: 0, removed: 0, changed: 1, moved: 0, split: 0, merged: 0 },
        { kind: 'action', added: 0, removed: 0, changed: 0, moved: 0, split: 1, merged: 0 },
        { kind: 'measure', added: 0, removed: 0, changed: 0, moved: 0, split: 0, merged: 1 },
      ]),
    );
    const human = await diff([mini, declared, '--schema', repoSchema]);
    expect(human.out).toContain('- action action-medicine-robots split into action-robots-pilot, action-robots-rollout');
    expect(human.out).toContain('+ measure measure-home-care merged from measure-living-at-home, measure-medicine-robots');
    expect(human.out).toContain('~ chapter chapter-economy changed (was chapter-finance)');
    // The same in the editor's language: what happened to each item, around its ids.
    const lines = {
      sv: ['- action action-medicine-robots delat i action-robots-pilot, action-robots-rollout', '+ action action-robots-rollout tillagt, avdelat från action-medicine-robots', '+ measure measure-home-care sammanslaget av measure-living-at-home, measure-medicine-robots', '- measure measure-medicine-robots sammanslaget med measure-home-care', '~ chapter chapter-economy ändrat (tidigare chapter-finance)'],
      fi: ['- action action-medicine-robots jaettu kohteiksi action-robots-pilot, action-robots-rollout', '+ action action-robots-rollout lisätty, jaettu kohteesta action-medicine-robots', '+ measure measure-home-care yhdistetty kohteista measure-living-at-home, measure-medicine-robots', '- measure measure-medicine-robots yhdistetty kohteeseen measure-home-care', '~ chapter chapter-economy muutettu (aiemmin chapter-finance)'],
    };
    for (const [lang, expected] of Object.entries(lines)) {
      const out = (await diff([mini, declared, '--schema', repoSchema, '--lang', lang])).out;
      for (const line of expected) expect(out, lang).toContain(`\n${line}:`);
    }
  });

  it('shows a changed table cell as that row, word by word, not as a rewritten table', () => {
    const chapter = set.items.find((item) => item.id === 'chapter-finance')!;
    for (const lang of ['sv', 'fi']) {
      const [row, ...others] = chapter.languages[lang]!.text;
      expect(others).toEqual([]);
      expect(row).toMatchObject({ type: 'tableRow', change: 'changed', old: '2025\t1 048,0', new: '2025\t1 051,3' });
      expect(row!.words!.filter((segment) => segment.op !== '=')).toEqual([
        // The number whole, not its last group of digits.
        { op: '-', text: '1 048,0' },
        { op: '+', text: '1 051,3' },
      ]);
    }
  });

  it('says where one language changed and the other did not', () => {
    const document = set.items.find((item) => item.id === 'mini-strategy')!;
    expect(document.onlyIn).toEqual(['sv']);
    const [paragraph] = document.languages['sv']!.text;
    expect(paragraph!.words!.filter((segment) => segment.op === '+').map((segment) => segment.text.trim())).toEqual(['Texten ses över varje höst.']);
  });

  it('writes the same changes for people and as Markdown for a pull request', async () => {
    const human = await diff([mini, after, '--schema', repoSchema]);
    expect(human.out).toMatch(/^7 items changed \(/);
    expect(human.out).toContain('- action action-medicine-robots removed');
    expect(human.out).toContain('    targets: [{"year":2026,"value":93},{"year":2029,"value":94}] → [{"year":2026,"value":93},{"year":2029,"value":95}]');
    expect(human.out).toContain('sv ~ table row: 2025 | [-1 048,0-]{+1 051,3+}');
    expect(human.out).toContain('changed in sv only');
    const markdown = await diff([mini, after, '--schema', repoSchema, '--format', 'markdown']);
    expect(markdown.out).toContain('| kind | added | removed | changed | moved | split | merged |');
    expect(markdown.out).toContain('- **removed** action `action-medicine-robots`');
    expect(markdown.out).toContain('~~1 048,0~~<ins>1 051,3</ins>');
  });

  it('gives "no changes" and exit 0 for two identical versions', async () => {
    const same = await diff([mini, mini, '--schema', repoSchema]);
    expect(same).toMatchObject({ code: 0, out: 'no changes\n' });
    const json = JSON.parse((await diff([mini, mini, '--schema', repoSchema, '--format', 'json'])).out) as ChangeSet;
    expect(json.items).toEqual([]);
  });

  it('reads a git ref as a version, from the working tree by default, and names a ref it cannot read (exit 2)', async () => {
    const project = join(temp, 'repo');
    cpSync(mini, join(project, 'strategy'), { recursive: true });
    cpSync(join(repoRoot, 'schema'), join(project, 'schema'), { recursive: true });
    const git = (...args: string[]) => expect(spawnSync('git', ['-c', 'user.name=Editor', '-c', 'user.email=editor@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd: project }).status).toBe(0);
    git('init', '--quiet');
    git('add', '.');
    git('commit', '--quiet', '-m', 'approved version');
    git('tag', 'approved-2025');
    edit(join(project, 'strategy'), 'services/home/measure', '{ year: 2029, value: 94 }', '{ year: 2029, value: 96 }');
    const run = await diff(['approved-2025'], project);
    expect(run.code, run.err).toBe(0);
    expect(run.out).toMatch(/^1 item changed \(measure: 1 changed\)/);
    expect(run.out).toContain('"value":96');

    // As CI has it: a shallow clone, and the base branch's tip fetched on its own (no history, no tags).
    const clone = join(temp, 'shallow');
    expect(spawnSync('git', ['clone', '--quiet', '--depth', '1', `file://${project}`, clone]).status).toBe(0);
    git('checkout', '--quiet', '-b', 'proposal');
    git('commit', '--quiet', '-am', 'a higher target');
    expect(spawnSync('git', ['fetch', '--quiet', '--no-tags', '--depth=1', 'origin', 'proposal'], { cwd: clone }).status).toBe(0);
    const shallow = await diff(['HEAD', 'FETCH_HEAD'], clone);
    expect(shallow.code, shallow.err).toBe(0);
    expect(shallow.out).toMatch(/^1 item changed \(measure: 1 changed\)/);

    const bad = await diff(['no-such-ref'], project);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('"no-such-ref" is neither a folder nor a git ref this repository has');
    const svBad = await diff(['no-such-ref', '--lang', 'sv'], project);
    expect(svBad).toMatchObject({ code: 2, out: '' });
    expect(svBad.err).toContain('strategy diff: "no-such-ref" är varken en mapp eller en git-referens som det här förrådet har (en grund klon kan behöva `git fetch` av den)\nSe `strategy diff --help`.');
    const outside = await diff(['HEAD'], temp);
    expect(outside.code).toBe(2);
    expect(outside.err).toMatch(/is neither a folder nor a git ref here/);
  });

  it('freezes an approved version into versions/ (strategy approve) and diffs against it by name, in any clone', async () => {
    const project = join(temp, 'approved');
    cpSync(mini, join(project, 'strategy'), { recursive: true });
    cpSync(join(repoRoot, 'schema'), join(project, 'schema'), { recursive: true });
    const approve = async (...args: string[]) => {
      const run = await runMain(['approve', ...args], { cwd: project });
      return { code: run.code, out: run.stdout, err: run.stderr };
    };
    const made = await approve('2025-06-16', '--date', '2025-06-16', '--section', '45', '--body-sv', 'Välfärdsområdesfullmäktige', '--body-fi', 'Aluevaltuusto');
    expect(made.code, made.err).toBe(0);
    expect(JSON.parse(readFileSync(join(project, 'versions/2025-06-16/version.json'), 'utf8'))).toEqual({ body: { sv: 'Välfärdsområdesfullmäktige', fi: 'Aluevaltuusto' }, date: '2025-06-16', section: 45 });
    expect(readFileSync(join(project, 'versions/2025-06-16/strategy/document.sv.md'), 'utf8')).toBe(readFileSync(join(mini, 'document.sv.md'), 'utf8'));
    // An approved version is never overwritten.
    const again = await approve('2025-06-16', '--date', '2025-06-16');
    expect(again.code).toBe(2);
    expect(again.err).toContain('an approved version is never overwritten');

    edit(join(project, 'strategy'), 'services/home/measure', '{ year: 2029, value: 94 }', '{ year: 2029, value: 97 }');
    const since = await diff(['2025-06-16', '--format', 'markdown'], project);
    expect(since.code, since.err).toBe(0);
    expect(since.out).toContain('### Changes from the decision of 2025-06-16, § 45 to strategy');
    expect(since.out).toContain('1 item changed (measure: 1 changed)');

    // A version folder that is not whole is named, exit 2, in the editor's language; never an internal error.
    mkdirSync(join(project, 'versions/broken'), { recursive: true });
    writeFileSync(join(project, 'versions/broken/version.json'), '{ "date": "16.6.2025" }');
    const broken = await diff(['broken', '--lang', 'fi'], project);
    expect(broken.code).toBe(2);
    expect(broken.err).toBe('strategy diff: versions/broken/version.json: odotettiin: { "body": { "sv": …, "fi": … }, "date": "VVVV-KK-PP", "section": N }\nKatso `strategy diff --help`.\n');
    writeFileSync(join(project, 'versions/broken/version.json'), '{ "body": { "sv": "Fullmäktige" }, "date": "2026-01-01" }');
    const half = await diff(['broken', '--lang', 'sv'], project);
    expect(half.code).toBe(2);
    expect(half.err).toContain('strategy diff: versions/broken: en godkänd version innehåller strategy/ och schema/ bredvid version.json; strategy/ saknas');
  });
});

/**
 * The report in the editor's language: the known edits since the decision (test/helpers/changed-mini.ts), as a
 * terminal and a pull request show them in Swedish and in Finnish. The titles and the text are each language's own;
 * the words around them are the editor's; JSON is the same in every language.
 */
describe('strategy diff in Swedish and Finnish', () => {
  let project: string;
  const report = async (lang: string, ...args: string[]) => {
    const run = await runMain(['diff', knownEdits.decision.name, '--lang', lang, ...args], { cwd: project });
    expect(run.code, run.stderr).toBe(0);
    return run.stdout;
  };
  const { reworded, deleted, added, moved, decision } = knownEdits;
  const words = {
    sv: {
      summary: '7 objekt har ändrats (document: 1 ändrat; chapter: 1 ändrat; goal: 1 ändrat; action: 1 borttaget, 1 flyttat; measure: 1 tillagt, 1 ändrat)',
      removed: 'borttaget', added: 'tillagt', changed: 'ändrat', title: 'rubrik', place: 'ny plats under goal-older-home (ordning 3 → 0)', only: 'ändrat bara i sv', row: 'tabellrad',
      heading: `### Ändringar från beslutet ${decision.date}, § ${decision.section} till strategy`,
      columns: '| typ | tillagda | borttagna | ändrade | flyttade | delade | sammanslagna |', rowChange: 'tabellrad (ändring)',
    },
    fi: {
      summary: '7 kohdetta on muuttunut (document: 1 muutettu; chapter: 1 muutettu; goal: 1 muutettu; action: 1 poistettu, 1 siirretty; measure: 1 lisätty, 1 muutettu)',
      removed: 'poistettu', added: 'lisätty', changed: 'muutettu', title: 'otsikko', place: 'uusi paikka kohteen goal-older-home alla (järjestys 3 → 0)', only: 'muutettu vain kieliversiossa sv', row: 'taulukon rivi',
      heading: `### Muutokset: päätös ${decision.date}, § ${decision.section} → strategy`,
      columns: '| tyyppi | lisätyt | poistetut | muutetut | siirretyt | jaetut | yhdistetyt |', rowChange: 'taulukon rivi (muutos)',
    },
  } as const;
  /** The framing words of the English report, none of which a Swedish or Finnish one has. */
  const english = /\b(?:items? changed|added|removed|changed|moved|title|new place|only|order|table row|Changes from|decision)\b/;

  beforeAll(async () => {
    project = join(temp, 'in-language');
    await changedMini(project);
  });

  it.each(['sv', 'fi'] as const)('for a terminal (%s): what happened to each item, its fields and its text, in that language', async (lang) => {
    const w = words[lang];
    const out = await report(lang);
    expect(out.split('\n')[0]).toBe(w.summary);
    expect(out).toContain(`\n- action ${deleted.id} ${w.removed}: ${deleted.sv} / ${deleted.fi}\n`);
    expect(out).toContain(`\n+ measure ${added.id} ${w.added}: ${added.sv} / ${added.fi}\n`);
    expect(out).toContain(`\n~ goal ${reworded.id} ${w.changed}: ${reworded.sv[1]} / ${reworded.fi[1]}\n    sv ${w.title}: ${reworded.sv[0]} → ${reworded.sv[1]}\n    fi ${w.title}: ${reworded.fi[0]} → ${reworded.fi[1]}\n`);
    expect(out).toContain(`\n~ action ${moved.id} ${w.changed}: ${moved.sv} / ${moved.fi}\n    ${w.place}\n`);
    expect(out).toContain(`\n    ${w.only}\n`);
    expect(out).toContain(`\n    fi ~ ${w.row}: 2025 | [-${knownEdits.cell.before}-]{+${knownEdits.cell.after}+}\n`);
    expect(out).toContain('    targets: [{"year":2026,"value":93},{"year":2029,"value":94}] → [{"year":2026,"value":93},{"year":2029,"value":95}]');
    // Only the items' own words are in English: their ids and kinds, and the fields' names.
    for (const line of out.split('\n')) expect(line.replace(/\S*-\S*|\b(?:action|goal|measure|chapter|document|targets|strategy)\b/g, ''), line).not.toMatch(english);
  });

  it.each(['sv', 'fi'] as const)('as Markdown for a pull request (%s): the heading, the table of counts and each change, in that language', async (lang) => {
    const w = words[lang];
    const out = await report(lang, '--format', 'markdown');
    expect(out.split('\n').slice(0, 5)).toEqual([w.heading, '', w.summary, '', w.columns]);
    expect(out).toContain(`\n| action | 0 | 1 | 0 | 1 | 0 | 0 |\n`);
    expect(out).toContain(`\n- **${w.removed}** action \`${deleted.id}\`: ${deleted.sv} / ${deleted.fi}\n`);
    expect(out).toContain(`\n  - sv ${w.title}: ~~${reworded.sv[0]}~~ → <ins>${reworded.sv[1]}</ins>\n`);
    expect(out).toContain(`\n  - sv ${w.rowChange}: 2025 \\| ~~${knownEdits.cell.before}~~<ins>${knownEdits.cell.after}</ins>\n`);
    expect(out).toContain(`\n  - ${w.only}\n`);
    for (const line of out.split('\n')) expect(line.replace(/\S*-\S*|\b(?:action|goal|measure|chapter|document|targets|strategy)\b/g, ''), line).not.toMatch(english);
  });

  it.each(['sv', 'fi'] as const)('in brief (%s): the counts and one line per item, in that language', async (lang) => {
    const w = words[lang];
    const out = await report(lang, '--brief');
    expect(out.split('\n')[0]).toBe(w.summary);
    expect(out).toContain(`\n- action ${deleted.id} ${w.removed}: ${deleted.sv} / ${deleted.fi}\n`);
    expect(out).toContain(`\n    ${w.place}\n`);
    expect(out).not.toContain(`${w.title}:`);
    expect(out).not.toContain('targets:');
  });

  it('gives JSON with the same keys and values in every language', async () => {
    // One after the other: each run changes into the project's folder and back.
    const en = await report('en', '--format', 'json');
    const sv = await report('sv', '--format', 'json');
    const fi = await report('fi', '--format', 'json');
    expect(sv).toBe(en);
    expect(fi).toBe(en);
    expect((JSON.parse(en) as ChangeSet).items.find((item) => item.id === deleted.id)?.change).toBe('removed');
  });
});
