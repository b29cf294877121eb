import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import type { Root } from 'mdast';
import { markdownProcessor } from '../../src/parse/processor.ts';
import { loadStrategy } from '../../src/pipeline.ts';
import { translationStatus } from '../../src/cross-language/stamp.ts';
import { splitFrontMatter, editFields } from '../../src/edit/front-matter.ts';
import { normaliseText } from '../../src/edit/normalise.ts';
import { unifiedDiff } from '../../src/edit/diff.ts';
import { run, snapshot, tempStrategy } from './helpers.ts';

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
});

function edit(path: string, change: (text: string) => string): void {
  const text = readFileSync(path, 'utf8');
  const next = change(text);
  expect(next).not.toBe(text);
  writeFileSync(path, next);
}

function data(path: string): Record<string, unknown> {
  return parseDocument(splitFrontMatter(readFileSync(path, 'utf8'))!.yaml).toJS() as Record<string, unknown>;
}

function bodyTree(path: string): unknown {
  const tree = markdownProcessor.parse(splitFrontMatter(readFileSync(path, 'utf8'))!.body) as Root;
  return JSON.parse(JSON.stringify(tree, (key, value: unknown) => (key === 'position' ? undefined : value)));
}

/** A strategy with drifted neutral data in both directions, comments, CRLF, NFD and trailing blanks. */
function messyStrategy() {
  const fixture = tempStrategy();
  cleanup = fixture.cleanup;
  const home = join(fixture.dir, 'services/home');
  // fi drifted: another order, a missing target, an extra field, a comment and an unpadded flow list to keep.
  edit(join(home, 'measure.fi.md'), (t) =>
    t
      .replace('order: 1\n', 'order: 7 # järjestys tarkistetaan\n')
      .replace('  - { year: 2029, value: 94 }\n', '')
      .replace('direction: increase\n', '# suunta puuttuu\n'),
  );
  edit(join(home, 'goal.fi.md'), (t) => t.replace('values: [value-trust, value-security]\n', 'values: [value-trust]\nextra-field: 1\n'));
  // sv drifted elsewhere: only a copy from sv may reach fi, so fi's years must win when copying from fi.
  edit(join(home, 'robots.sv.md'), (t) => t.replace('years: [2026]', 'years: [2027]'));
  // Whitespace and Unicode: CRLF, a title in NFD, trailing blanks, a hard break, a code block with trailing blanks.
  edit(join(home, 'robots.fi.md'), (t) =>
    t.replace('title: Lääkerobotit', 'title: La\u0308a\u0308kerobotit').replace('kotihoidossa\n', 'kotihoidossa   \n').replace(/\n/g, '\r\n') +
      'Ensimmäinen rivi  \r\njatkuu tässä.\t\r\n\r\n```\r\nkoodi   \r\n```',
  );
  writeFileSync(join(home, 'robots.sv.md'), readFileSync(join(home, 'robots.sv.md'), 'utf8') + 'Första raden  \njatkar här.\n\n```\nkod   \n```\n');
  return { ...fixture, home };
}

