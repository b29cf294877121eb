import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { reporter } from 'vfile-reporter';
import { flatten, sortFlat, type FlatMessage } from './flatten.ts';
import type { Rule } from '../validate/rule.ts';
import { codequality } from '../ci/codequality.ts';

export const formats = ['human', 'json', 'github', 'sarif', 'codequality'] as const;
export type Format = (typeof formats)[number];

export interface ReportInput {
  messages: readonly VFileMessage[];
  /** Every file that was checked, so a clean file can be counted too. */
  fileCount: number;
  rules: readonly Rule[];
  color?: boolean;
}

function human({ messages, fileCount, color }: ReportInput): string {
  const byFile = new Map<string, VFile>();
  for (const message of messages) {
    const path = message.file ?? '';
    let file = byFile.get(path);
    if (!file) byFile.set(path, (file = new VFile({ path })));
    file.messages.push(message);
  }
  const files = [...byFile.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
  if (files.length === 0) return `${fileCount} files checked: no problems\n`;
  const text = reporter(files, { verbose: true, color: color ?? false });
  return `${text}\n${fileCount} files checked\n`;
}

function json({ messages, fileCount }: ReportInput): string {
  const flat = sortFlat(messages.map(flatten));
  const summary = {
    files: fileCount,
    errors: flat.filter((m) => m.severity === 'error').length,
    warnings: flat.filter((m) => m.severity === 'warning').length,
  };
  return `${JSON.stringify({ summary, messages: flat }, null, 2)}\n`;
}

/** GitHub workflow commands: https://docs.github.com/actions/reference/workflow-commands-for-github-actions */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
function github({ messages }: ReportInput): string {
  return sortFlat(messages.map(flatten))
    .map((m: FlatMessage) => {
      const command = m.severity === 'error' ? 'error' : m.severity === 'warning' ? 'warning' : 'notice';
      const properties = [
        `file=${escapeProperty(m.file)}`,
        `line=${m.line}`,
        `col=${m.column}`,
        `endLine=${m.endLine}`,
        `endColumn=${m.endColumn}`,
        `title=${escapeProperty(m.ruleId)}`,
      ].join(',');
      const body = [m.message, m.hint, m.cause ? `${m.cause.message}` : undefined].filter(Boolean).join('\n');
      return `::${command} ${properties}::${escapeData(body)}\n`;
    })
    .join('');
}

/** SARIF 2.1.0, for GitHub code scanning and other tools. */
function sarif({ messages, rules }: ReportInput): string {
  const flat = sortFlat(messages.map(flatten));
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const location = (file: string, line: number, column: number, endLine?: number, endColumn?: number) => ({
    physicalLocation: {
      artifactLocation: { uri: file, uriBaseId: '%SRCROOT%' },
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
            rules: rules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.summary },
              help: { text: `${rule.summary} See docs/rules.md#${rule.id}.` },
              defaultConfiguration: { level: rule.severity === 'error' ? 'error' : 'warning' },
            })),
          },
        },
        results: flat.map((m) => ({
          ruleId: m.ruleId,
          ...(ruleIndex.has(m.ruleId) ? { ruleIndex: ruleIndex.get(m.ruleId) } : {}),
          level: m.severity === 'error' ? 'error' : m.severity === 'warning' ? 'warning' : 'note',
          message: { text: m.hint ? `${m.message}. Hint: ${m.hint}` : m.message },
          locations: [location(m.file, m.line, m.column, m.endLine, Math.max(m.endColumn, m.line === m.endLine ? m.column : 1))],
          ...(m.cause ? { relatedLocations: [{ id: 0, ...location(m.cause.file, m.cause.line, m.cause.column), message: { text: m.cause.message } }] } : {}),
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
