/**
 * Ids cannot collide with the site's own pages or with Windows device names: src/model/reserved-ids.ts, which the
 * site's routes read, and the `ids-*` cases of test/fixtures/hostile-build/: `check` refuses each at the id, in both
 * files, and `build` refuses to start (exit 1, check's report, no stack trace, no out/).
 */
import { describe, expect, it } from 'vitest';
import { lstatSync } from 'node:fs';
import { join, relative } from 'node:path';
import { reservation, specialPages, specialSlug } from '../../src/model/reserved-ids.ts';
import * as routes from '../../site/src/lib/routes.ts';
import { repoSchema } from '../helpers/fixtures.ts';
import { casesWithPrefix, scratchFolder, makeProject, readCase, stackFrame, runCheck, type Case } from './cases.ts';
import { runMain } from '../helpers/cli.ts';

describe('reserved ids (src/model/reserved-ids.ts)', () => {
  it('is where the site takes its pages and slugs from, so the two cannot drift', () => {
    expect(routes.specialSlug).toBe(specialSlug);
    expect(routes.specialPages).toBe(specialPages);
  });

  it("reserves every slug of the site's own pages, in both languages and in any case", () => {
    for (const lang of ['sv', 'fi']) {
      for (const page of specialPages) {
        const slug = specialSlug(lang, page);
        expect(reservation(slug, ['sv', 'fi']), slug).toMatchObject({ by: 'page', page, lang });
        expect(reservation(slug.toUpperCase(), ['sv', 'fi']), slug).toBeDefined();
      }
    }
    expect(['sok', 'haku', 'strategikarta', 'strategiakartta', 'tillganglighetsutlatande', 'saavutettavuusseloste', 'ladda-ner', 'lataa'].every((id) => reservation(id, ['sv', 'fi']))).toBe(true);
  });

  it('reserves the Windows device names in any case, alone or before a dot, and nothing near them', () => {
    for (const id of ['con', 'CON', 'Prn', 'aux', 'nul', 'com1', 'COM9', 'lpt1', 'lpt9', 'com\u00b9', 'con.x', 'NUL.tar.gz']) expect(reservation(id, ['sv', 'fi']), id).toMatchObject({ by: 'windows' });
    for (const id of ['console', 'com0', 'com10', 'lpt', 'lpt0', 'nullable', 'con-x', 'sok-x', 'haku-palvelu', 'x.con']) expect(reservation(id, ['sv', 'fi']), id).toBeUndefined();
  });
});

interface IdsCase extends Case {
  exitCode: number;
  diagnostics: { file: string; line: number; column: number; ruleId: string }[];
  buildExitCode: number;
}

const scratch = scratchFolder('hostile-ids-');

const cases = casesWithPrefix('ids-');

it('has the ids cases', () => {
  expect(cases.length).toBeGreaterThanOrEqual(3);
});

describe.each(cases)('hostile build %s', (name) => {
  const testCase = readCase(name) as IdsCase;

  it('is refused by check at the id, and build never starts', { timeout: 120_000 }, async () => {
    const { project, strategy } = makeProject(scratch(), name, testCase);
    const check = await runCheck(['strategy', '--schema', repoSchema, '--format', 'json'], { cwd: project });
    expect(check.stderr).toBe('');
    expect(check.code).toBe(testCase.exitCode);
    const messages = (JSON.parse(check.stdout) as { messages: { file: string; line: number; column: number; ruleId: string; severity: string }[] }).messages;
    const errors = messages.filter((m) => m.severity === 'error').map((m) => ({ file: relative(strategy, join(project, m.file)), line: m.line, column: m.column, ruleId: m.ruleId }));
    const order = (a: { file: string }, b: { file: string }) => (a.file < b.file ? -1 : 1);
    expect(errors.sort(order)).toEqual([...testCase.diagnostics].sort(order));

    const build = await runMain(['build', 'strategy', '--schema', repoSchema, '--out', 'out'], { cwd: project });
    expect(build.code, build.stderr).toBe(testCase.buildExitCode);
    expect(build.stderr).toContain('build refused: check found');
    expect(build.stderr).toContain('reserved-id');
    expect(build.stderr).not.toMatch(stackFrame);
    expect(build.stderr).not.toContain('Two pages want');
    expect(lstatSync(join(project, 'out'), { throwIfNoEntry: false })).toBeUndefined();
  });
});
