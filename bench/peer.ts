/**
 * (c) the peer: remark-cli with remark-lint-frontmatter-schema, validating the same front-matter against the
 * same schemas. The plugin runs ajv in its default mode (draft-07) and cannot load our draft 2020-12 schemas
 * ("no schema with key or ref https://json-schema.org/draft/2020-12/schema"), so it gets a flattened copy:
 * `$ref`s inlined, `$schema`/`$id` and our `x-*` keywords removed, every constraint kept.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

type Json = unknown;

function inline(node: Json, defs: Record<string, Json>): Json {
  if (Array.isArray(node)) return node.map((n) => inline(n, defs));
  if (!node || typeof node !== 'object') return node;
  const object = node as Record<string, Json>;
  const ref = object['$ref'];
  if (typeof ref === 'string') {
    const name = ref.split('/').at(-1)!;
    const target = defs[name];
    if (target === undefined) throw new Error(`cannot inline ${ref}`);
    const { $ref: _ref, ...rest } = object;
    return inline({ ...(target as Record<string, Json>), ...rest }, defs);
  }
  return Object.fromEntries(
    Object.entries(object)
      .filter(([key]) => !key.startsWith('x-') && key !== '$schema' && key !== '$id' && key !== '$defs')
      .map(([key, value]) => [key, key === 'properties' ? Object.fromEntries(Object.entries(value as Record<string, Json>).map(([k, v]) => [k, inline(v, defs)])) : inline(value, defs)]),
  );
}

/** Which generated files hold which kind: the generator's folder layout. */
const globs: Record<string, string[]> = {
  document: ['strategy/document.*.md'],
  section: ['strategy/**/section.*.md'],
  value: ['strategy/**/values/*.md'],
  promise: ['strategy/**/promises/*.md'],
  'strategic-goal': ['strategy/**/strategic-goals/*.md'],
  goal: ['strategy/**/goal.*.md'],
  action: ['strategy/**/actions/*.md'],
  measure: ['strategy/**/measures/*.md'],
  milestone: ['strategy/**/milestones/*.md'],
  chapter: ['strategy/**/chapters/*.md'],
};

/** Writes bench/data/<N>/peer-schemas/*.json and bench/data/<N>/.remarkrc.json; remark-cli is then run in that folder. */
export function preparePeer(sizeDir: string, schemaDir: string): void {
  const defs = (JSON.parse(readFileSync(join(schemaDir, 'defs.schema.json'), 'utf8')) as { $defs: Record<string, Json> }).$defs;
  const out = join(sizeDir, 'peer-schemas');
  mkdirSync(out, { recursive: true });
  const schemas: Record<string, string[]> = {};
  for (const name of readdirSync(join(schemaDir, 'kinds'))) {
    const schema = JSON.parse(readFileSync(join(schemaDir, 'kinds', name), 'utf8')) as Record<string, Json>;
    const kind = String(schema['x-kind']);
    writeFileSync(join(out, name), `${JSON.stringify(inline(schema, defs), null, 2)}\n`);
    if (globs[kind]) schemas[relative(sizeDir, join(out, name))] = globs[kind]!;
  }
  const config = { plugins: ['remark-frontmatter', 'remark-gfm', ['remark-lint-frontmatter-schema', { schemas }]] };
  writeFileSync(join(sizeDir, '.remarkrc.json'), `${JSON.stringify(config, null, 2)}\n`);
}