describe('strategy fix', () => {
  it('previews every change as a diff and writes nothing without --apply', async () => {
    const { dir, home } = messyStrategy();
    const before = snapshot(dir);
    const { code, out } = await run(['fix', dir, '--from', 'sv']);
    expect(code).toBe(0);
    expect(snapshot(dir)).toEqual(before);
    expect(out).toContain(`--- a/${relative(process.cwd(), join(home, 'measure.fi.md'))}`);
    expect(out).toMatch(/^-order: 7 # järjestys tarkistetaan$/m);
    expect(out).toMatch(/^\+order: 1$/m);
    expect(out).toMatch(/^\+direction: increase$/m);
    expect(out).toMatch(/^-extra-field: 1$/m);
    expect(out).toContain('CRLF → LF; Unicode NFC; trailing whitespace');
    expect(out).toMatch(/would change; run again with --apply/);
  });

  it('with --apply copies language-neutral data from the named language only, keeping comments and other lines', async () => {
    const { dir, home } = messyStrategy();
    const fiBefore = readFileSync(join(home, 'measure.fi.md'), 'utf8');
    const { code } = await run(['fix', dir, '--from', 'sv', '--apply']);
    expect(code).toBe(0);

    const fi = readFileSync(join(home, 'measure.fi.md'), 'utf8');
    expect(data(join(home, 'measure.fi.md'))).toEqual({ ...data(join(home, 'measure.sv.md')), title: expect.any(String), 'source-label': 'Sotkanet, THL', unit: '%', 'twin-hash': expect.any(String) });
    // Translatable fields stay as each language has them.
    expect(data(join(home, 'measure.fi.md'))['title']).toBe('Kotona asuvien 75 vuotta täyttäneiden osuus');
    // Lines other than the copied fields are byte for byte the same: comments, flow maps, quoting.
    const kept = fiBefore.split('\n').filter((line) => !/^(order|direction|targets|  - )/.test(line));
    for (const line of kept) expect(fi.split('\n')).toContain(line);
    expect(fi).toContain('# suunta puuttuu\n');
    expect(fi).toMatch(/^order: 1$/m);
    expect(data(join(home, 'goal.fi.md'))['values']).toEqual(['value-trust', 'value-security']);
    expect(data(join(home, 'goal.fi.md'))).not.toHaveProperty('extra-field');
    expect(readFileSync(join(home, 'goal.fi.md'), 'utf8')).toContain('promises: [promise-effective-services]\n');
    // Copying went from sv to fi only: the sv twin of the action keeps its own (drifted) years.
    expect(data(join(home, 'robots.sv.md'))['years']).toEqual([2027]);
    expect(data(join(home, 'robots.fi.md'))['years']).toEqual([2027]);

    // And the other way round when asked.
    const again = await run(['fix', dir, '--from', 'fi', '--apply']);
    expect(again.code).toBe(0);
    expect(again.out).toBe('nothing to fix\n');
  });

  it('copies from fi to sv when told --from fi, and leaves the fi files alone', async () => {
    const { dir, home } = messyStrategy();
    await run(['fix', dir, '--apply']); // whitespace first, so that fi is clean
    const fiFiles = ['measure.fi.md', 'goal.fi.md', 'robots.fi.md'].map((name) => readFileSync(join(home, name), 'utf8'));
    expect((await run(['fix', dir, '--from', 'fi', '--apply'])).code).toBe(0);
    expect(['measure.fi.md', 'goal.fi.md', 'robots.fi.md'].map((name) => readFileSync(join(home, name), 'utf8'))).toEqual(fiFiles);
    expect(data(join(home, 'robots.sv.md'))['years']).toEqual([2026]);
    expect(data(join(home, 'measure.sv.md'))['order']).toBe(7);
    expect(data(join(home, 'goal.sv.md'))['extra-field']).toBe(1);
  });

  it('normalises line endings, Unicode and trailing blanks without changing any title or body', async () => {
    const { dir, home } = messyStrategy();
    const names = ['robots.fi.md', 'robots.sv.md', 'measure.fi.md', 'goal.fi.md', 'finance.fi.md'];
    const paths = names.map((name) => (name.startsWith('finance') ? join(dir, 'general', name) : join(home, name)));
    const titles = paths.map((path) => String(data(path)['title']).normalize('NFC').trim());
    const bodies = paths.map((path) => bodyTree(path));
    await run(['fix', dir, '--from', 'sv', '--apply']);

    const robots = readFileSync(join(home, 'robots.fi.md'), 'utf8');
    expect(robots).not.toContain('\r');
    expect(robots).toBe(robots.normalize('NFC'));
    expect(robots).toMatch(/^title: Lääkerobotit otetaan käyttöön kotihoidossa$/m);
    expect(robots).toContain('Ensimmäinen rivi  \njatkuu tässä.\n'); // the hard break stays, the tab goes
    expect(robots).toContain('koodi   \n'); // code is content
    expect(robots.endsWith('```\n')).toBe(true);
    expect(paths.map((path) => String(data(path)['title']))).toEqual(titles);
    expect(paths.map((path) => bodyTree(path))).toEqual(bodies);
    expect(loadStrategy(dir).messages.filter((m) => m.ruleId === 'neutral-data')).toEqual([]);
  });

  it('adds missing translation stamps only with --stamp, from the final text of each twin', async () => {
    const { dir, home } = messyStrategy();
    for (const lang of ['sv', 'fi']) edit(join(home, `goal.${lang}.md`), (t) => t.replace(/^twin-hash:.*\n/m, ''));
    await run(['fix', dir, '--from', 'sv', '--apply']);
    expect(data(join(home, 'goal.sv.md'))).not.toHaveProperty('twin-hash');
    const { out } = await run(['fix', dir, '--stamp', '--apply']);
    expect(out).toContain('translation stamp added');
    expect(data(join(home, 'goal.sv.md'))['twin-hash']).toMatch(/^[0-9a-f]{12}$/);
    const status = translationStatus(loadStrategy(dir).graph).find((row) => row.id === 'goal-older-home');
    expect(status?.status).toBe('in-sync');
  });

  it('rejects an unknown language with exit 2', async () => {
    const fixture = tempStrategy();
    cleanup = fixture.cleanup;
    const { code, err } = await run(['fix', fixture.dir, '--from', 'en']);
    expect(code).toBe(2);
    expect(err).toContain('expected one of sv, fi');
  });
});

describe('edit helpers', () => {
  it('inserts a missing field after the field that precedes it in the twin', () => {
    const yaml = 'id: a\n# keep me\ntitle: T\nstatus: planned\n';
    const result = editFields(yaml, new Map([['order', { value: 2, lines: 'order: 2\n' }]]), ['id', 'order', 'title', 'status'])!;
    expect(result).toEqual({ yaml: 'id: a\norder: 2\n# keep me\ntitle: T\nstatus: planned\n', method: 'lines' });
  });

  it('falls back to the Document API for a flow-style front-matter', () => {
    const result = editFields('{ id: a, order: 1 }\n', new Map([['order', { value: 2 }]]))!;
    expect(result.method).toBe('document');
    expect(parseDocument(result.yaml).toJS()).toEqual({ id: 'a', order: 2 });
  });

  it('keeps trailing blanks that are content in a block scalar', () => {
    const text = '---\nnote: |\n  line   \n---\nText  \n';
    expect(normaliseText(text).text).toBe('---\nnote: |\n  line   \n---\nText\n');
  });

  it('shows a unified diff with removals before additions', () => {
    expect(unifiedDiff('a\nb\nc\n', 'a\nB\nc\n', 'x.md')).toBe('--- a/x.md\n+++ b/x.md\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n');
  });
});
