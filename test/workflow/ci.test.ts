import { existsSync, readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { loadStrategy } from '../../src/pipeline.ts';
import { formatReport, formats } from '../../src/diagnostics/reporters.ts';
import { flatten } from '../../src/diagnostics/flatten.ts';
import { allRules } from '../../src/validate/all-rules.ts';
import { codequality, codeQualityIssues, fromJsonReport } from '../../src/diagnostics/codequality.ts';
import { renderSummary, summaryFromArgs, translationRows } from '../../src/ci/summary.ts';
import { translationStatus } from '../../src/cross-language/stamp.ts';
import { repoRoot, run } from './helpers.ts';

type Step = { name?: string; id?: string; uses?: string; run?: string; with?: Record<string, unknown>; if?: string; env?: Record<string, string> };
type Job = { steps?: Step[]; needs?: string | string[]; permissions?: Record<string, string>; environment?: { name: string; url?: string }; if?: string };

const tenFaults = 'test/fixtures/ten-faults/strategy';
const schemaDir = join(repoRoot, 'schema');

function readYaml(path: string): Record<string, unknown> {
  return parse(readFileSync(join(repoRoot, path), 'utf8')) as Record<string, unknown>;
}

function validator(schemaFile: string) {
  // `anyOf: [{ required: [...] }]` names properties declared beside it, as the published SARIF schema does.
  const ajv = new Ajv({ strict: true, strictRequired: false, allErrors: true });
  addFormats.default(ajv);
  return ajv.compile(JSON.parse(readFileSync(join(repoRoot, 'test/workflow/fixtures', schemaFile), 'utf8')) as object);
}

/** The Node major .ci/run installs: every pipeline runs the tests and the build on the same one. */
const ciNodeMajor = Number(/node@(\d+)/.exec(readFileSync(join(repoRoot, '.ci/run'), 'utf8'))?.[1]);

describe('the Node version', () => {
  it('is one major everywhere, and one that package.json accepts', () => {
    expect(ciNodeMajor).toBeGreaterThanOrEqual(24);
    const engines = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
    const [, major, minor] = /^>=(\d+)\.(\d+)$/.exec(engines)!;
    // Node strips the types of the .ts sources it runs from 22.18 on (and 23.6).
    expect(Number(major) * 100 + Number(minor)).toBeGreaterThanOrEqual(2218);
    expect(ciNodeMajor).toBeGreaterThanOrEqual(Number(major));
  });
});

/** Every shell line the two pipelines run, with where it is. */
function pipelineLines(): { where: string; line: string }[] {
  const lines: { where: string; line: string }[] = [];
  const github = readYaml('.github/workflows/strategy.yml')['jobs'] as Record<string, Job>;
  for (const [name, job] of Object.entries(github)) {
    for (const step of job.steps ?? []) for (const line of (step.run ?? '').split('\n')) lines.push({ where: `strategy.yml ${name}`, line });
  }
  const gitlab = readYaml('.gitlab-ci.yml');
  for (const [name, job] of Object.entries(gitlab)) {
    const { script = [], before_script: before = [] } = (job ?? {}) as { script?: string[]; before_script?: string[] };
    if (Array.isArray(script)) for (const line of [...before, ...script]) lines.push({ where: `.gitlab-ci.yml ${name}`, line });
  }
  return lines.filter(({ line }) => line.trim() !== '');
}

describe('the pipelines', () => {
  const lines = pipelineLines();
  const workflow = readYaml('.github/workflows/strategy.yml');
  const jobs = workflow['jobs'] as Record<string, Job>;
  const steps = jobs['check-and-build']!.steps!;
  const gitlab = readYaml('.gitlab-ci.yml') as Record<string, { script: string[]; artifacts?: { paths?: string[]; reports?: Record<string, string> }; rules?: { if?: string }[] }>;
  /** The file a shell line writes its output to. */
  const writes = (line: string | undefined) => /\s>\s*(\S+)/.exec(line ?? '')?.[1];

  it('run only strategy commands the command line has, and check only in formats it writes', async () => {
    const { commandNames } = await import('../../src/cli.ts');
    const calls = lines.flatMap(({ where, line }) => [...line.matchAll(/npx strategy (\S+)([^|>&]*)/g)].map((m) => ({ where, command: m[1]!, format: /--format (\S+)/.exec(m[2]!)?.[1] })));
    expect(calls.length).toBeGreaterThan(5);
    expect(calls.filter(({ command }) => !commandNames.includes(command))).toEqual([]);
    expect(calls.filter(({ command, format }) => command === 'check' && format !== undefined && !(formats as readonly string[]).includes(format))).toEqual([]);
  });

  it('run only scripts that exist', () => {
    const scripts = lines.flatMap(({ line }) => [...line.matchAll(/\bnode (\S+\.ts)\b/g)].map((m) => m[1]!));
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((script) => !existsSync(join(repoRoot, script)))).toEqual([]);
  });

  it('fail on check errors: the check that reports them is never made to pass', () => {
    const failing = lines.filter(({ line }) => /npx strategy check( --format github)?( --lang "\$STRATEGY_LANG")?$/.test(line.trim()));
    expect(failing.map(({ where }) => where.split(' ')[0])).toEqual(expect.arrayContaining(['strategy.yml', '.gitlab-ci.yml']));
  });

  it('hand on the reports they write: SARIF to code scanning, Code Quality to GitLab', () => {
    const sarif = steps.find((step) => /--format sarif/.test(step.run ?? ''));
    const upload = steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@'));
    expect(upload?.with?.['sarif_file']).toBe(writes(sarif?.run));
    expect(steps.indexOf(upload!)).toBeGreaterThan(steps.indexOf(sarif!));
    const codequality = gitlab['check']!.script.find((line) => /--format codequality/.test(line));
    expect(gitlab['check']!.artifacts?.reports?.['codequality']).toBe(writes(codequality));
  });

  it('keep as artifacts the folders build writes', () => {
    const outputs = ['out/site', 'out/pdf'];
    const uploaded = steps.filter((step) => step.uses?.startsWith('actions/upload-artifact@')).map((step) => String(step.with?.['path']).replace(/\/$/, ''));
    expect(uploaded).toEqual(expect.arrayContaining(outputs));
    expect(gitlab['build']!.script.join('\n')).toContain(`cp -rL ${outputs.join(' ')} dist/`);
  });

  it('publish the site only from the main branch', () => {
    expect(jobs['deploy']!.if).toContain("github.event_name == 'push'");
    expect(steps.find((step) => step.uses?.startsWith('actions/upload-pages-artifact@'))?.if).toContain("github.ref == 'refs/heads/main'");
    expect(gitlab['pages']!.rules?.map((rule) => rule.if)).toEqual(['$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH']);
  });

  it('pin every action to a major version', () => {
    for (const job of Object.values(jobs)) {
      for (const step of job.steps ?? []) if (step.uses) expect(step.uses).toMatch(/^[\w-]+\/[\w/-]+@v\d+$/);
    }
  });
});

