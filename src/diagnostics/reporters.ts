import { relative, resolve, sep } from 'node:path';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { reporter } from 'vfile-reporter';
import { fingerprints, flatten, sortFlat, type FlatMessage } from './flatten.ts';
import type { Rule } from '../validate/rule.ts';
import { rulesDoc } from '../validate/rule.ts';
import type { AcknowledgedMessage } from '../validate/acknowledge.ts';
import type { Acknowledgement } from '../model/types.ts';
import { codequality } from './codequality.ts';
import { count, currentLang, t, type MessageKey } from '../messages/index.ts';
import { findRepository, repositoryFileUrl, type Repository } from './repository.ts';
import { ruleProse } from './rule-docs.ts';
import pkg from '../../package.json' with { type: 'json' };

export const formats = ['human', 'json', 'github', 'sarif', 'codequality'] as const;
export type Format = (typeof formats)[number];

export interface ReportInput {
  messages: readonly VFileMessage[];
  /** Every file that was checked, so a clean file can be counted too. */
  fileCount: number;
  rules: readonly Rule[];
  color?: boolean;
  /** Warnings schema/project.json acknowledges: shown as such, never counted or annotated. */
  acknowledged?: readonly AcknowledgedMessage[];
  /** Acknowledgements that matched no warning, named so that they can be removed. */
  unusedAcknowledgements?: readonly Acknowledgement[];
  /** For SARIF: the repository's root and web address; found from the working folder when not given. */
  repository?: Repository;
  /** The folder the messages' paths are relative to (the working folder by default). */
  cwd?: string;
  /** For `github`: at most this many annotations of each severity, then a notice with the count of the rest. */
  annotationCap?: number;
}

/**
 * GitHub shows at most ten annotations of each severity per step: in GitHub Actions (`GITHUB_ACTIONS=true`) the
 * github format prints ten of each and a notice for the rest; elsewhere (an editor's Problems panel) every message.
 */
export function githubAnnotationCap(env: NodeJS.ProcessEnv = process.env): number | undefined {
  return env['GITHUB_ACTIONS'] === 'true' ? 10 : undefined;
}

