import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cmsConfig } from '../../src/cms/config.ts';
import { cachedSchemaSet } from '../../src/load/schema-cache.ts';
import { repoRoot } from '../helpers/fixtures.ts';

type Field = { name: string; label: string; widget: string; hint?: string; fields?: Field[]; field?: Field };
type Collection = { name: string; hide?: boolean; fields: Field[]; nested?: unknown; meta?: unknown; media_folder?: string };

const schema = cachedSchemaSet(join(repoRoot, 'schema'));
const config = cmsConfig(schema) as { locale: string; collections: Collection[] };

/** Every field an editor sees, nested ones included, with where it is. */
function visibleFields(): { at: string; field: Field }[] {
  const found: { at: string; field: Field }[] = [];
  const walk = (field: Field, at: string) => {
    if (field.widget !== 'hidden') found.push({ at: `${at}.${field.name}`, field });
    for (const inner of [...(field.fields ?? []), ...(field.field ? [field.field] : [])]) walk(inner, `${at}.${field.name}`);
  };
  for (const collection of config.collections.filter((c) => !c.hide)) for (const field of collection.fields) walk(field, collection.name);
  return found;
}

describe('the generated CMS configuration', () => {
  it('labels every field the editor sees in Swedish and Finnish, from the schema', () => {
    const fields = visibleFields();
    expect(fields.length).toBeGreaterThan(100);
    for (const { at, field } of fields) expect(field.label, at).toMatch(/^[^/]+ \/ [^/]+$/);
    // No English left from a schema's `description`: the hints are its `x-hint` in both languages.
    for (const { at, field } of fields) if (field.hint) expect(field.hint, at).toMatch(/ \/ /);
    const title = fields.find(({ at }) => at === 'goal.title')!.field;
    expect(title.label).toBe('Rubrik / Otsikko');
  });

  it('opens the items in their folders, saves new ones where the editor says, and keeps images beside them', () => {
    expect(config.locale).toBe('sv');
    for (const collection of config.collections) {
      expect(collection.nested, collection.name).toEqual({ depth: 12, summary: '{{title}}' });
      expect(collection.meta, collection.name).toEqual({ path: { widget: 'string', label: 'Mapp / Kansio' } });
      expect(collection.media_folder, collection.name).toBe('images');
    }
  });
});
