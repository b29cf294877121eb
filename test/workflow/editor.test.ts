import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { cachedSchemaSet } from '../../src/load/schema-cache.ts';
import { loadStrategy } from '../../src/pipeline.ts';
import { kindProperties } from '../../src/edit/schema-props.ts';
import { cmsConfig, renderCmsConfig } from '../../src/cms/config.ts';
import { frontMatterSchema, renderFrontMatterSchema } from '../../src/cms/editor-schema.ts';
import { outputs } from '../../src/cms/generate.ts';
import type { SchemaSet } from '../../src/model/types.ts';
import { repoRoot, run } from './helpers.ts';

type Field = { name: string; widget: string; i18n?: boolean | string; required?: boolean; options?: unknown[]; collection?: string; multiple?: boolean; fields?: Field[]; default?: unknown };
type Collection = { name: string; folder: string; filter?: { field: string; value: string }; i18n: boolean; hide?: boolean; fields: Field[] };

const schema = cachedSchemaSet(join(repoRoot, 'schema'));

function coversEveryKind(set: SchemaSet, config: Record<string, unknown>): void {
  const all = config['collections'] as Collection[];
  // One hidden collection of every item, the target of link fields that take several kinds.
  const collections = all.filter((c) => !c.hide);
  expect(collections.map((c) => c.name).sort()).toEqual([...set.kinds.keys()].sort());
  for (const collection of collections) {
    const kind = set.kinds.get(collection.name)!;
    expect(collection.filter).toEqual({ field: 'kind', value: kind.kind });
    expect(collection.i18n).toBe(true);
    const fields = new Map(collection.fields.map((f) => [f.name, f]));
    expect(fields.get('body')).toMatchObject({ widget: 'markdown', i18n: true });
    for (const property of kindProperties(set, kind)) {
      const field = fields.get(property.name);
      expect(field, `${kind.kind}.${property.name}`).toBeDefined();
      // Per language: translated text, the stamp (each file's own), and objects and lists (Decap duplicates neither).
      const perLanguage = property.translatable || property.name === 'twin-hash' || field!.widget === 'object' || field!.widget === 'list';
      expect(field!.i18n, `${kind.kind}.${property.name}`).toBe(perLanguage ? true : 'duplicate');
      expect(field!.required === false, `${kind.kind}.${property.name} required`).toBe(!property.required);
      const values = property.schema['enum'];
      if (Array.isArray(values)) expect(field).toMatchObject({ widget: 'select', options: values });
      if (property.linkKinds.length > 1) expect(field).toMatchObject({ widget: 'relation', collection: 'any-item', filters: [{ field: 'kind', values: property.linkKinds }] });
      if (property.linkKinds.length === 1) {
        expect(field).toMatchObject({ widget: 'relation', collection: property.linkKinds[0] });
        expect(all.some((c) => c.name === field!.collection)).toBe(true);
        expect(field!.multiple === true).toBe(Array.isArray(property.schema['type']) ? false : property.schema['type'] === 'array');
      }
    }
    expect(fields.get('kind')).toMatchObject({ widget: 'hidden', default: kind.kind });
  }
}

describe('CMS configuration', () => {
  it('is the generator output, committed', () => {
    expect(readFileSync(join(repoRoot, outputs.cms), 'utf8')).toBe(renderCmsConfig(schema));
  });

  it('edits both languages side by side as twin files, with the project languages', () => {
    const config = parse(readFileSync(join(repoRoot, outputs.cms), 'utf8')) as Record<string, unknown>;
    expect(config['i18n']).toEqual({ structure: 'multiple_files', locales: [...schema.project.languages], default_locale: schema.project.primaryLanguage });
    for (const collection of config['collections'] as Collection[]) expect(collection.folder).toBe('strategy');
  });

  it('has one collection per kind in schema/, with fields, widgets and i18n taken from the kind', () => {
    coversEveryKind(schema, parse(readFileSync(join(repoRoot, outputs.cms), 'utf8')) as Record<string, unknown>);
  });

  it('follows another county\'s schema without knowing its kinds', () => {
    const other = cachedSchemaSet(join(repoRoot, 'test/fixtures/alt-hierarchy/schema'));
    coversEveryKind(other, cmsConfig(other));
  });
});

describe('editor schema for front-matter', () => {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats.default(ajv);

  it('is the generator output, committed, and mapped in .vscode/settings.json', () => {
    expect(readFileSync(join(repoRoot, outputs.editorSchema), 'utf8')).toBe(renderFrontMatterSchema(schema));
    const settings = JSON.parse(readFileSync(join(repoRoot, '.vscode/settings.json'), 'utf8')) as { 'yaml.schemas': Record<string, string[]> };
    for (const [path, globs] of Object.entries(settings['yaml.schemas'])) {
      expect(existsSync(join(repoRoot, path))).toBe(true);
      expect(globs).toContain('strategy/**/*.md');
    }
    expect(readFileSync(join(repoRoot, outputs.editorSchema), 'utf8')).not.toContain('"$ref"');
  });

  it('accepts every item of a valid strategy and rejects what check rejects', () => {
    const validate = ajv.compile(frontMatterSchema(schema));
    const { graph } = loadStrategy(join(repoRoot, 'test/fixtures/mini/strategy'), { schemaDir: join(repoRoot, 'schema') });
    for (const file of graph.files) expect(validate(file.data), `${file.path}: ${JSON.stringify(validate.errors)}`).toBe(true);
    const measure = graph.get('measure-living-at-home')!.data;
    expect(validate({ ...measure, type: 'counts' })).toBe(false);
    expect(validate({ ...measure, unknown: 1 })).toBe(false);
    const { type: _dropped, ...withoutType } = measure;
    expect(validate(withoutType)).toBe(false);
  });
});

describe('VS Code tasks', () => {
  it('reads the positions of `check --format github` into the Problems panel', async () => {
    const tasks = JSON.parse(readFileSync(join(repoRoot, '.vscode/tasks.json'), 'utf8')) as {
      tasks: { label: string; command: string; problemMatcher: { pattern: { regexp: string; file: number; line: number; column: number; code: number } } | [] }[];
    };
    const check = tasks.tasks.find((task) => task.label === 'strategy: check')!;
    expect(check.command).toBe('npx strategy check --format github');
    const matcher = check.problemMatcher as { pattern: { regexp: string; file: number; line: number; column: number; code: number } };
    const { out } = await run(['check', 'test/fixtures/ten-faults/strategy', '--schema', join(repoRoot, 'schema'), '--format', 'github']);
    const pattern = new RegExp(matcher.pattern.regexp);
    const lines = out.trimEnd().split('\n');
    for (const line of lines) expect(line).toMatch(pattern);
    const problems = lines.map((line) => pattern.exec(line)!).map((m) => [m[matcher.pattern.file], m[matcher.pattern.line], m[matcher.pattern.column], m[matcher.pattern.code]]);
    expect(problems).toContainEqual(['test/fixtures/ten-faults/strategy/g.sv.md', '7', '23', 'link-target']);
  });
});
