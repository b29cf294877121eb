/**
 * The Markdown job summary of a CI run: problems by rule (from `strategy check --format json`), translation
 * status (from `strategy i18n status --format json`) and links to the build artifacts.
 *
 *   node src/ci/summary.ts --check check.json --i18n i18n-status.json \
 *     --artifact "website=https://…" --artifact "council-pdf=https://…" --run https://… --lang sv >> "$GITHUB_STEP_SUMMARY"
 *
 * Every word comes from the catalogues (src/messages/), in the language `--lang` names, else LC_ALL, LC_MESSAGES or
 * LANG, else the primary language of schema/project.json (`--schema`), else English; the Markdown (headings, tables,
 * folds) is the same in every language. A missing or empty input becomes a line saying so (the step that writes it
 * did not run): the summary reports a failed check, it does not fail with it. An input that cannot be read or is not
 * that JSON is an error, at its place, exit 2; so is a bad option (`--help` lists them).
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { jsonSyntaxError } from '../load/schema.ts';
import { count, languages, t, type MessageKey } from '../messages/index.ts';
import { InputError, optionValue, runScript, type Script } from './script.ts';

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

/** The words of `strategy i18n status`, so that the summary and the command it points to say the same. */
const statuses = ['in-sync', 'outdated', 'both-changed', 'unstamped', 'missing'] as const;
const statusLabel = (status: string) => ((statuses as readonly string[]).includes(status) ? t(`cli.i18n.status.${status}` as MessageKey) : status);

/** The artifacts the workflows upload, by their names there, as the summary names them. */
const artifactLabels: Record<string, MessageKey> = { website: 'ci.summary.artifact.website', 'council-pdf': 'ci.summary.artifact.council-pdf' };

/** Table cells: pipes and line breaks would break the row. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function table(header: string[], align: ('l' | 'r')[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), `|${align.map((a) => (a === 'r' ? '---:' : '---')).join('|')}|`, ...rows.map(line)].join('\n');
}

const heading = (level: number, key: MessageKey) => `${'#'.repeat(level)} ${t(key)}\n`;
const severity = (value: string | undefined) => (value === 'error' || value === 'warning' || value === 'info' ? t(`report.severity.${value}`) : (value ?? ''));
const ruleOf = (m: ReportedMessage) => m.ruleId ?? t('ci.summary.unknown');

function checkSection(report: CheckReport | undefined): string {
  if (!report) return `${heading(2, 'ci.summary.check.heading')}\n${t('ci.summary.check.none')}\n`;
  const messages = report.messages ?? [];
  const errors = report.summary?.errors ?? messages.filter((m) => m.severity === 'error').length;
  const warnings = report.summary?.warnings ?? messages.filter((m) => m.severity === 'warning').length;
  const files = report.summary?.files;
  const inFiles = files === undefined ? {} : { files: count(files, 'cli.dev.files.one', 'cli.dev.files.other') };
  const head =
    errors === 0 && warnings === 0
      ? t(files === undefined ? 'ci.summary.check.clean' : 'ci.summary.check.clean.files', inFiles)
      : t(files === undefined ? 'ci.summary.check.problems' : 'ci.summary.check.problems.files', {
          mark: errors > 0 ? '❌' : '⚠️',
          errors: count(errors, 'report.errors.one', 'report.errors.other'),
          warnings: count(warnings, 'report.warnings.one', 'report.warnings.other'),
          ...inFiles,
        });
  let text = `${heading(2, 'ci.summary.check.heading')}\n${head}\n`;
  if (messages.length === 0) return text;
  const byRule = new Map<string, { errors: number; warnings: number; files: Set<string> }>();
  for (const m of messages) {
    const rule = ruleOf(m);
    let entry = byRule.get(rule);
    if (!entry) byRule.set(rule, (entry = { errors: 0, warnings: 0, files: new Set() }));
    if (m.severity === 'error') entry.errors++;
    else if (m.severity === 'warning') entry.warnings++;
    if (m.file) entry.files.add(m.file);
  }
  const rows = [...byRule]
    .sort((a, b) => b[1].errors - a[1].errors || b[1].warnings - a[1].warnings || (a[0] < b[0] ? -1 : 1))
    .map(([rule, n]) => [`\`${rule}\``, String(n.errors), String(n.warnings), String(n.files.size)]);
  const header = [t('ci.summary.column.rule'), t('ci.summary.column.errors'), t('ci.summary.column.warnings'), t('ci.summary.column.files')];
  text += `\n${table(header, ['l', 'r', 'r', 'r'], rows)}\n`;
  text += `\n${t('ci.summary.rules')}\n`;
  text += messageList(t('ci.summary.messages'), messages);
  return text;
}

const place = (m: ReportedMessage) => `${m.file ?? ''}${m.line === undefined ? '' : `:${m.line}${m.column === undefined ? '' : `:${m.column}`}`}`;

/** Every message, in a fold: annotations stop at ten per severity, this list never does. */
function messageList(title: string, messages: readonly ReportedMessage[], reasons = false): string {
  if (messages.length === 0) return '';
  const rows = messages.map((m) => [
    `\`${place(m)}\``,
    severity(m.severity),
    `\`${ruleOf(m)}\``,
    [m.message, m.hint ? `(${m.hint})` : undefined].filter(Boolean).join(' '),
    ...(reasons ? [m.reason ?? ''] : []),
  ]);
  const header = [t('ci.summary.column.where'), t('ci.summary.column.severity'), t('ci.summary.column.rule'), t('ci.summary.column.message'), ...(reasons ? [t('ci.summary.column.reason')] : [])];
  return `\n<details><summary>${title} (${messages.length})</summary>\n\n${table(header, header.map(() => 'l'), rows)}\n\n</details>\n`;
}

