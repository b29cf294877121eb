/**
 * Where the repository is, and its address on the web: what SARIF needs to give paths relative to the repository's
 * root and absolute links to the rules' documentation.
 *
 * The web address is, in order: GitHub Actions' GITHUB_SERVER_URL and GITHUB_REPOSITORY, the `origin` remote
 * (https, ssh or scp-like, for GitHub, GitLab and other forges), and else none: the documentation is then linked as a
 * `file:` URL in the checkout, which is absolute and opens on the machine that ran the check.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface Repository {
  /** The absolute path of the working tree's root: paths in SARIF are relative to it. */
  root: string;
  /** `https://github.com/owner/name`, without a trailing slash; undefined when nothing names one. */
  webUrl?: string;
  /** The commit or branch the documentation links point into. */
  ref?: string;
}

function git(cwd: string, args: string[]): string | undefined {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() || undefined : undefined;
}

/** `git@github.com:o/r.git`, `ssh://git@host/o/r`, `https://user@host/o/r.git` → `https://host/o/r`. */
export function webUrlOfRemote(remote: string): string | undefined {
  const scp = /^[\w.-]+@([\w.-]+):(?!\/)(.+?)(?:\.git)?\/?$/.exec(remote);
  if (scp) return `https://${scp[1]}/${scp[2]}`;
  try {
    const url = new URL(remote);
    if (!['https:', 'http:', 'ssh:', 'git:'].includes(url.protocol) || !url.hostname) return undefined;
    const path = url.pathname.replace(/\.git\/?$/, '').replace(/\/$/, '');
    return path.length > 1 ? `https://${url.hostname}${path}` : undefined;
  } catch {
    return undefined;
  }
}

export function findRepository(cwd: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): Repository {
  const root = git(cwd, ['rev-parse', '--show-toplevel']) ?? resolve(cwd);
  const fromActions = env['GITHUB_SERVER_URL'] && env['GITHUB_REPOSITORY'] ? `${env['GITHUB_SERVER_URL'].replace(/\/$/, '')}/${env['GITHUB_REPOSITORY']}` : undefined;
  const remote = git(cwd, ['remote', 'get-url', 'origin']);
  const webUrl = fromActions ?? (remote ? webUrlOfRemote(remote) : undefined);
  const ref = env['GITHUB_SHA'] || git(cwd, ['rev-parse', 'HEAD']);
  return { root, ...(webUrl ? { webUrl } : {}), ...(ref ? { ref } : {}) };
}

/** The absolute address of a file of the repository, `docs/rules.md`, on its forge or else in the checkout. */
export function repositoryFileUrl(repository: Repository, path: string): string {
  if (!repository.webUrl) return pathToFileURL(resolve(repository.root, path)).href;
  const blob = /gitlab/i.test(new URL(repository.webUrl).hostname) ? '-/blob' : 'blob';
  return `${repository.webUrl}/${blob}/${repository.ref ?? 'HEAD'}/${path}`;
}
