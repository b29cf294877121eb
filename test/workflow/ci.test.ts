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
import { translationStatus } from '../../src/i18n/stamp.ts';
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

describe('GitHub Actions workflow', () => {
  const workflow = readYaml('.github/workflows/strategy.yml');
  const jobs = workflow['jobs'] as Record<string, Job>;
  const build = jobs['check-and-build']!;
  const steps = build.steps!;
  const runs = (pattern: RegExp) => steps.find((step) => step.run !== undefined && pattern.test(step.run));
  const uses = (action: string) => steps.filter((step) => step.uses?.startsWith(`${action}@`));

  it('runs on pull requests and on pushes to main', () => {
    const on = workflow['on'] as Record<string, { branches?: string[] } | null>;
    expect(on).toHaveProperty('pull_request');
    expect(on['push']?.branches).toEqual(['main']);
  });

  it('checks out, sets up Node 24 LTS, installs with npm ci and checks with annotations', () => {
    expect(uses('actions/checkout')).toHaveLength(1);
    expect(uses('actions/setup-node')[0]?.with?.['node-version']).toBe(ciNodeMajor);
    expect(runs(/^npm ci\b/)).toBeDefined();
    const check = runs(/npx strategy check --format github/)!;
    expect(check).toBeDefined();
    // The annotations step is the one that fails the job: no `|| true` there.
    expect(check.run).not.toContain('|| true');
    expect(steps.indexOf(uses('actions/checkout')[0]!)).toBeLessThan(steps.indexOf(check));
  });

  it('uploads SARIF to code scanning with the permission to do so', () => {
    const sarif = runs(/npx strategy check --format sarif > strategy\.sarif/)!;
    expect(sarif.if).toContain('!cancelled()');
    const upload = uses('github/codeql-action/upload-sarif')[0]!;
    expect(upload.with?.['sarif_file']).toBe('strategy.sarif');
    expect(steps.indexOf(upload)).toBeGreaterThan(steps.indexOf(sarif));
    expect(build.permissions?.['security-events']).toBe('write');
  });

  it('builds and uploads out/site and out/pdf as artifacts', () => {
    const buildStep = runs(/^npm run build$/)!;
    expect(buildStep).toBeDefined();
    const paths = uses('actions/upload-artifact').map((step) => step.with?.['path']);
    expect(paths).toEqual(expect.arrayContaining(['out/site/', 'out/pdf/']));
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['build']).toBeDefined();
  });

  it('writes the job summary from the JSON reports with links to the artifacts', () => {
    const summary = runs(/GITHUB_STEP_SUMMARY/)!;
    expect(summary.if).toContain('!cancelled()');
    expect(summary.run).toContain('npx strategy check --format json > check.json');
    expect(summary.run).toContain('npx strategy i18n status --format json > i18n-status.json');
    expect(summary.run).toContain('node src/ci/summary.ts --check check.json --i18n i18n-status.json');
    expect(Object.values(summary.env ?? {}).join(' ')).toContain('steps.upload-site.outputs.artifact-url');
    expect(Object.values(summary.env ?? {}).join(' ')).toContain('steps.upload-pdf.outputs.artifact-url');
    expect(existsSync(join(repoRoot, 'src/ci/summary.ts'))).toBe(true);
  });

  it("adds the pull request's changes to the strategy to the job summary, item by item, from the base branch's tip", () => {
    const changes = runs(/strategy diff/)!;
    expect(changes.if).toContain("github.event_name == 'pull_request'");
    expect(changes.run).toContain('git fetch --no-tags --depth=1 origin "$BASE_REF"');
    expect(changes.run).toMatch(/npx strategy diff FETCH_HEAD --format markdown [^\n]*>> "\$GITHUB_STEP_SUMMARY"/);
    expect(changes.env?.['BASE_REF']).toBe('${{ github.base_ref }}');
  });

  it('deploys to GitHub Pages on pushes to main only, with the Pages permissions', () => {
    const pages = uses('actions/upload-pages-artifact')[0]!;
    expect(pages.with?.['path']).toBe('out/site/');
    expect(pages.if).toContain("github.ref == 'refs/heads/main'");
    const deploy = jobs['deploy']!;
    expect(deploy.if).toContain("github.event_name == 'push'");
    expect(deploy.needs).toBe('check-and-build');
    expect(deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(deploy.environment?.name).toBe('github-pages');
    expect(deploy.steps?.some((step) => step.uses?.startsWith('actions/deploy-pages@'))).toBe(true);
    expect(workflow['permissions']).toEqual({ contents: 'read' });
  });

  it('pins every action to a major version', () => {
    for (const job of Object.values(jobs)) {
      for (const step of job.steps ?? []) if (step.uses) expect(step.uses).toMatch(/^[\w-]+\/[\w/-]+@v\d+$/);
    }
  });
});

describe('GitLab CI', () => {
  const ci = readYaml('.gitlab-ci.yml');
  type GitlabJob = { stage: string; script: string[]; artifacts?: Record<string, unknown>; rules?: { if?: string }[]; needs?: string[] };
  const job = (name: string) => ci[name] as GitlabJob;

  it('writes a Code Quality report whatever the result, then fails on errors', () => {
    const check = job('check');
    expect(check.script[0]).toBe('npx strategy check --format codequality > gl-code-quality-report.json || true');
    expect(check.script).toContain('npx strategy check');
    expect(check.artifacts?.['when']).toBe('always');
    expect((check.artifacts?.['reports'] as Record<string, string>)['codequality']).toBe('gl-code-quality-report.json');
  });

  it('builds the site and the PDFs as artifacts and publishes Pages from the default branch', () => {
    expect(ci['stages']).toEqual(['check', 'build', 'deploy']);
    expect((ci['default'] as { image: string }).image).toBe(`node:${ciNodeMajor}-bookworm`);
    // Built with the Pages address as SITE_URL, so that every link works under the project's path.
    expect(job('build').script).toContain('SITE_URL="${CI_PAGES_URL:+$CI_PAGES_URL/}" npm run build');
    expect(job('build').artifacts?.['paths']).toEqual(['dist/']);
    expect(job('build').script.join('\n')).toContain('cp -rL out/site out/pdf dist/');
    const pages = job('pages');
    expect(pages.rules?.[0]?.if).toBe('$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH');
    expect(pages.artifacts?.['paths']).toEqual(['public']);
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

  it.skipIf(!(formats as readonly string[]).includes('codequality'))('`check --format codequality` is the same formatter', async () => {
    const { out } = await run(['check', tenFaults, '--schema', schemaDir, '--format', 'codequality']);
    expect(out).toBe(formatReport('codequality' as never, { messages: result.messages, fileCount: 0, rules: allRules }));
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
