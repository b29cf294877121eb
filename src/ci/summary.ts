/**
 * The Markdown job summary of a CI run: problems by rule (from `strategy check --format json`), translation
 * status (from `strategy i18n status --format json`) and links to the build artifacts.
 *
 *   node src/ci/summary.ts --check check.json --i18n i18n-status.json \
 *     --artifact "Website=https://…" --artifact "Council PDFs=https://…" --run https://… >> "$GITHUB_STEP_SUMMARY"
 *
 * A missing or unreadable input becomes a line saying so: the summary never fails the job.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';

interface ReportedMessage {
  ruleId?: string;
  severity?: string;
  file?: string;
  line?: number;
  column?: number;
  message?: string;
  hint?: string;
  reason?: string;
}

export interface CheckReport {
  summary?: { files?: number; errors?: number; warnings?: number; acknowledged?: number };
  messages?: ReportedMessage[];
  acknowledged?: ReportedMessage[];
}

export interface TranslationRow {
  id: string;
  stem?: string;
  status: string;
  behind?: string;
}

export interface SummaryInput {
  check?: CheckReport | undefined;
  translations?: TranslationRow[] | undefined;
  artifacts?: { name: string; url: string }[];
  /** The run page, where the artifacts are listed even without direct links. */
  runUrl?: string | undefined;
  /** How many items needing attention to list by name. */
  listLimit?: number;
}

const statusLabels: Record<string, string> = {
  'in-sync': 'in sync',
  outdated: 'outdated',
  'both-changed': 'both changed',
  unstamped: 'not stamped',
  missing: 'missing a language',
};

/** Table cells: pipes and line breaks would break the row. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function table(header: string[], align: ('l' | 'r')[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), `|${align.map((a) => (a === 'r' ? '---:' : '---')).join('|')}|`, ...rows.map(line)].join('\n');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function checkSection(report: CheckReport | undefined): string {
  if (!report) return '## Check\n\nNo check report: the check did not run or its output could not be read.\n';
  const messages = report.messages ?? [];
  const errors = report.summary?.errors ?? messages.filter((m) => m.severity === 'error').length;
  const warnings = report.summary?.warnings ?? messages.filter((m) => m.severity === 'warning').length;
  const files = report.summary?.files;
  const head = errors === 0 && warnings === 0 ? '✅ No problems' : `${errors > 0 ? '❌' : '⚠️'} ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
  let text = `## Check\n\n${head}${files === undefined ? '' : ` in ${plural(files, 'file')}`}.\n`;
  if (messages.length === 0) return text;
  const byRule = new Map<string, { errors: number; warnings: number; files: Set<string> }>();
  for (const m of messages) {
    const rule = m.ruleId ?? 'unknown';
    let entry = byRule.get(rule);
    if (!entry) byRule.set(rule, (entry = { errors: 0, warnings: 0, files: new Set() }));
    if (m.severity === 'error') entry.errors++;
    else if (m.severity === 'warning') entry.warnings++;
    if (m.file) entry.files.add(m.file);
  }
  const rows = [...byRule]
    .sort((a, b) => b[1].errors - a[1].errors || b[1].warnings - a[1].warnings || (a[0] < b[0] ? -1 : 1))
    .map(([rule, n]) => [`\`${rule}\``, String(n.errors), String(n.warnings), String(n.files.size)]);
  text += `\n${table(['Rule', 'Errors', 'Warnings', 'Files'], ['l', 'r', 'r', 'r'], rows)}\n`;
  text += '\nThe rules are explained in docs/rules.md; the annotations on the changed lines show each problem in place (GitHub shows ten of each severity).\n';
  text += messageList('Every message', messages);
  return text;
}

const place = (m: ReportedMessage) => `${m.file ?? ''}${m.line === undefined ? '' : `:${m.line}${m.column === undefined ? '' : `:${m.column}`}`}`;

/** Every message, in a fold: annotations stop at ten per severity, this list never does. */
function messageList(title: string, messages: readonly ReportedMessage[], reasons = false): string {
  if (messages.length === 0) return '';
  const rows = messages.map((m) => [
    `\`${place(m)}\``,
    m.severity ?? '',
    `\`${m.ruleId ?? 'unknown'}\``,
    [m.message, m.hint ? `(${m.hint})` : undefined].filter(Boolean).join(' '),
    ...(reasons ? [m.reason ?? ''] : []),
  ]);
  const header = ['Where', 'Severity', 'Rule', 'Message', ...(reasons ? ['Why it is accepted'] : [])];
  return `\n<details><summary>${title} (${messages.length})</summary>\n\n${table(header, header.map(() => 'l'), rows)}\n\n</details>\n`;
}