function acknowledgedSection(report: CheckReport | undefined): string {
  const acknowledged = report?.acknowledged ?? [];
  if (acknowledged.length === 0) return '';
  return `${heading(2, 'ci.summary.acknowledged.heading')}\n${count(acknowledged.length, 'ci.summary.acknowledged.one', 'ci.summary.acknowledged.other')}\n${messageList(t('ci.summary.acknowledged.fold'), acknowledged, true)}`;
}

function translationSection(rows: TranslationRow[] | undefined, limit: number): string {
  const title = heading(2, 'ci.summary.translations.heading');
  if (!rows) return `${title}\n${t('ci.summary.translations.none')}\n`;
  if (rows.length === 0) return `${title}\n${t('ci.summary.translations.empty')}\n`;
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.status, (counts.get(row.status) ?? 0) + 1);
  const order = [...statuses, ...[...counts.keys()].filter((s) => !(statuses as readonly string[]).includes(s)).sort()];
  const countRows = order.filter((s) => counts.has(s)).map((s) => [statusLabel(s), String(counts.get(s))]);
  let text = `${title}\n${table([t('ci.summary.column.status'), t('ci.summary.column.items')], ['l', 'r'], countRows)}\n`;
  const attention = rows.filter((row) => row.status !== 'in-sync');
  if (attention.length > 0) {
    const shown = attention.slice(0, limit).map((row) => [`\`${row.id}\``, statusLabel(row.status), row.behind ?? '', row.stem ?? '']);
    const header = [t('ci.summary.column.item'), t('ci.summary.column.status'), t('ci.summary.column.behind'), t('ci.summary.column.file')];
    text += `\n${table(header, ['l', 'l', 'l', 'l'], shown)}\n`;
    if (attention.length > limit) text += `\n${t('ci.summary.translations.more', { n: attention.length - limit })}\n`;
    text += `\n${t('ci.summary.translations.stamp')}\n`;
  }
  return text;
}

function artifactSection(artifacts: { name: string; url: string }[], runUrl: string | undefined): string {
  const label = (name: string) => (artifactLabels[name] ? t(artifactLabels[name]) : name);
  const linked = artifacts.filter((a) => a.url !== '');
  const missing = artifacts.filter((a) => a.url === '');
  let text = `${heading(2, 'ci.summary.artifacts.heading')}\n`;
  if (linked.length === 0 && missing.length === 0 && !runUrl) return `${text}${t('ci.summary.artifacts.none')}\n`;
  for (const a of linked) text += `- [${label(a.name)}](${a.url})\n`;
  for (const a of missing) text += `- ${t('ci.summary.artifacts.not-built', { name: label(a.name) })}\n`;
  if (runUrl) text += `\n${t('ci.summary.artifacts.all', { url: `${runUrl}#artifacts` })}\n`;
  return text;
}

