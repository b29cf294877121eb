/**
 * A bad schema/ is a located message, never a crash: each case is a copy of the shipped schema/ with one small edit,
 * made at test time (so that the cases follow schema/ as it changes), checked by `strategy check` (in this process, and
 * through the real command line for the cases that are about it). Each asserts
 * exit 2, the line `path:line:column: error: ... [rule-id]` at the exact place of the fault, and no stack trace.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { runMain } from '../helpers/cli.ts';
import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { repoRoot } from '../helpers/fixtures.ts';
import { runStrategy, scratchFolder, stackFrame } from '../hostile-build/cases.ts';

const scratch = scratchFolder('bad-schema-');
const mini = join(repoRoot, 'test/fixtures/mini/strategy');

/** One edit of a file of schema/ (its first match only), and where in the edited text the fault then stands. */
interface Edit {
  file: string;
  find: string | RegExp;
  replace: string;
  /** Text within `replace` at which the message must point; `after` for the first character after it. */
  at?: string | 'after';
}

interface Case {
  name: string;
  edits: Edit[];
  ruleId: string;
  /** A word the message must hold (what was found). */
  says: RegExp;
}

const cases: Case[] = [
  {
    name: 'a keyword for arrays without "type": "array" (ajv strict mode)',
    edits: [{ file: 'kinds/goal.schema.json', find: '"properties": {', replace: '"properties": {\n    "promised": { "minItems": 1, "items": { "type": "string" } },', at: '"minItems"' }],
    ruleId: 'schema-invalid',
    says: /"minItems" in a schema without "type": "array"/,
  },
  {
    name: 'a file that is not JSON',
    edits: [{ file: 'kinds/value.schema.json', find: /"x-kind": "value",/, replace: '"x-kind": "value"', at: 'after' }],
    ruleId: 'schema-syntax',
    says: /Invalid JSON: Expected ',' or '}' after property value/,
  },
  {
    name: 'a key twice in one object (JSON.parse would keep the last)',
    edits: [{ file: 'kinds/promise.schema.json', find: /"x-kind": "promise",/, replace: '"x-kind": "promise",\n  "x-kind" : "promise",', at: '"x-kind" :' }],
    ruleId: 'schema-syntax',
    says: /key "x-kind" again in the same object/,
  },
  {
    name: 'x-link-kinds naming a kind that no schema declares',
    edits: [{ file: 'kinds/goal.schema.json', find: '"properties": {', replace: '"properties": {\n    "rivals": { "$ref": "../defs.schema.json#/$defs/refs", "x-link-kinds": ["rivall"] },', at: '"rivall"' }],
    ruleId: 'schema-unknown-kind',
    says: /kind "rivall" in x-link-kinds/,
  },
  {
    name: 'a typo in a keyword (strict mode)',
    edits: [{ file: 'kinds/milestone.schema.json', find: /"x-kind": "milestone",/, replace: '"x-kind": "milestone",\n  "descripton": "A typo",', at: '"descripton"' }],
    ruleId: 'schema-invalid',
    says: /keyword "descripton"[^\n]*\n {2}hint: did you mean "description"\?/,
  },
  {
    name: 'x-label that is a text instead of language → text',
    edits: [{ file: 'kinds/action.schema.json', find: /"x-label": \{[^}]*\}/, replace: '"x-label": "Åtgärd"', at: '"Åtgärd"' }],
    ruleId: 'schema-invalid',
    says: /text "Åtgärd" as x-label, expected an object of language → text/,
  },
  {
    name: 'an x-role that the renderers do not know',
    edits: [{ file: 'kinds/goal.schema.json', find: '"properties": {', replace: '"properties": {\n    "motto": { "type": "string", "x-role": "motto" },', at: '"motto" }' }],
    ruleId: 'schema-invalid',
    says: /text "motto" as x-role, expected one of the roles/,
  },
  {
    name: 'a kind keyword on a property',
    edits: [{ file: 'kinds/goal.schema.json', find: '"properties": {', replace: '"properties": {\n    "motto": { "type": "string", "x-numbered": true },', at: '"x-numbered"' }],
    ruleId: 'schema-invalid',
    says: /"x-numbered" below the root of a schema/,
  },
  {
    name: 'x-matrix naming a field that is not a link field',
    edits: [{ file: 'kinds/section.schema.json', find: /"x-kind": "section",/, replace: '"x-kind": "section",\n  "x-matrix": ["title"],', at: '"title"' }],
    ruleId: 'schema-unknown-field',
    says: /"title" in x-matrix, expected a link field of section/,
  },
  {
    name: 'x-enum-labels naming a value the field does not have',
    edits: [{ file: 'kinds/goal.schema.json', find: '"properties": {', replace: '"properties": {\n    "tone": { "enum": ["calm"], "x-enum-labels": { "clam": { "sv": "Lugn" } } },', at: '"clam"' }],
    ruleId: 'schema-unknown-value',
    says: /"clam" in x-enum-labels, expected one of the field's values: calm/,
  },
  {
    name: 'an unknown key in project.json',
    edits: [{ file: 'project.json', find: /"languages":/, replace: '"langauges": ["sv"],\n  "languages":', at: '"langauges"' }],
    ruleId: 'schema-invalid',
    says: /key "langauges"[^\n]*\n {2}hint: did you mean "languages"\?/,
  },
  {
    name: 'a $ref to a definition that does not exist',
    edits: [{ file: 'kinds/goal.schema.json', find: '"properties": {', replace: '"properties": {\n    "rank": { "$ref": "../defs.schema.json#/$defs/ordr" },', at: '"../defs.schema.json#/$defs/ordr"' }],
    ruleId: 'schema-ref',
    says: /\$ref "..\/defs.schema.json#\/\$defs\/ordr"[^\n]*\n {2}hint: did you mean "..\/defs.schema.json#\/\$defs\/order"\?/,
  },
  {
    name: 'two files with one $id',
    edits: [{ file: 'kinds/value.schema.json', find: /"\$id": "[^"]*"/, replace: '"$id": "kinds/promise.schema.json"', at: '"kinds/promise.schema.json"' }],
    ruleId: 'schema-duplicate',
    says: /\$id "kinds\/promise.schema.json" again/,
  },
];