function acknowledgedSection(report: CheckReport | undefined): string {
  const acknowledged = report?.acknowledged ?? [];
  if (acknowledged.length === 0) return '';
  return `## Acknowledged warnings\n\n${plural(acknowledged.length, 'warning')} that schema/project.json acknowledges (\`acknowledged\`): not counted, not annotated.\n${messageList('Acknowledged', acknowledged, true)}`;
}

function translationSection(rows: TranslationRow[] | undefined, limit: number): string {
  if (!rows) return '## Translations\n\nNo translation status: `strategy i18n status` did not run or its output could not be read.\n';
  if (rows.length === 0) return '## Translations\n\nNo items.\n';
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.status, (counts.get(row.status) ?? 0) + 1);
  const order = [...Object.keys(statusLabels), ...[...counts.keys()].filter((s) => !(s in statusLabels)).sort()];
  const countRows = order.filter((s) => counts.has(s)).map((s) => [statusLabels[s] ?? s, String(counts.get(s))]);
  let text = `## Translations\n\n${table(['Status', 'Items'], ['l', 'r'], countRows)}\n`;
  const attention = rows.filter((row) => row.status !== 'in-sync');
  if (attention.length > 0) {
    const shown = attention.slice(0, limit).map((row) => [`\`${row.id}\``, statusLabels[row.status] ?? row.status, row.behind ?? '', row.stem ?? '']);
    text += `\n${table(['Item', 'Status', 'Language behind', 'File'], ['l', 'l', 'l', 'l'], shown)}\n`;
    if (attention.length > limit) text += `\n…and ${attention.length - limit} more: run \`npx strategy i18n status\`.\n`;
    text += '\nOnce a translation is updated, record it with `npx strategy i18n stamp <id>`.\n';
  }
  return text;
}

function artifactSection(artifacts: { name: string; url: string }[], runUrl: string | undefined): string {
  const linked = artifacts.filter((a) => a.url !== '');
  const missing = artifacts.filter((a) => a.url === '');
  let text = '## Build artifacts\n\n';
  if (linked.length === 0 && missing.length === 0 && !runUrl) return `${text}None.\n`;
  for (const a of linked) text += `- [${a.name}](${a.url})\n`;
  for (const a of missing) text += `- ${a.name}: not built (see the build step)\n`;
  if (runUrl) text += `\nAll artifacts of this run: ${runUrl}#artifacts\n`;
  return text;
}

export function renderSummary(input: SummaryInput): string {
  return [
    '# Strategy\n',
    checkSection(input.check),
    ...(acknowledgedSection(input.check) ? [acknowledgedSection(input.check)] : []),
    translationSection(input.translations, input.listLimit ?? 20),
    artifactSection(input.artifacts ?? [], input.runUrl),
  ].join('\n');
}

function readJson(path: string | undefined): unknown {
  if (!path || !existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/** The rows of `i18n status --format json`: an array, or an object holding one. */
export function translationRows(value: unknown): TranslationRow[] | undefined {
  const list = Array.isArray(value)
    ? value
    : value && typeof value === 'object'
      ? Object.values(value as Record<string, unknown>).find((v) => Array.isArray(v))
      : undefined;
  if (!Array.isArray(list)) return undefined;
  return list
    .filter((row): row is Record<string, unknown> => Boolean(row) && typeof row === 'object')
    .map((row) => ({
      id: String(row['id'] ?? row['stem'] ?? '?'),
      status: String(row['status'] ?? 'unknown'),
      ...(typeof row['stem'] === 'string' ? { stem: row['stem'] } : {}),
      ...(typeof row['behind'] === 'string' ? { behind: row['behind'] } : {}),
    }));
}

export function summaryFromArgs(args: string[]): string {
  const { values } = parseArgs({
    args,
    options: { check: { type: 'string' }, i18n: { type: 'string' }, artifact: { type: 'string', multiple: true }, run: { type: 'string' } },
  });
  const check = readJson(values.check);
  const artifacts = (values.artifact ?? []).map((spec) => {
    const at = spec.indexOf('=');
    return at < 0 ? { name: spec, url: '' } : { name: spec.slice(0, at), url: spec.slice(at + 1) };
  });
  return renderSummary({
    check: check && typeof check === 'object' && !Array.isArray(check) ? (check as CheckReport) : undefined,
    translations: translationRows(readJson(values.i18n)),
    artifacts,
    runUrl: values.run,
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(summaryFromArgs(process.argv.slice(2)));
}