export function renderSummary(input: SummaryInput): string {
  return [
    heading(1, 'ci.summary.heading'),
    checkSection(input.check),
    ...(acknowledgedSection(input.check) ? [acknowledgedSection(input.check)] : []),
    translationSection(input.translations, input.listLimit ?? 20),
    artifactSection(input.artifacts ?? [], input.runUrl),
  ].join('\n');
}

/**
 * An input file's JSON: undefined when the file is missing or empty (the step that writes it did not run, or wrote
 * nothing: the summary says so); Node's error when it cannot be read, and its place when it is not JSON.
 */
function readJson(path: string | undefined): unknown {
  if (!path || !existsSync(path)) return undefined;
  let text: string;
  try {
    text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    // Reading a folder fails without naming it.
    throw Object.assign(error as Error, { path: (error as { path?: string }).path ?? path });
  }
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    const { line, column, message } = jsonSyntaxError(text, error);
    throw new InputError(`${shown(path)}:${line}:${column}: ${message}`);
  }
}

const shown = (path: string) => relative(process.cwd(), resolve(path)) || '.';

/** Rows that each say their status, as `i18n status` writes them. */
const isStatusList = (value: unknown): value is unknown[] =>
  Array.isArray(value) && value.every((row) => Boolean(row) && typeof row === 'object' && typeof (row as Record<string, unknown>)['status'] === 'string');

/** The rows of `i18n status --format json`: an array, or an object holding one; undefined when it is neither. */
export function translationRows(value: unknown): TranslationRow[] | undefined {
  const list = isStatusList(value) ? value : value && typeof value === 'object' ? Object.values(value as Record<string, unknown>).find(isStatusList) : undefined;
  if (!list) return undefined;
  return list
    .filter((row): row is Record<string, unknown> => Boolean(row) && typeof row === 'object')
    .map((row) => ({
      id: String(row['id'] ?? row['stem'] ?? '?'),
      status: String(row['status'] ?? 'unknown'),
      ...(typeof row['stem'] === 'string' ? { stem: row['stem'] } : {}),
      ...(typeof row['behind'] === 'string' ? { behind: row['behind'] } : {}),
    }));
}

/** The summary of the inputs the options name; throws InputError for an input that is not what it should be. */
export function summaryFromArgs(args: string[]): string {
  const { values } = parseArgs({ args, options: summaryOptions });
  const check = readJson(values.check);
  if (check !== undefined && !(check && typeof check === 'object' && Array.isArray((check as CheckReport).messages))) {
    throw new InputError(t('ci.summary.not-output', { path: shown(values.check!), command: 'strategy check --format json' }));
  }
  const status = readJson(values.i18n);
  const translations = status === undefined ? undefined : translationRows(status);
  if (status !== undefined && !translations) throw new InputError(t('ci.summary.not-output', { path: shown(values.i18n!), command: 'strategy i18n status --format json' }));
  const artifacts = (values.artifact ?? []).map((spec) => {
    const at = spec.indexOf('=');
    return at < 0 ? { name: spec, url: '' } : { name: spec.slice(0, at), url: spec.slice(at + 1) };
  });
  return renderSummary({ check: check as CheckReport | undefined, translations, artifacts, runUrl: values.run });
}

const summaryOptions = {
  check: { type: 'string' },
  i18n: { type: 'string' },
  artifact: { type: 'string', multiple: true },
  run: { type: 'string' },
  schema: { type: 'string', default: 'schema' },
} as const;

export const summaryScript: Script = {
  path: 'src/ci/summary.ts',
  usage: () => t('ci.summary.help', { languages: languages.join('|') }),
  schemaDir: (args) => optionValue(args, 'schema') ?? 'schema',
  run(args, io) {
    io.out(summaryFromArgs(args));
    return 0;
  },
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = runScript(summaryScript, process.argv.slice(2));
}