/** The line and column of an offset, as the messages count them (1-based, in UTF-16 code units). */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  return `${before.split('\n').length}:${offset - before.lastIndexOf('\n')}`;
}

/** Copies schema/ into a project folder, applies the edits and returns where each one's fault stands. */
function makeSchema(folder: string, edits: readonly Edit[]): string[] {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  cpSync(join(repoRoot, 'schema'), join(folder, 'schema'), { recursive: true });
  return edits.map((edit) => {
    const path = join(folder, 'schema', edit.file);
    const text = readFileSync(path, 'utf8');
    const match = typeof edit.find === 'string' ? { index: text.indexOf(edit.find) } : edit.find.exec(text);
    if (!match || match.index < 0) throw new Error(`schema/${edit.file} no longer has ${String(edit.find)}: update this case`);
    const length = typeof edit.find === 'string' ? edit.find.length : (match as RegExpExecArray)[0].length;
    const edited = text.slice(0, match.index) + edit.replace + text.slice(match.index + length);
    writeFileSync(path, edited);
    let offset = match.index + (edit.at === 'after' ? edit.replace.length : edit.replace.indexOf(edit.at ?? edit.replace));
    if (edit.at === 'after') while (/\s/.test(edited[offset] ?? '')) offset++;
    return `schema/${edit.file}:${lineColumn(edited, offset)}`;
  });
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * `strategy check` of the mini strategy against a project's schema/, in this process (main() is what bin/strategy.js
 * runs; the cases below that must go through the real command line spawn it). Returns what it printed and, for the
 * places makeSchema gives, the prefix the messages carry: the schema folder as seen from this process's folder.
 */
async function checkInProcess(project: string): Promise<{ code: number; stdout: string; stderr: string; at: (place: string) => string }> {
  const run = await runMain(['check', mini, '--schema', join(project, 'schema')]);
  const prefix = relative(process.cwd(), project).split('\\').join('/');
  return { ...run, at: (place) => `${prefix}/${place}` };
}

