/**
 * Random faults in a copy of schema/ never crash the loader: it returns the schema or throws a SchemaError whose every
 * problem is in a file of the folder, at a line of that file. In this process, for speed; bad-schema.test.ts runs the
 * command line.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSchemaSet, SchemaError } from '../../src/load/schema.ts';
import { repoSchema } from '../helpers/fixtures.ts';

const folder = mkdtempSync(join(tmpdir(), 'mutate-schema-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const files = ['project.json', 'defs.schema.json', ...readdirSync(join(repoSchema, 'kinds')).map((name) => `kinds/${name}`)];

type Mutation = { file: string } & ({ kind: 'text'; at: number; remove: number; insert: string } | { kind: 'value'; pick: number; value: unknown } | { kind: 'drop'; pick: number } | { kind: 'rename'; pick: number; name: string });

/** The places of a JSON value: [parent, key] pairs, in document order. */
function places(value: unknown, out: [Record<string, unknown> | unknown[], string | number][] = []): typeof out {
  if (Array.isArray(value)) value.forEach((item, i) => (out.push([value, i]), places(item, out)));
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) (out.push([value as Record<string, unknown>, key]), places(item, out));
  return out;
}

function mutate(text: string, mutation: Mutation): string {
  if (mutation.kind === 'text') {
    const at = mutation.at % (text.length + 1);
    return text.slice(0, at) + mutation.insert + text.slice(at + mutation.remove);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return text; // an earlier mutation broke the text: nothing to mutate structurally
  }
  const all = places(value);
  if (all.length === 0) return text;
  const [parent, key] = all[mutation.pick % all.length]!;
  if (mutation.kind === 'value') (parent as Record<string | number, unknown>)[key] = mutation.value;
  else if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else if (mutation.kind === 'drop') delete parent[key as string];
  else {
    parent[mutation.name] = parent[key as string];
    if (mutation.name !== key) delete parent[key as string];
  }
  return `${JSON.stringify(value, null, 2)}\n`;
}

const mutation: fc.Arbitrary<Mutation> = fc.constantFrom(...files).chain((file) =>
  fc.oneof(
    fc.record({ file: fc.constant(file), kind: fc.constant('text' as const), at: fc.nat(), remove: fc.nat({ max: 3 }), insert: fc.constantFrom('', '{', '}', '[', ']', '"', ',', ':', 'x', '\\', '\n') }),
    fc.record({ file: fc.constant(file), kind: fc.constant('value' as const), pick: fc.nat(), value: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom('goal', 'nokind', 'array', 'x-kind', '#/$defs/id')) }),
    fc.record({ file: fc.constant(file), kind: fc.constant('drop' as const), pick: fc.nat() }),
    fc.record({ file: fc.constant(file), kind: fc.constant('rename' as const), pick: fc.nat(), name: fc.constantFrom('x-kind', 'x-label', 'x-role', 'x-show', 'minItems', 'type', '$ref', '$id', 'itemz', 'x-parent-kinds', 'x-link-kinds') }),
  ),
);

describe('random faults in schema/', () => {
  it('are a SchemaError with located problems, never another exception', () => {
    let run = 0;
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        const dir = join(folder, String(run++));
        cpSync(repoSchema, dir, { recursive: true });
        for (const m of mutations) {
          const path = join(dir, m.file);
          writeFileSync(path, mutate(readFileSync(path, 'utf8'), m));
        }
        try {
          loadSchemaSet(dir, { cwd: dir });
        } catch (error) {
          if (!(error instanceof SchemaError)) throw error;
          expect(error.problems.length).toBeGreaterThan(0);
          for (const problem of error.problems) {
            expect(problem.message).not.toMatch(/undefined|\[object Object\]/);
            if (problem.line === undefined) continue;
            const text = readFileSync(join(dir, problem.path), 'utf8');
            expect(problem.line).toBeGreaterThanOrEqual(1);
            expect(problem.line).toBeLessThanOrEqual(text.split('\n').length);
            expect(relative(dir, join(dir, problem.path)).startsWith('..')).toBe(false);
          }
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: Number(process.env['FUZZ_RUNS'] ?? 100), seed: 17 },
    );
  }, 120_000);
});