describe('report formats for CI', () => {
  const result = loadStrategy(tenFaults, { schemaDir, cwd: repoRoot });
  const flat = result.messages.map(flatten);

  it('GitHub: one exact workflow command per message', async () => {
    const { out } = await run(['check', tenFaults, '--schema', schemaDir, '--format', 'github']);
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(result.messages.length);
    for (const line of lines) {
      expect(line).toMatch(/^::(error|warning|notice) file=[^,:%]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z][a-z0-9-]*::\S.*$/);
    }
    expect(lines).toContain(
      '::error file=test/fixtures/ten-faults/strategy/g.sv.md,line=7,col=23,endLine=7,endColumn=34,title=link-target::' +
        'Unexpected link to `value-trsut` in `values`, expected the id of an existing `value`%0Adid you mean `value-trust`?',
    );
  });

  it('SARIF: valid against the SARIF 2.1.0 subset, with consistent rule indexes and regions', async () => {
    const { out } = await run(['check', tenFaults, '--schema', schemaDir, '--format', 'sarif']);
    const log = JSON.parse(out) as {
      runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; ruleIndex?: number; locations: { physicalLocation: { region: { startLine: number; startColumn: number; endLine?: number; endColumn?: number } } }[] }[] }[];
    };
    const validate = validator('sarif-2.1.0-subset.schema.json');
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const [runLog] = log.runs;
    expect(runLog!.results).toHaveLength(result.messages.length);
    for (const res of runLog!.results) {
      if (res.ruleIndex !== undefined) expect(runLog!.tool.driver.rules[res.ruleIndex]!.id).toBe(res.ruleId);
      const region = res.locations[0]!.physicalLocation.region;
      if (region.endLine !== undefined) {
        expect(region.endLine).toBeGreaterThanOrEqual(region.startLine);
        if (region.endLine === region.startLine) expect(region.endColumn!).toBeGreaterThanOrEqual(region.startColumn);
      }
    }
    // And the schema subset does reject what it should.
    expect(validate({ version: '2.0.0', runs: [] })).toBe(false);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: {} }] }] })).toBe(false);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'fatal' }] }] })).toBe(false);
  });

  it('GitLab Code Quality: required keys and types, unique fingerprints that survive moved lines', () => {
    const issues = JSON.parse(codequality({ messages: result.messages })) as unknown[];
    const validate = validator('gitlab-codequality.schema.json');
    expect(validate(issues), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(issues).toHaveLength(result.messages.length);
    const fingerprints = codeQualityIssues(flat).map((issue) => issue.fingerprint);
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
    const moved = codeQualityIssues(flat.map((m) => ({ ...m, line: m.line + 3, endLine: m.endLine + 3 }))).map((issue) => issue.fingerprint);
    expect(new Set(moved)).toEqual(new Set(fingerprints));
    const severities = new Set(codeQualityIssues(flat).map((issue) => issue.severity));
    expect([...severities].every((s) => ['major', 'minor', 'info'].includes(s))).toBe(true);
    expect(validate([{ description: 'x', check_name: 'y', fingerprint: 'z', severity: 'error', location: { path: 'a', lines: { begin: 1 } } }])).toBe(false);
  });

  it('GitLab Code Quality: the converter gives the same report from `--format json`', async () => {
    const { out } = await run(['check', tenFaults, '--schema', schemaDir, '--format', 'json']);
    expect(fromJsonReport(out)).toBe(codequality({ messages: result.messages }));
  });

  it('`check --format codequality` is the same formatter', async () => {
    const { out } = await run(['check', tenFaults, '--schema', schemaDir, '--format', 'codequality']);
    expect(out).toBe(formatReport('codequality', { messages: result.messages, fileCount: 0, rules: allRules }));
    expect(out).toBe(codequality({ messages: result.messages }));
  });
});

