/**
 * What the workflow does on a branch the CMS made (Decap's editorial workflow opens each change as a pull request
 * from `cms/<collection>/<slug>`), before it checks it: the CMS edits an item's two language versions side by side
 * and saves both files, but it cannot compute the translation stamp (`twin-hash`) and it edits lists (targets,
 * links) on each side separately.
 *
 *   node src/ci/cms-branch.ts --base <ref> [--dir strategy] [--schema schema] [--lang sv|fi|en]   >> "$GITHUB_STEP_SUMMARY"
 *
 * For every item the branch changed (against the merge base with `<ref>`):
 * 1. the language-neutral front-matter of the primary language's file is copied to the other languages' files, as
 *    `strategy fix --from <primary>` does, so that what the CMS edits on the primary side holds in both;
 * 2. the pair is stamped as reconciled only where the branch changed the content of both files (the hash that
 *    `check` compares, which ignores formatting, so the CMS re-saving an unchanged file does not count). An item
 *    whose other language the editor did not touch keeps its stamp, and `check` reports `translation-outdated`:
 *    a translator has work to do, and the stamp must not hide it.
 *
 * It prints a Markdown note of what it did and why that is safe; the workflow commits the files it changed. The note
 * and the messages are in the language `--lang` names, else LC_ALL, LC_MESSAGES or LANG, else the primary language of
 * schema/project.json, else English; a bad option, a base git does not know or a bad schema/ is an error, exit 2.
 */
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { defaultSchemaDir, loadStrategy } from '../pipeline.ts';
import { cachedSchemaSet } from '../load/schema-cache.ts';
import { planFixes } from '../edit/fix-plan.ts';
import { writeFileAtomic } from '../edit/write.ts';
import { parseFile } from '../parse/parse-file.ts';
import { fileHash } from '../cross-language/file-view.ts';
import { pairStatus } from '../cross-language/stamp.ts';
import { stampPair } from '../edit/stamp.ts';
import { twinPairs } from '../model/twins.ts';
import type { SourceFile } from '../model/types.ts';
import { UsageError } from '../commands/command.ts';
import { languages, t } from '../messages/index.ts';
import { optionValue, runScript, type Script } from './script.ts';

export interface CmsBranchResult {
  /** Files whose language-neutral front-matter was copied from the primary language's file. */
  copied: string[];
  /** Items stamped: both their files changed on the branch. */
  stamped: string[];
  /** Items left as they were, with the language whose content the branch did not change. */
  left: { id: string; unchanged: string }[];
}

/** The file's content hash as `check` computes it; undefined when the file did not exist. */
type HashAt = (file: SourceFile) => string | undefined;

/**
 * Reconciles what the CMS saved: `changed` are the paths under the strategy folder the branch changed, `baseHash`
 * the content hash each file had before the branch.
 */
export function reconcileCmsEdits(strategyDir: string, changed: ReadonlySet<string>, baseHash: HashAt, schemaDir = defaultSchemaDir(strategyDir)): CmsBranchResult {
  const root = resolve(strategyDir);
  const schema = cachedSchemaSet(schemaDir);
  const primary = schema.project.primaryLanguage;
  const first = loadStrategy(root, { schemaDir });
  const touched = new Set(first.graph.files.filter((file) => changed.has(file.path)).map((file) => file.stem));
  const copied: string[] = [];
  for (const change of planFixes(root, schema, { from: primary }).changes) {
    const stem = first.graph.files.find((file) => file.path === change.path)?.stem;
    if (stem === undefined || !touched.has(stem)) continue;
    writeFileAtomic(join(root, change.path), change.text);
    copied.push(change.path);
  }
  const { graph } = loadStrategy(root, { schemaDir });
  const stamped: string[] = [];
  const left: CmsBranchResult['left'] = [];
  for (const [a, b] of twinPairs(graph)) {
    if (!touched.has(a.stem) || pairStatus(a, b).status === 'in-sync') continue;
    const id = String(a.data?.['id'] ?? a.stem);
    const unchanged = [a, b].find((file) => baseHash(file) === fileHash(file));
    if (unchanged) {
      left.push({ id, unchanged: unchanged.lang });
      continue;
    }
    stampPair(root, a, b);
    stamped.push(id);
  }
  return { copied, stamped, left };
}