function human({ messages, fileCount, color, acknowledged = [], unusedAcknowledgements = [] }: ReportInput): string {
  const byFile = new Map<string, VFile>();
  for (const message of messages) {
    const path = message.file ?? '';
    let file = byFile.get(path);
    if (!file) byFile.set(path, (file = new VFile({ path })));
    file.messages.push(message);
  }
  const files = [...byFile.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
  const footer = [
    ...(acknowledged.length > 0 ? [t('report.acknowledged', { n: acknowledged.length })] : []),
    ...unusedAcknowledgements.map((entry) => t('report.acknowledged.unused', { rule: entry.rule, on: entry.id ?? entry.path ?? '' })),
  ]
    .map((line) => `${line}\n`)
    .join('');
  if (files.length === 0) return `${t('report.clean', { n: fileCount })}\n${footer}`;
  const text = localiseReport(reporter(files, { verbose: true, color: color ?? false }));
  return `${text}\n${t('report.checked', { n: fileCount })}\n${footer}`;
}

/** A word in place of another, padded to its width so that vfile-reporter's columns stay aligned. */
const inPlace = (word: string, replacement: string) => replacement.padEnd(word.length);

/**
 * vfile-reporter's own words in the report, which it writes in English only: each message's severity, the labels
 * of its sections (`[cause]`, `[url]`, `[note]`) and the summary line (`✖ 2 errors, ⚠ 1 warning`).
 */
function localiseReport(text: string): string {
  if (currentLang() === 'en') return text;
  const colour = '(?:\\u001b\\[\\d+m)?';
  return text
    .replace(new RegExp(`^(\\d+:\\d+(?:-\\d+:\\d+)?\\s+${colour})(error|warning|info)(?=${colour}\\s)`, 'gm'), (_, before: string, word: string) => before + inPlace(word, t(`report.severity.${word}` as MessageKey)))
    .replace(/\[(cause|url|note)\]/g, (_, label: string) => `[${t(`report.label.${label}` as MessageKey)}]`)
    .replace(new RegExp(`(✖${colour}) (\\d+) errors?`, 'g'), (_, mark: string, n: string) => `${mark} ${count(Number(n), 'report.errors.one', 'report.errors.other')}`)
    .replace(new RegExp(`(⚠${colour}) (\\d+) warnings?`, 'g'), (_, mark: string, n: string) => `${mark} ${count(Number(n), 'report.warnings.one', 'report.warnings.other')}`)
    .replace(/^(\d+) messages \(/m, (_, n: string) => `${t('report.messages', { n })} (`);
}

function json({ messages, fileCount, acknowledged = [] }: ReportInput): string {
  const flat = sortFlat(messages.map(flatten));
  const summary = {
    files: fileCount,
    errors: flat.filter((m) => m.severity === 'error').length,
    warnings: flat.filter((m) => m.severity === 'warning').length,
    ...(acknowledged.length > 0 ? { acknowledged: acknowledged.length } : {}),
  };
  const accepted = acknowledged.map(({ message, reason }) => ({ ...flatten(message), reason }));
  return `${JSON.stringify({ summary, messages: flat, ...(accepted.length > 0 ? { acknowledged: sortFlat(accepted) } : {}) }, null, 2)}\n`;
}

/** GitHub workflow commands: https://docs.github.com/actions/reference/workflow-commands-for-github-actions */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * One annotation per message, up to GitHub's ten of each severity; then one notice that says how many more there
 * are and where they all are (the job summary, `strategy check`).
 */
function github({ messages, annotationCap = Infinity }: ReportInput): string {
  const shown = new Map<string, number>();
  const hidden = { error: 0, warning: 0, notice: 0 };
  const lines = sortFlat(messages.map(flatten)).flatMap((m: FlatMessage) => {
    const command = m.severity === 'error' ? 'error' : m.severity === 'warning' ? 'warning' : 'notice';
    const n = (shown.get(command) ?? 0) + 1;
    shown.set(command, n);
    if (n > annotationCap) {
      hidden[command]++;
      return [];
    }
    const properties = [
      `file=${escapeProperty(m.file)}`,
      `line=${m.line}`,
      `col=${m.column}`,
      `endLine=${m.endLine}`,
      `endColumn=${m.endColumn}`,
      `title=${escapeProperty(m.ruleId)}`,
    ].join(',');
    const body = [m.message, m.hint, m.cause ? `${m.cause.message}` : undefined].filter(Boolean).join('\n');
    return [`::${command} ${properties}::${escapeData(body)}\n`];
  });
  if (hidden.error + hidden.warning + hidden.notice > 0) {
    const text = t('report.more-annotations', { errors: hidden.error, warnings: hidden.warning, cap: annotationCap });
    lines.push(`::notice title=${escapeProperty('strategy check')}::${escapeData(text)}\n`);
  }
  return lines.join('');
}

/** `PascalCase` of a rule id, SARIF's `name` of a rule. */
const ruleName = (id: string) => id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());

/**
 * SARIF 2.1.0 as GitHub code scanning reads it: the tool with its version and address, every rule with a short and
 * a full description and an absolute link to its documentation, paths relative to the repository's root
 * (`%SRCROOT%`) wherever check ran, and fingerprints that survive moved lines.
 */
function sarif({ messages, rules, acknowledged = [], repository: given, cwd = process.cwd() }: ReportInput): string {
  const repository = given ?? findRepository(cwd);
  const uri = (file: string) =>
    relative(repository.root, resolve(cwd, file))
      .split(sep)
      .map((part) => encodeURIComponent(part))
      .join('/');
  const flat: (FlatMessage & { reason?: string })[] = sortFlat([...messages.map(flatten), ...acknowledged.map(({ message, reason }) => ({ ...flatten(message), reason }))]);
  const prints = fingerprints(flat.map((m) => ({ ...m, file: uri(m.file) })));
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const docs = rulesDoc();
  const location = (file: string, line: number, column: number, endLine?: number, endColumn?: number) => ({
    physicalLocation: {
      artifactLocation: { uri: uri(file), uriBaseId: '%SRCROOT%' },
      region: { startLine: line, startColumn: column, ...(endLine ? { endLine, endColumn } : {}) },
    },
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'strategy',
            fullName: 'strategy check',
            version: pkg.version,
            semanticVersion: pkg.version,
            informationUri: repositoryFileUrl(repository, 'README.md'),
            rules: rules.map((rule) => {
              const helpUri = `${repositoryFileUrl(repository, docs)}#${rule.id}`;
              const full = ruleProse(rule) || rule.summary;
              return {
                id: rule.id,
                name: ruleName(rule.id),
                shortDescription: { text: rule.summary },
                fullDescription: { text: full },
                help: { text: t('report.help', { summary: full, url: helpUri }), markdown: `${full}\n\n[${docs}#${rule.id}](${helpUri})` },
                helpUri,
                defaultConfiguration: { level: rule.severity === 'error' ? 'error' : 'warning' },
              };
            }),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: flat.map((m, index) => ({
          ruleId: m.ruleId,
          ...(ruleIndex.has(m.ruleId) ? { ruleIndex: ruleIndex.get(m.ruleId) } : {}),
          level: m.severity === 'error' ? 'error' : m.severity === 'warning' ? 'warning' : 'note',
          message: { text: m.hint ? `${m.message}. ${t('report.hint', { hint: m.hint })}` : m.message },
          locations: [location(m.file, m.line, m.column, m.endLine, Math.max(m.endColumn, m.line === m.endLine ? m.column : 1))],
          partialFingerprints: { 'strategyFinding/v1': prints[index]! },
          ...(m.cause ? { relatedLocations: [{ id: 0, ...location(m.cause.file, m.cause.line, m.cause.column), message: { text: m.cause.message } }] } : {}),
          ...(m.reason ? { suppressions: [{ kind: 'external', status: 'accepted', justification: m.reason }] } : {}),
        })),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

export function formatReport(format: Format, input: ReportInput): string {
  switch (format) {
    case 'human':
      return human(input);
    case 'json':
      return json(input);
    case 'github':
      return github(input);
    case 'sarif':
      return sarif(input);
    case 'codequality':
      return codequality(input);
  }
}