describe('job summary', () => {
  it('counts problems by rule, shows the translation status and links the artifacts', async () => {
    const { out } = await run(['check', tenFaults, '--schema', schemaDir, '--format', 'json']);
    const report = JSON.parse(out) as { messages: { ruleId: string; severity: string }[] };
    const mini = loadStrategy(join(repoRoot, 'test/fixtures/mini/strategy'), { schemaDir });
    const rows = translationStatus(mini.graph);
    rows[0] = { ...rows[0]!, status: 'outdated', behind: 'fi' };
    const markdown = renderSummary({
      check: report,
      translations: rows,
      artifacts: [{ name: 'Council PDFs (out/pdf)', url: 'https://github.com/o/r/actions/runs/1/artifacts/2' }, { name: 'Website (out/site)', url: '' }],
      runUrl: 'https://github.com/o/r/actions/runs/1',
    });
    const linkErrors = report.messages.filter((m) => m.ruleId === 'link-target' && m.severity === 'error').length;
    expect(markdown).toMatch(new RegExp(`^\\| \`link-target\` \\| ${linkErrors} \\| 0 \\| \\d+ \\|$`, 'm'));
    expect(markdown).toMatch(/^\| Rule \| Errors \| Warnings \| Files \|$/m);
    expect(markdown).toMatch(/^\| in sync \| \d+ \|$/m);
    expect(markdown).toMatch(/^\| outdated \| 1 \|$/m);
    expect(markdown).toContain(`| \`${rows[0]!.id}\` | outdated | fi |`);
    expect(markdown).toContain('- [Council PDFs (out/pdf)](https://github.com/o/r/actions/runs/1/artifacts/2)');
    expect(markdown).toContain('- Website (out/site): not built');
    expect(markdown).toContain('https://github.com/o/r/actions/runs/1#artifacts');
  });

  it('reads its inputs from files and says so when one is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'strategy-summary-'));
    try {
      writeFileSync(join(dir, 'i18n.json'), JSON.stringify([{ id: 'goal-a|b', stem: 'x', status: 'unstamped' }]));
      const markdown = summaryFromArgs(['--check', join(dir, 'missing.json'), '--i18n', join(dir, 'i18n.json')]);
      expect(markdown).toContain('No check report');
      expect(markdown).toContain('| `goal-a\\|b` | not stamped |');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(translationRows({ rows: [{ id: 'a', status: 'in-sync' }] })).toEqual([{ id: 'a', status: 'in-sync' }]);
  });
});
