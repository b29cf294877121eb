/**
 * The `numbers-*` and `chars-*` cases of test/fixtures/hostile-build/: values that check accepts render, in bounded time
 * and memory, and values that the site, the PDFs and the open data cannot show faithfully are refused by check, at the
 * value, so that build writes nothing. Each case's `case.json` says what comes out:
 * - `exitCode` 1, `refusedBy` and `diagnostics`: check and build exit 1, every error is of that rule, each expected
 *   message is there (file, line, column), `absentRules` report nothing, and build leaves no `out/`;
 * - `exitCode` 0: build finishes with `--only <only>`, under a memory limit, and writes what the case lists:
 *   `charts` (per measure, values its table shows as written; every measure page has one chart whose coordinates are
 *   finite numbers, with at most `maxTicks` ticks an axis) and `texts` (titles in the JSON export and the page, texts
 *   on the page, exactly as read).
 * The strategy is test/fixtures/mini/strategy with the case's `strategy/` laid over it; the items in `stamp` are
 * stamped first, so that no translation message hides what the case is about.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { maxTicks } from '../../site/src/lib/chart.ts';
import { repoSchema } from '../helpers/fixtures.ts';
import { runMain } from '../helpers/cli.ts';
import { casesWithPrefix, scratchFolder, makeProject, readCase, runStrategy, stackFrame, stampItems, runCheck, type Case } from './cases.ts';

interface ValuesCase extends Case {
  stamp?: string[];
  only: string;
  exitCode: 0 | 1;
  refusedBy?: string;
  diagnostics?: { file: string; line: number; column: number; ruleId: string }[];
  absentRules?: string[];
  /** Measure id → values its table shows, as formatted (with plain spaces for the no-break ones). */
  charts?: Record<string, string[]>;
  /** Item id → language → the title and the body text as the reader gets them. */
  texts?: Record<string, Record<string, { title: string; body: string }>>;
}

interface JsonMessage {
  file: string;
  line: number;
  column: number;
  severity: string;
  ruleId: string;
  message: string;
}

/** Hidden characters, bidirectional controls, control characters other than tab and line ends, lone surrogates. */
const hidden = /[\u200B-\u200D\u2060\uFEFF\u00AD\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029\u{E0000}-\u{E007F}]|[\uD800-\uDFFF]/u;

/** Build's own processes (Astro's included) get this much heap: a loop that never ends fails instead of filling the machine. */
const heapLimit = '--max-old-space-size=1024';

const scratch = scratchFolder('hostile-values-');

const cases = [...casesWithPrefix('numbers-'), ...casesWithPrefix('chars-')];

it('has the numbers and chars cases, refused and built', () => {
  const all = cases.map((name) => readCase(name) as ValuesCase);
  expect(all.filter((c) => c.exitCode === 0).length).toBeGreaterThanOrEqual(2);
  expect(all.filter((c) => c.exitCode === 1).length).toBeGreaterThanOrEqual(4);
});

