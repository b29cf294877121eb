/**
 * The mini fixture as a county has it some months after a council decision: the decision frozen in versions/ (by
 * `strategy approve`), then known edits to strategy/. Every test of what changed since (the site's changes page, the
 * redline PDF) starts from these edits, so that each can say exactly which changes it must show.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runMain } from './cli.ts';

const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const mini = join(repoRoot, 'test/fixtures/mini/strategy');

/** Replaces `from` by `to` in the item's files of the given languages; throws when `from` is not there. */
export function editItem(strategyDir: string, stem: string, from: string | RegExp, to: string, languages = ['sv', 'fi']): void {
  for (const lang of languages) {
    const file = join(strategyDir, `${stem}.${lang}.md`);
    const text = readFileSync(file, 'utf8');
    if (typeof from === 'string' ? !text.includes(from) : !from.test(text)) throw new Error(`${file} has no ${String(from)}`);
    writeFileSync(file, text.replace(from, to));
  }
}

/** What the known edits change: the ids, and the words each change shows. */
export const knownEdits = {
  reworded: { id: 'goal-older-home', sv: ['Allt fler äldre bor hemma', 'Allt fler äldre kan bo kvar hemma'], fi: ['Yhä useampi ikääntynyt asuu kotona', 'Yhä useampi ikääntynyt voi asua kotona'] },
  target: { id: 'measure-living-at-home', before: '2029: 94 %', after: '2029: 95 %' },
  cell: { id: 'chapter-finance', before: '1 048,0', after: '1 051,3' },
  added: { id: 'measure-remote-visits', sv: 'Antal distansbesök i hemvården', fi: 'Kotihoidon etäkäyntien määrä' },
  deleted: { id: 'action-home-visit-pilot', sv: 'Ett försök med kvällsbesök i hemvården', fi: 'Kotihoidon iltakäyntikokeilu' },
  moved: { id: 'action-robot-training', sv: 'Hemvårdens personal utbildas i att använda läkemedelsrobotar', fi: 'Kotihoidon henkilöstö koulutetaan lääkerobottien käyttöön' },
  svOnly: { id: 'mini-strategy', added: 'Texten ses över varje höst.' },
  /** Items whose Finnish text is a translation nobody has reviewed yet (their Swedish the original). */
  translatedToFinnish: ['goal-older-home', 'measure-living-at-home'],
  decision: { name: '2025-06-16', date: '2025-06-16', section: 45 },
} as const;

/**
 * Writes `<project>/strategy` and `<project>/schema`, approves them as decided on 16.6.2025 § 45, and then makes the
 * known edits: a reworded goal (both languages), an action moved first, a changed target, a changed table cell, a new measure, a deleted
 * action (one the decision had), and an addition to the Swedish text only, the Finnish twin stamped as reconciled.
 * Returns the strategy folder.
 */
export async function changedMini(project: string): Promise<string> {
  const strategy = join(project, 'strategy');
  rmSync(project, { recursive: true, force: true });
  cpSync(mini, strategy, { recursive: true });
  cpSync(join(repoRoot, 'schema'), join(project, 'schema'), { recursive: true });
  const { deleted, moved, added, decision } = knownEdits;
  // The decision had two actions more: a pilot, which the editors later deleted, and the staff's training, which
  // they later moved first.
  for (const lang of ['sv', 'fi'] as const) {
    const robots = readFileSync(join(strategy, `services/home/robots.${lang}.md`), 'utf8');
    const action = (id: string, title: string, order: number) => robots.replace('id: action-medicine-robots', `id: ${id}`).replace(/^title: .*$/m, `title: ${title}`).replace('order: 1', `order: ${order}`).replace(/^twin-hash: .*\n/m, '');
    writeFileSync(join(strategy, `services/home/pilot.${lang}.md`), action(deleted.id, deleted[lang], 2));
    writeFileSync(join(strategy, `services/home/training.${lang}.md`), action(moved.id, moved[lang], 3));
  }
  const run = async (...args: string[]) => {
    const result = await runMain(args, { cwd: project });
    if (result.code !== 0) throw new Error(`strategy ${args.join(' ')}: ${result.stderr}${result.stdout}`);
  };
  await run('i18n', 'stamp', '--all');
  await run('approve', decision.name, '--date', decision.date, '--section', String(decision.section), '--body-sv', 'Välfärdsområdesfullmäktige', '--body-fi', 'Aluevaltuusto');
  for (const lang of ['sv', 'fi']) rmSync(join(strategy, `services/home/pilot.${lang}.md`));
  editItem(strategy, 'services/home/training', 'order: 3', 'order: 0');
  editItem(strategy, 'services/home/goal', `title: ${knownEdits.reworded.sv[0]}`, `title: ${knownEdits.reworded.sv[1]}`, ['sv']);
  editItem(strategy, 'services/home/goal', `title: ${knownEdits.reworded.fi[0]}`, `title: ${knownEdits.reworded.fi[1]}`, ['fi']);
  editItem(strategy, 'services/home/measure', '{ year: 2029, value: 94 }', '{ year: 2029, value: 95 }');
  editItem(strategy, 'general/finance', '| 2025 | 1 048,0 |', '| 2025 | 1 051,3 |');
  for (const lang of ['sv', 'fi'] as const) {
    const robots = readFileSync(join(strategy, `services/home/measure-robots.${lang}.md`), 'utf8');
    writeFileSync(join(strategy, `services/home/measure-visits.${lang}.md`), robots.replace('id: measure-medicine-robots', `id: ${added.id}`).replace(/^title: .*$/m, `title: ${added[lang]}`).replace('order: 2', 'order: 3'));
  }
  editItem(strategy, 'document', 'ordnar social- och hälsovårdstjänsterna.', `ordnar social- och hälsovårdstjänsterna. ${knownEdits.svOnly.added}`, ['sv']);
  // Which language versions are the county's own text (a declaration, which diff does not count as a change).
  for (const [stem, lang, status] of [['services/home/goal', 'sv', 'original'], ['services/home/goal', 'fi', 'translation'], ['services/home/measure', 'sv', 'original'], ['services/home/measure', 'fi', 'translation']] as const) {
    editItem(strategy, stem, /^(id: .*)$/m, `$1\ntext-status: ${status}`, [lang]);
  }
  await run('i18n', 'stamp', '--all');
  return strategy;
}
