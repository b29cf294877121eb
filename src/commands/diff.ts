import { spawnSync } from 'node:child_process';
import { t } from '../messages/index.ts';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError, type Command } from './command.ts';
import { compareVersions } from '../changes/compare.ts';
import { formatChanges, type ChangeFormat } from '../changes/format.ts';
import { defaultSchemaDir, loadGraph } from '../pipeline.ts';
import { approvedVersion, type ApprovedVersion } from '../changes/versions.ts';

/** A version to compare: a strategy folder (with schema/ beside it), or the strategy folder as a git ref holds it. */
interface Version {
  strategyDir: string;
  schemaDir: string;
  label: string;
}

const git = (cwd: string, args: string[]) => spawnSync('git', args, { cwd, encoding: 'buffer', maxBuffer: 1 << 30 });

/**
 * The strategy folder and its schema/ as `ref` holds them, written out by `git archive` into `into`: works in a
 * shallow clone for any ref it has, and reads no working tree.
 */
function fromGit(ref: string, dir: string, into: string): Version {
  const top = git(dir, ['rev-parse', '--show-toplevel']);
  if (top.status !== 0) throw new UsageError(t('cli.diff.not-in-git', { ref, dir: resolve(dir) }));
  const root = top.stdout.toString().trim();
  const commit = git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  if (commit.status !== 0) throw new UsageError(t('cli.diff.no-ref', { ref }));
  const strategyPath = relative(root, resolve(dir)).split('\\').join('/') || '.';
  const schemaPath = relative(root, defaultSchemaDir(dir)).split('\\').join('/');
  mkdirSync(into, { recursive: true });
  const archive = git(root, ['archive', '--format=tar', commit.stdout.toString().trim(), '--', strategyPath, schemaPath]);
  if (archive.status !== 0) throw new UsageError(t('cli.diff.no-path', { ref, strategy: strategyPath, schema: schemaPath, detail: archive.stderr.toString().trim() }));
  const untar = spawnSync('tar', ['-x', '-C', into], { input: archive.stdout });
  if (untar.status !== 0) throw new UsageError(t('cli.diff.unpack', { ref, detail: untar.stderr.toString().trim() }));
  return { strategyDir: join(into, strategyPath), schemaDir: join(into, schemaPath), label: ref };
}

/** An approved version (versions/<name>/), a folder, or a git ref: in that order. */
function version(spec: string, dir: string, scratch: string, schema: string | undefined): Version {
  let approved: ApprovedVersion | undefined;
  try {
    approved = approvedVersion(dir, spec);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (approved) return { strategyDir: approved.strategyDir, schemaDir: approved.schemaDir, label: approvedLabel(approved) };
  if (existsSync(spec) && statSync(spec).isDirectory()) return { strategyDir: resolve(spec), schemaDir: schema ?? defaultSchemaDir(spec), label: spec };
  return fromGit(spec, dir, scratch);
}

/** "the decision of 2024-03-11, § 8", in the current language. */
const approvedLabel = ({ decision }: ApprovedVersion) =>
  decision.section === undefined ? t('diff.decision', { date: decision.date }) : t('diff.decision.section', { date: decision.date, section: decision.section });

/**
 * `strategy diff <from> [<to>] [--dir strategy] [--format human|markdown|json] [--brief]`: what changed, item by item, in
 * every language. `from` and `to` are approved versions (versions/<name>/), strategy folders or git refs (of the
 * strategy folder `--dir`); `to` defaults to
 * the working tree's. Exits 0 whatever it finds; 2 when a version cannot be read.
 */
const diff: Command = async (args, io) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { dir: { type: 'string', default: 'strategy' }, schema: { type: 'string' }, format: { type: 'string', default: 'human' }, title: { type: 'string' }, brief: { type: 'boolean', default: false } },
  });
  const format = values.format as ChangeFormat;
  if (!['human', 'markdown', 'json'].includes(format)) throw new UsageError(t('cli.diff.format', { format: String(values.format) }));
  if (positionals.length < 1 || positionals.length > 2) throw new UsageError(t('cli.diff.args'));
  const dir = values.dir!;
  const scratch = mkdtempSync(join(tmpdir(), 'strategy-diff-'));
  try {
    const from = version(positionals[0]!, dir, join(scratch, 'from'), undefined);
    const to = positionals[1] ? version(positionals[1], dir, join(scratch, 'to'), values.schema) : { strategyDir: resolve(dir), schemaDir: values.schema ?? defaultSchemaDir(dir), label: dir };
    for (const side of [from, to]) if (!existsSync(side.strategyDir)) throw new UsageError(t('cli.diff.no-folder', { label: side.label, path: relative(process.cwd(), side.strategyDir) || '.' }));
    // Each version with its own schema/ (a field added since is a change, not an error), read and parsed but not
    // checked: what changed is the question here, not what is wrong.
    const before = loadGraph(from.strategyDir, { schemaDir: from.schemaDir });
    const after = loadGraph(to.strategyDir, { schemaDir: to.schemaDir });
    io.out(formatChanges(compareVersions(before.graph, after.graph), format, values.title ?? t('diff.heading.from-to', { from: from.label, to: to.label }), values.brief));
    return 0;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
};

export default diff;
