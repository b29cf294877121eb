import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { loadStrategy } from '../../src/pipeline.ts';
import { cachedSchemaSet } from '../../src/load/schema-cache.ts';
import { slugify } from '../../src/edit/slug.ts';
import { run, snapshot, tempStrategy } from './helpers.ts';

const languages = cachedSchemaSet(resolve('schema')).project.languages;

function frontMatter(path: string): Record<string, unknown> {
  const text = readFileSync(path, 'utf8');
  const yaml = /^---\n([\s\S]*?)---\n/.exec(text)![1]!;
  return parseDocument(yaml).toJS() as Record<string, unknown>;
}

/** Sets a front-matter field in place, as an editor would. */
function fill(path: string, field: string, value: string): void {
  const text = readFileSync(path, 'utf8');
  const next = text.replace(new RegExp(`^${field}:.*$`, 'm'), `${field}: ${value}`);
  expect(next).not.toBe(text);
  writeFileSync(path, next);
}

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
});

describe('strategy new', () => {
  it('creates one twin per project language beside the parent, with the kind skeleton and the next order', async () => {
    const fixture = tempStrategy();
    cleanup = fixture.cleanup;
    const { code, out, err } = await run([
      'new', 'measure', '--parent', 'goal-older-home',
      '--title-sv', 'Andel äldre som får hemvård på svenska', '--title-fi', 'Ruotsiksi kotihoitoa saavien osuus',
      '--dir', fixture.dir,
    ]);
    expect(err).toContain('created measure');
    expect(code).toBe(0);
    const printed = out.trim().split('\n');
    expect(printed).toHaveLength(languages.length);
    const id = 'measure-andel-aldre-som-far-hemvard-pa-svenska';
    for (const lang of languages) {
      const path = join(fixture.dir, 'services/home', `${id}.${lang}.md`);
      expect(printed.some((line) => resolve(line) === path)).toBe(true);
      const data = frontMatter(path);
      // The siblings of the same kind are measures with order 1 and 2.
      expect(data).toMatchObject({ id, kind: 'measure', parent: 'goal-older-home', order: 3 });
      expect(data['type']).toBeNull();
      const text = readFileSync(path, 'utf8');
      expect(text).toMatch(/^type: # fill in: one of: yes-no, count, percent, days, euro, ratio, score$/m);
      expect(text.endsWith('---\n\n')).toBe(true);
    }
    expect(frontMatter(join(fixture.dir, 'services/home', `${id}.sv.md`))['title']).toBe('Andel äldre som får hemvård på svenska');
    expect(frontMatter(join(fixture.dir, 'services/home', `${id}.fi.md`))['title']).toBe('Ruotsiksi kotihoitoa saavien osuus');
  });

  it('never reuses an id or overwrites a file, and makes a random id without a title', async () => {
    const fixture = tempStrategy();
    cleanup = fixture.cleanup;
    const first = await run(['new', 'action', '--parent', 'goal-older-home', '--title-sv', 'Läkemedelsrobotar', '--dir', fixture.dir]);
    const second = await run(['new', 'action', '--parent', 'goal-older-home', '--title-sv', 'Läkemedelsrobotar', '--dir', fixture.dir]);
    expect([first.code, second.code]).toEqual([0, 0]);
    expect(first.out).toContain('action-lakemedelsrobotar.sv.md');
    expect(second.out).toContain('action-lakemedelsrobotar-2.sv.md');
    expect(frontMatter(join(fixture.dir, 'services/home/action-lakemedelsrobotar-2.sv.md'))).toMatchObject({ id: 'action-lakemedelsrobotar-2', order: 3 });

    const untitled = await run(['new', 'action', '--parent', 'goal-older-home', '--dir', fixture.dir]);
    expect(untitled.code).toBe(0);
    const path = resolve(untitled.out.trim().split('\n')[0]!);
    expect(frontMatter(path)['id']).toMatch(/^action-[0-9a-f]{6}$/);
    expect(readFileSync(path, 'utf8')).toMatch(/^title: # fill in: the title in Svenska$/m);
  });

  it('rejects a parent of a kind the schema does not allow, with exit 2 and no file written', async () => {
    const fixture = tempStrategy();
    cleanup = fixture.cleanup;
    const before = snapshot(fixture.dir);
    const wrong = await run(['new', 'measure', '--parent', 'section-older', '--title-sv', 'X', '--dir', fixture.dir]);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('Unexpected parent "section-older" of kind section: a measure sits under `goal`');
    expect(wrong.err).toContain('x-parent-kinds');
    const unknown = await run(['new', 'measure', '--parent', 'goal-older-hom', '--dir', fixture.dir]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('did you mean `goal-older-home`?');
    expect((await run(['new', 'mesure', '--parent', 'goal-older-home', '--dir', fixture.dir])).code).toBe(2);
    expect((await run(['new', 'measure', '--dir', fixture.dir])).code).toBe(2);
    expect(snapshot(fixture.dir)).toEqual(before);
  });

  it('passes check once the empty required fields are filled in', async () => {
    const fixture = tempStrategy();
    cleanup = fixture.cleanup;
    const created = await run(['new', 'measure', '--parent', 'goal-older-home', '--title-sv', 'Antal hembesök', '--dir', fixture.dir]);
    expect(created.code).toBe(0);
    const [sv, fi] = ['sv', 'fi'].map((lang) => join(fixture.dir, `services/home/measure-antal-hembesok.${lang}.md`)) as [string, string];

    const unfilled = loadStrategy(fixture.dir, { schemaDir: fixture.schema });
    const errors = (path: string) =>
      unfilled.messages.filter((m) => m.fatal === true && m.file !== undefined && resolve(m.file) === path).map((m) => m.ruleId);
    // check points the editor at the empty fields.
    expect(errors(sv)).toContain('front-matter-schema');
    expect(errors(fi)).toContain('front-matter-schema');

    fill(fi, 'title', 'Kotikäyntien määrä');
    for (const path of [sv, fi]) fill(path, 'type', 'count');
    const filled = loadStrategy(fixture.dir, { schemaDir: fixture.schema });
    expect(filled.messages.filter((m) => m.fatal === true).map((m) => `${m.file}: ${m.reason}`)).toEqual([]);
    expect(filled.graph.get('measure-antal-hembesok')?.order).toBe(3);
  });

  it('follows the siblings: their own folder and their numbered file names', async () => {
    const fixture = tempStrategy();
    cleanup = fixture.cleanup;
    const home = join(fixture.dir, 'services/home');
    mkdirSync(join(home, 'measures'));
    for (const lang of languages) {
      renameSync(join(home, `measure.${lang}.md`), join(home, `measures/01-living-at-home.${lang}.md`));
      renameSync(join(home, `measure-robots.${lang}.md`), join(home, `measures/02-robots.${lang}.md`));
    }
    const { code } = await run(['new', 'measure', '--parent', 'goal-older-home', '--title-sv', 'Nöjda kunder', '--dir', fixture.dir]);
    expect(code).toBe(0);
    for (const lang of languages) expect(existsSync(join(home, `measures/03-nojda-kunder.${lang}.md`))).toBe(true);

    // Goals that each have a numbered folder of their own (`01-home/goal.sv.md`): the new goal gets one too.
    renameSync(home, join(fixture.dir, 'services/01-home'));
    const goal = await run(['new', 'goal', '--parent', 'section-older', '--title-sv', 'Trygg vardag', '--dir', fixture.dir]);
    expect(goal.code).toBe(0);
    for (const lang of languages) expect(frontMatter(join(fixture.dir, `services/02-trygg-vardag/goal.${lang}.md`))).toMatchObject({ id: 'goal-trygg-vardag', order: 2 });
  });
});

describe('slugify', () => {
  it('folds Swedish and Finnish letters to ASCII and cuts at a word boundary', () => {
    expect(slugify('Åtgärder för äldre – ökad trygghet')).toBe('atgarder-for-aldre-okad-trygghet');
    expect(slugify('Yöpymiset ja kävijät (%)')).toBe('yopymiset-ja-kavijat');
    expect(slugify('Šakki ja žetongit')).toBe('sakki-ja-zetongit');
    expect(slugify('a'.repeat(30) + ' ' + 'b'.repeat(30), 40)).toBe('a'.repeat(30));
  });
});
