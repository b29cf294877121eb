import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import Ajv from 'ajv-draft-04';
import { runMain } from '../helpers/cli.ts';
import { repoRoot } from '../helpers/fixtures.ts';
import { allRules } from '../../src/validate/all-rules.ts';
import { webUrlOfRemote } from '../../src/diagnostics/repository.ts';
import pkg from '../../package.json' with { type: 'json' };

type Result = { ruleId: string; partialFingerprints: Record<string, string>; suppressions?: { kind: string; justification: string }[]; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number } } }[] };
type Log = { runs: { tool: { driver: { name: string; version: string; informationUri: string; rules: { id: string; shortDescription: { text: string }; fullDescription: { text: string }; helpUri: string }[] } }; results: Result[] }[] };

const schema = JSON.parse(readFileSync(join(repoRoot, 'test/diagnostics/fixtures/sarif-schema-2.1.0.json'), 'utf8')) as object;
// The schema's language pattern is not a valid Unicode regular expression (a stray `]`): read it as the schema's own draft does.
const validate = new Ajv.default({ allErrors: true, strict: false, unicodeRegExp: false }).compile(schema);
const sarif = async (args: string[], cwd = repoRoot) => {
  const run = await runMain(['check', ...args, '--format', 'sarif'], { cwd });
  return JSON.parse(run.stdout) as Log;
};

describe('SARIF for code scanning', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'strategy-sarif-'));
  afterAll(() => {
    vi.unstubAllEnvs();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('is valid SARIF 2.1.0, with the tool’s version and address, every rule described and linked absolutely', async () => {
    vi.stubEnv('GITHUB_SERVER_URL', 'https://github.com');
    vi.stubEnv('GITHUB_REPOSITORY', 'county/strategy');
    vi.stubEnv('GITHUB_SHA', '0123abc');
    // Run from a subfolder: the paths are still the repository's.
    const log = await sarif(['ten-faults/strategy', '--schema', '../../schema'], join(repoRoot, 'test/fixtures'));
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2)).toBe(true);
    const { driver } = log.runs[0]!.tool;
    expect(driver).toMatchObject({ name: 'strategy', version: pkg.version, informationUri: 'https://github.com/county/strategy/blob/0123abc/README.md' });
    expect(driver.rules.map((rule) => rule.id)).toEqual(allRules.map((rule) => rule.id));
    for (const rule of driver.rules) {
      expect(rule.shortDescription.text.length, rule.id).toBeGreaterThan(10);
      expect(rule.fullDescription.text.length, rule.id).toBeGreaterThan(rule.shortDescription.text.length / 2);
      expect(rule.helpUri).toBe(`https://github.com/county/strategy/blob/0123abc/docs/rules.md#${rule.id}`);
    }
    const uris = log.runs[0]!.results.map((result) => result.locations[0]!.physicalLocation.artifactLocation);
    expect(uris.length).toBeGreaterThan(0);
    for (const uri of uris) expect(uri).toMatchObject({ uri: expect.stringMatching(/^test\/fixtures\/ten-faults\/strategy\/[a-z]+\.(sv|fi)\.md$/), uriBaseId: '%SRCROOT%' });
    // And the schema does refuse what it should.
    expect(validate({ ...log, version: '2.0.0' })).toBe(false);
  });

  it('links the rules through the git remote outside GitHub Actions, or the checkout when there is none', async () => {
    expect(webUrlOfRemote('git@github.com:county/strategy.git')).toBe('https://github.com/county/strategy');
    expect(webUrlOfRemote('https://gitlab.example.fi/county/strategy.git')).toBe('https://gitlab.example.fi/county/strategy');
    expect(webUrlOfRemote('ssh://git@git.example.fi/county/strategy')).toBe('https://git.example.fi/county/strategy');
    vi.stubEnv('GITHUB_SERVER_URL', '');
    vi.stubEnv('GITHUB_REPOSITORY', '');
    cpSync(join(repoRoot, 'test/fixtures/ten-faults/strategy'), join(scratch, 'strategy'), { recursive: true });
    cpSync(join(repoRoot, 'schema'), join(scratch, 'schema'), { recursive: true });
    const log = await sarif(['strategy'], scratch);
    const helpUri = new URL(log.runs[0]!.tool.driver.rules[0]!.helpUri);
    expect(helpUri.protocol).toBe('file:');
    expect(log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toMatch(/^strategy\//);
  });

  it('gives each result fingerprints that stay when lines move, and whatever the language of the report', async () => {
    const before = await sarif(['strategy'], scratch);
    const finnish = await sarif(['strategy', '--lang', 'fi'], scratch);
    // Two lines more at the top of every file's front-matter: every message moves down.
    for (const name of ['g.sv.md', 'g.fi.md']) {
      const path = join(scratch, 'strategy', name);
      writeFileSync(path, readFileSync(path, 'utf8').replace(/^---\n/, '---\n# moved\n# down\n'));
    }
    const after = await sarif(['strategy'], scratch);
    const prints = (log: Log) => log.runs[0]!.results.map((result) => Object.values(result.partialFingerprints)[0]).sort();
    expect(new Set(prints(before)).size).toBe(before.runs[0]!.results.length);
    expect(prints(after)).toEqual(prints(before));
    expect(prints(finnish)).toEqual(prints(before));
    const moved = (log: Log) => log.runs[0]!.results.filter((r) => r.locations[0]!.physicalLocation.artifactLocation.uri === 'strategy/g.sv.md').map((r) => r.locations[0]!.physicalLocation.region.startLine);
    expect(moved(after)).toEqual(moved(before).map((line) => line + 2));
  });

});
