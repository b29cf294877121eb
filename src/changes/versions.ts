/**
 * Approved versions as data: `versions/<name>/` beside strategy/ holds a frozen copy of strategy/ and schema/ as the
 * council approved them, with `version.json` naming the decision (body, date, §). Plain files in the repository, so
 * that `strategy diff <name>` works in a fresh clone, a shallow clone and after a squash merge, where a git tag may
 * be missing; a tag (`approved/<name>`) may point at the same commit for everyday use.
 */
import { t } from '../messages/index.ts';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export interface Decision {
  /** The approving body in each language ("Välfärdsområdesfullmäktige" / "Aluevaltuusto"). */
  body: Record<string, string>;
  /** The meeting's date, YYYY-MM-DD. */
  date: string;
  /** The § of the minutes. */
  section?: number;
}

export interface ApprovedVersion {
  name: string;
  decision: Decision;
  strategyDir: string;
  schemaDir: string;
}

/** The folder of approved versions for a strategy folder: `versions/` beside it. */
export function versionsDir(strategyDir: string): string {
  return join(dirname(resolve(strategyDir)), 'versions');
}

const isDate = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(text));

/** The approved version `name`, or undefined when there is none of that name; an Error, in words, when it is not whole. */
export function approvedVersion(strategyDir: string, name: string): ApprovedVersion | undefined {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) return undefined;
  const folder = join(versionsDir(strategyDir), name);
  const file = join(folder, 'version.json');
  if (!existsSync(file)) return undefined;
  const shown = (path: string) => relative(process.cwd(), path) || path;
  let raw: Partial<Decision> | null;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8')) as Partial<Decision> | null;
  } catch {
    raw = null;
  }
  if (typeof raw?.date !== 'string' || !isDate(raw.date) || typeof raw.body !== 'object' || raw.body === null) throw new Error(t('versions.decision', { file: shown(file) }));
  for (const part of ['strategy', 'schema']) if (!existsSync(join(folder, part))) throw new Error(t('versions.missing', { folder: shown(folder), part }));
  return { name, decision: { body: raw.body, date: raw.date, ...(typeof raw.section === 'number' ? { section: raw.section } : {}) }, strategyDir: join(folder, 'strategy'), schemaDir: join(folder, 'schema') };
}

/** The approved version decided last (by its decision's date, then its name), or undefined when versions/ has none. */
export function latestApproved(strategyDir: string): ApprovedVersion | undefined {
  const root = versionsDir(strategyDir);
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .flatMap((entry) => approvedVersion(strategyDir, entry.name) ?? []);
  return versions.sort((a, b) => a.decision.date.localeCompare(b.decision.date) || a.name.localeCompare(b.name)).at(-1);
}

/**
 * Freezes strategy/ and its schema/ as approved version `name`: copied into a temporary folder beside versions/,
 * then renamed into place, so that a failed copy leaves no half version. Refuses a name that exists.
 */
export function freezeVersion(strategyDir: string, schemaDir: string, name: string, decision: Decision): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) throw new Error(t('approve.name', { name }));
  if (!isDate(decision.date)) throw new Error(t('approve.date', { date: decision.date }));
  const root = versionsDir(strategyDir);
  const target = join(root, name);
  if (existsSync(target)) throw new Error(t('approve.exists', { folder: relative(process.cwd(), target) || target }));
  mkdirSync(root, { recursive: true });
  const staging = join(root, `.${name}.${process.pid}.tmp`);
  try {
    cpSync(resolve(strategyDir), join(staging, 'strategy'), { recursive: true });
    cpSync(resolve(schemaDir), join(staging, 'schema'), { recursive: true });
    writeFileSync(join(staging, 'version.json'), `${JSON.stringify(decision, null, 2)}\n`);
    renameSync(staging, target);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return target;
}