function decode(html: string): string {
  return html
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The text of an HTML fragment: tags removed, references decoded. */
const textOf = (html: string) => decode(html.replace(/<[^>]*>/g, ''));

/** The one chart of a measure page: its numbers, its tick lines per axis, and its text. */
function chartOf(html: string): { numbers: string[]; svg: string; yTicks: number; xTicks: number } {
  const figures = html.match(/<figure class="chart">[\s\S]*?<\/figure>/g) ?? [];
  expect(figures).toHaveLength(1);
  const svg = figures[0]!.match(/<svg viewBox="0 0 640 260"[\s\S]*?<\/svg>/)![0];
  const numbers = [...svg.matchAll(/\s(?:x|y|x1|x2|y1|y2|cx|cy|r|width|height)="([^"]*)"/g), ...svg.matchAll(/\spoints="([^"]*)"/g)].flatMap((m) => m[1]!.split(/[\s,]+/).filter(Boolean));
  // Grid lines run across the plot (the value axis); tick marks hang below it (the year axis).
  const lines = [...svg.matchAll(/<line\b[^>]*?\sx1="([^"]*)" x2="([^"]*)" y1="([^"]*)" y2="([^"]*)"/g)];
  const yTicks = lines.filter((m) => m[1] === '72' && m[2] === '616' && m[3] === m[4] && m[3] !== '220').length;
  const xTicks = lines.filter((m) => m[1] === m[2] && m[3] === '220').length;
  return { numbers, svg, yTicks, xTicks };
}

describe.each(cases)('hostile build %s', (name) => {
  const testCase = readCase(name) as ValuesCase;

  it(testCase.exitCode === 0 ? 'is accepted by check, and build renders it, in bounded time and memory' : `is refused by ${testCase.refusedBy}, at the value, and build writes nothing`, { timeout: 240_000 }, async () => {
    const { project } = makeProject(scratch(), name, testCase);
    await stampItems(project, testCase.stamp ?? []);

    // check: the expected messages, at their place, and no other error.
    const checked = await runCheck(['strategy', '--format', 'json', '--schema', repoSchema], { cwd: project });
    expect(checked.stderr).toBe('');
    const report = JSON.parse(checked.stdout) as { messages: JsonMessage[] };
    const show = (m: { file: string; line: number; column: number; ruleId: string }) => `${m.file.replace(/^strategy\//, '')}:${m.line}:${m.column} ${m.ruleId}`;
    const errors = report.messages.filter((m) => m.severity === 'error');
    expect(checked.code, errors.map((m) => `${show(m)} ${m.message}`).join('\n')).toBe(testCase.exitCode);
    if (testCase.refusedBy) {
      expect(errors.length).toBeGreaterThan(0);
      expect(errors.filter((m) => m.ruleId !== testCase.refusedBy).map(show)).toEqual([]);
    }
    const got = report.messages.map(show);
    for (const diagnostic of testCase.diagnostics ?? []) expect(got, `missing ${show(diagnostic)}`).toContain(show(diagnostic));
    for (const ruleId of testCase.absentRules ?? []) expect(report.messages.filter((m) => m.ruleId === ruleId).map(show)).toEqual([]);
    // Messages name characters, never carry them.
    for (const message of report.messages) expect(hidden.test(message.message), message.message).toBe(false);

    // build: refused with the same messages and nothing written (in this process: a refusal starts no renderer), or
    // complete (as a process of its own, under a memory limit).
    const args = ['build', 'strategy', '--schema', repoSchema, '--out', 'out', '--only', testCase.only];
    const built = testCase.exitCode === 1 ? await runMain(args, { cwd: project }) : runStrategy(args, { cwd: project, env: { NODE_OPTIONS: heapLimit } });
    expect(built.stderr).not.toMatch(stackFrame);
    expect(built.code, built.stderr).toBe(testCase.exitCode);
    const out = join(project, 'out');
    if (testCase.exitCode === 1) {
      expect(built.stderr).toContain('build refused');
      expect(built.stderr).toContain(testCase.refusedBy);
      expect(existsSync(out)).toBe(false);
      return;
    }

    for (const [id, values] of Object.entries(testCase.charts ?? {})) {
      for (const lang of ['sv', 'fi']) {
        const html = readFileSync(join(out, 'site', lang, id, 'index.html'), 'utf8');
        const chart = chartOf(html);
        expect(chart.numbers.length).toBeGreaterThan(0);
        for (const number of chart.numbers) expect(Number.isFinite(Number(number)), `${lang}/${id}: ${number}`).toBe(true);
        expect(chart.svg).not.toMatch(/NaN|Infinity|∞/);
        expect(chart.yTicks).toBeGreaterThanOrEqual(1);
        expect(chart.yTicks).toBeLessThanOrEqual(maxTicks);
        expect(chart.xTicks).toBeGreaterThanOrEqual(1);
        expect(chart.xTicks).toBeLessThanOrEqual(maxTicks);
        const table = textOf(html.match(/<table class="data-table">[\s\S]*?<\/table>/)![0]).replace(/\u00a0/g, ' ');
        for (const value of values) expect(table, `${lang}/${id}`).toContain(value);
      }
    }

    for (const [id, languages] of Object.entries(testCase.texts ?? {})) {
      for (const [lang, { title, body }] of Object.entries(languages)) {
        const html = readFileSync(join(out, 'site', lang, id, 'index.html'), 'utf8');
        expect(textOf(html.match(/<h1[^>]*>([\s\S]*?)<\/h1>/)![1]!).trim()).toBe(title);
        expect(textOf(html)).toContain(body);
        expect(hidden.test(decode(html)), `${lang}/${id}`).toBe(false);
        if (existsSync(join(out, 'data'))) {
          const data = JSON.parse(readFileSync(join(out, 'data', `strategy.${lang}.json`), 'utf8')) as { items: { id: string; title: string }[] };
          expect(data.items.find((item) => item.id === id)?.title).toBe(title);
        }
      }
    }
  });
});