describe('a bad schema/ is a located message, exit 2, never a stack trace', () => {
  for (const testCase of cases) {
    it(testCase.name, async () => {
      const project = join(scratch(), testCase.name.replace(/\W+/g, '-'));
      const [place] = makeSchema(project, testCase.edits);
      const run = await checkInProcess(project);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toMatch(new RegExp(`^${escape(run.at(place!))}: error: [^\\n]*\\[${testCase.ruleId}\\]$`, 'm'));
      expect(run.stderr).toMatch(testCase.says);
      expect(run.stderr).not.toMatch(stackFrame);
      expect(run.stderr).not.toContain('internal error');
      expect(run.stdout).toBe('');
    });
  }

  it('a loop of parent kinds, reported at each kind on it', async () => {
    const project = join(scratch(), 'cycle');
    const places = makeSchema(project, [
      { file: 'kinds/section.schema.json', find: /"x-parent-kinds": \[[^\]]*\]/, replace: '"x-parent-kinds": ["goal"]', at: '"goal"' },
      { file: 'kinds/goal.schema.json', find: /"x-parent-kinds": \[[^\]]*\]/, replace: '"x-parent-kinds": ["section"]', at: '"section"' },
    ]);
    const run = await checkInProcess(project);
    expect(run.code).toBe(2);
    for (const place of places) expect(run.stderr).toMatch(new RegExp(`^${escape(run.at(place))}: error: Unexpected loop of parent kinds [^\\n]*\\[schema-kind-cycle\\]$`, 'm'));
    expect(run.stderr).toContain('section → goal → section');
    expect(run.stderr).not.toMatch(stackFrame);
  });

  it('a kind under itself is no loop when it can also sit under a root kind', async () => {
    const project = join(scratch(), 'self');
    makeSchema(project, [{ file: 'kinds/section.schema.json', find: /"x-parent-kinds": \[[^\]]*\]/, replace: '"x-parent-kinds": ["section", "document"]' }]);
    expect((await checkInProcess(project)).code).toBe(0);
  });

  it('reports every bad file in one run', () => {
    const project = join(scratch(), 'all');
    // One edit per file: the first case that edits each file.
    const edits = cases.flatMap((c) => c.edits.map((edit) => ({ edit, ruleId: c.ruleId }))).filter((e, i, all) => all.findIndex((o) => o.edit.file === e.edit.file) === i);
    const places = makeSchema(project, edits.map((e) => e.edit));
    const run = runStrategy(['check', mini, '--schema', 'schema'], { cwd: project });
    expect(run.code).toBe(2);
    expect(new Set(edits.map((e) => e.edit.file)).size).toBeGreaterThanOrEqual(5);
    edits.forEach(({ ruleId }, i) => expect(run.stderr).toMatch(new RegExp(`^${escape(places[i]!)}: error: [^\\n]*\\[${ruleId}\\]$`, 'm')));
    const count = run.stderr.match(/^schema\/\S+:\d+:\d+: error: /gm)?.length ?? 0;
    expect(run.stderr).toContain(`strategy check: ${count} problems in the schema folder; nothing was done`);
    expect(run.stderr).not.toMatch(stackFrame);
  });

  it('a missing schema folder or project.json: named, exit 2', () => {
    const project = join(scratch(), 'missing');
    makeSchema(project, []);
    rmSync(join(project, 'schema/project.json'));
    const run = runStrategy(['check', mini, '--schema', 'schema'], { cwd: project });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^schema\/project\.json: error: Cannot read schema\/project\.json: no such file[^\n]*\[schema-unreadable\]$/m);
    const none = runStrategy(['check', mini, '--schema', 'nowhere'], { cwd: project });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^nowhere: error: Cannot read the schema folder nowhere[^\n]*\[schema-unreadable\]$/m);
    expect(none.stderr).not.toMatch(stackFrame);
  });
});

describe('the CMS generator', () => {
  const generate = (args: string[], cwd: string) => {
    const result = spawnSync(process.execPath, [join(repoRoot, 'src/cms/generate.ts'), ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  it('answers --help with its usage, exit 0', () => {
    const run = generate(['--help'], scratch());
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: node src\/cms\/generate\.ts/);
    expect(run.stderr).toBe('');
  });

  it('answers a bad option or argument with the usage, exit 2, no stack trace', () => {
    for (const args of [['--frobnicate'], ['extra'], ['--schema']]) {
      const run = generate(args, scratch());
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toContain('Usage: node src/cms/generate.ts');
      expect(run.stderr).not.toMatch(stackFrame);
    }
  });

  it('gives a bad schema/ the same located message, exit 2, and writes nothing', () => {
    const project = join(scratch(), 'generate');
    const [place] = makeSchema(project, cases[0]!.edits);
    const run = generate(['--schema', 'schema'], project);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^${escape(place!)}: error: [^\\n]*\\[schema-invalid\\]$`, 'm'));
    expect(run.stderr).toContain('generate: 1 problem in the schema folder; nothing was written');
    expect(run.stderr).not.toMatch(stackFrame);
    expect(run.stdout).toBe('');
  });
});

describe('our meta-schema', () => {
  it('is itself a valid JSON Schema (it is not checked at run time)', () => {
    const ajv = new Ajv2020({ strict: true });
    const meta = JSON.parse(readFileSync(join(repoRoot, 'src/load/meta-schema.json'), 'utf8')) as object;
    expect(ajv.validateSchema(meta), JSON.stringify(ajv.errors)).toBe(true);
  });
});