/** The job summary's note: what was done, and why stamping is safe, in the current language. */
export function cmsBranchNote(result: CmsBranchResult): string {
  const code = (words: readonly string[]) => words.map((word) => `\`${word}\``).join(', ');
  const lines = [`## ${t('ci.cms.heading')}`, ''];
  if (result.copied.length > 0) lines.push(t('ci.cms.copied', { files: code(result.copied) }), '');
  if (result.stamped.length > 0) lines.push(t('ci.cms.stamped', { ids: code(result.stamped) }), '', t('ci.cms.safe'), '');
  if (result.left.length > 0) {
    lines.push(t('ci.cms.left'), '');
    for (const { id, unchanged } of result.left) lines.push(`- ${t('ci.cms.left.item', { id: `\`${id}\``, lang: unchanged })}`);
    lines.push('');
  }
  if (result.copied.length + result.stamped.length + result.left.length === 0) lines.push(t('ci.cms.nothing'), '');
  return `${lines.join('\n')}\n`;
}

const git = (cwd: string, args: string[]) => spawnSync('git', args, { cwd, encoding: 'buffer', maxBuffer: 1 << 30 });

/** The branch's changes against the merge base with `base`, from git: the changed paths and each file's hash before. */
export function branchChanges(strategyDir: string, base: string): { changed: Set<string>; baseHash: HashAt } {
  const root = resolve(strategyDir);
  const inGit = git(root, ['rev-parse', '--show-toplevel']);
  if (inGit.status !== 0) throw new UsageError(t('ci.cms.not-in-git', { path: relative(process.cwd(), root) || '.' }));
  const top = inGit.stdout.toString().trim();
  if (git(top, ['rev-parse', '--verify', '--quiet', `${base}^{commit}`]).status !== 0) throw new UsageError(t('ci.cms.no-ref', { ref: base }));
  const mergeBase = git(top, ['merge-base', base, 'HEAD']).stdout.toString().trim() || base;
  const inRepo = relative(top, root).split(sep).join('/');
  const diff = git(top, ['diff', '--name-only', '--no-renames', mergeBase, 'HEAD', '--', inRepo || '.']);
  const changed = new Set(
    diff.stdout
      .toString()
      .split('\n')
      .filter(Boolean)
      .map((path) => relative(inRepo, path).split(sep).join('/')),
  );
  const baseHash: HashAt = (file) => {
    const shown = git(top, ['show', `${mergeBase}:${inRepo ? `${inRepo}/` : ''}${file.path}`]);
    return shown.status === 0 ? fileHash(parseFile({ path: file.path, stem: file.stem, lang: file.lang }, new Uint8Array(shown.stdout))) : undefined;
  };
  return { changed, baseHash };
}

const options = { base: { type: 'string' }, dir: { type: 'string', default: 'strategy' }, schema: { type: 'string' } } as const;

export const cmsBranchScript: Script = {
  path: 'src/ci/cms-branch.ts',
  usage: () => t('ci.cms.help', { languages: languages.join('|') }),
  schemaDir: (args) => optionValue(args, 'schema') ?? defaultSchemaDir(optionValue(args, 'dir') ?? 'strategy'),
  run(args, io) {
    const { values } = parseArgs({ args, options });
    if (!values.base) throw new UsageError(t('ci.cms.base'));
    const dir = values.dir;
    if (!statSync(dir).isDirectory()) throw new UsageError(t('cli.error.ENOTDIR', { path: relative(process.cwd(), resolve(dir)) }));
    const { changed, baseHash } = branchChanges(dir, values.base);
    io.out(cmsBranchNote(reconcileCmsEdits(dir, changed, baseHash, values.schema ?? defaultSchemaDir(dir))));
    return 0;
  },
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = runScript(cmsBranchScript, process.argv.slice(2));
}
