/**
 * A process that checks again and again (an editor's `strategy dev`, the tests) compiles schema/ once, and still sees
 * every edit of it at the next check: a field made required is reported at once, and taking the edit back clears it.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { loadStrategy } from '../../src/pipeline.ts';
import { repoRoot } from '../helpers/fixtures.ts';

const temp = mkdtempSync(join(tmpdir(), 'schema-cache-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

it('sees an edit of schema/ at the next check in the same process, and its undoing', () => {
  const strategy = join(temp, 'strategy');
  const schema = join(temp, 'schema');
  cpSync(join(repoRoot, 'test/fixtures/mini/strategy'), strategy, { recursive: true });
  cpSync(join(repoRoot, 'schema'), schema, { recursive: true });
  const errors = () => loadStrategy(strategy, { schemaDir: schema }).messages.filter((m) => m.ruleId === 'front-matter-schema').length;
  expect(errors()).toBe(0);
  const file = join(schema, 'kinds/value.schema.json');
  const original = readFileSync(file, 'utf8');
  const value = JSON.parse(original) as { required: string[] };
  writeFileSync(file, JSON.stringify({ ...value, required: [...value.required, 'origin'] }));
  expect(errors()).toBeGreaterThan(0);
  writeFileSync(file, original);
  expect(errors()).toBe(0);
});

it('sees an edit of a file the kinds refer to (defs.schema.json) in every kind that refers to it, and its undoing', () => {
  const strategy = join(temp, 'strategy-defs');
  const schema = join(temp, 'schema-defs');
  cpSync(join(repoRoot, 'test/fixtures/mini/strategy'), strategy, { recursive: true });
  cpSync(join(repoRoot, 'schema'), schema, { recursive: true });
  const badIds = () => loadStrategy(strategy, { schemaDir: schema }).messages.filter((m) => m.ruleId === 'front-matter-schema' && /\bid\b/.test(m.reason));
  expect(badIds()).toEqual([]);
  const file = join(schema, 'defs.schema.json');
  const original = readFileSync(file, 'utf8');
  const defs = JSON.parse(original) as { $defs: { id: { pattern: string } } };
  // Ids of at most five characters: every item of the mini fixture has a longer one.
  defs.$defs.id.pattern = '^[a-z0-9]{1,5}$';
  writeFileSync(file, JSON.stringify(defs));
  const files = new Set(badIds().map((m) => m.file));
  // Items of several kinds, each validated by its kind's schema through the one definition.
  expect(files.size).toBeGreaterThan(10);
  writeFileSync(file, original);
  expect(badIds()).toEqual([]);
});
