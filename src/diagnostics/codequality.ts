/**
 * GitLab Code Quality report: a JSON array of issues, the subset of the Code Climate issue format that GitLab
 * reads (https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format).
 *
 * As a formatter for `strategy check --format codequality` (see `codequality(input)`), and as a converter from a
 * `--format json` report: `node src/diagnostics/codequality.ts check.json > gl-code-quality-report.json`.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { fingerprints, flatten, sortFlat, type FlatMessage } from './flatten.ts';
import type { VFileMessage } from 'vfile-message';

export type CodeQualitySeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

export interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: CodeQualitySeverity;
  location: { path: string; lines: { begin: number } };
}

const severities: Record<FlatMessage['severity'], CodeQualitySeverity> = { error: 'major', warning: 'minor', info: 'info' };

/**
 * Fingerprints leave the line and the language out, so an issue keeps its identity when lines above it move, and
 * count repeats, because GitLab shows only the first issue of each fingerprint.
 */
export function codeQualityIssues(messages: readonly FlatMessage[]): CodeQualityIssue[] {
  const sorted = sortFlat([...messages]);
  const prints = fingerprints(sorted.map((m) => ({ ...m, fingerprint: m.fingerprint ?? '' })));
  return sorted.map((m, index) => {
    return {
      description: m.hint ? `${m.message} (${m.hint})` : m.message,
      check_name: m.ruleId,
      fingerprint: prints[index]!,
      severity: severities[m.severity],
      location: { path: m.file.replace(/^\.\//, ''), lines: { begin: Math.max(1, m.line) } },
    };
  });
}

/** The formatter of `--format codequality` (src/diagnostics/reporters.ts), which needs only the messages. */
export function codequality({ messages }: { messages: readonly VFileMessage[] }): string {
  return `${JSON.stringify(codeQualityIssues(messages.map(flatten)), null, 2)}\n`;
}

/** From the JSON report of `strategy check --format json`. */
export function fromJsonReport(json: string): string {
  const report = JSON.parse(json) as { messages?: FlatMessage[] };
  return `${JSON.stringify(codeQualityIssues(report.messages ?? []), null, 2)}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [input] = process.argv.slice(2);
  process.stdout.write(fromJsonReport(readFileSync(input ?? 0, 'utf8')));
}
