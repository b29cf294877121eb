import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/fixtures.ts';

/**
 * The module graph of src/ as TypeScript itself resolves it (`tsc --explainFiles`): every import counts, type-only,
 * dynamic and re-exports alike, with no parser of our own to drift from the language.
 */
function moduleGraph(): Map<string, Set<string>> {
  const tsc = join(repoRoot, 'node_modules/typescript/bin/tsc');
  const text = execFileSync(process.execPath, [tsc, '--noEmit', '--noCheck', '--explainFiles', '-p', 'tsconfig.json'], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const graph = new Map<string, Set<string>>();
  let file: string | undefined;
  for (const line of text.split('\n')) {
    if (!line.startsWith(' ')) {
      file = line.trim();
      if (file.startsWith('src/') && !graph.has(file)) graph.set(file, new Set());
      continue;
    }
    const from = /^\s+Imported via .* from file '([^']+)'/.exec(line)?.[1];
    if (file?.startsWith('src/') && from?.startsWith('src/')) {
      if (!graph.has(from)) graph.set(from, new Set());
      graph.get(from)!.add(file);
    }
  }
  return graph;
}

/** The import cycles: each strongly connected group of more than one module (Tarjan's algorithm), as a closed path. */
function cycles(graph: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      group.push(member);
    } while (member !== node);
    if (group.length > 1 || graph.get(node)?.has(node)) found.push(pathWithin(graph, new Set(group), node));
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return found;
}

/** One closed path through a cycle's modules, from `start` back to it, so that the message names each import. */
function pathWithin(graph: ReadonlyMap<string, ReadonlySet<string>>, group: ReadonlySet<string>, start: string): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const next of [...(graph.get(node) ?? [])].sort()) {
      if (!group.has(next)) continue;
      if (next === start) {
        const path = [start];
        for (let at: string | undefined = node; at !== start && at !== undefined; at = previous.get(at)) path.splice(1, 0, at);
        return [...path, start];
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return [...group];
}

/**
 * The layers of src/, top to bottom, as README's "Design" draws them: a module imports from its own layer or the ones
 * below it, never from one above.
 */
const layers: readonly (readonly [name: string, paths: readonly string[]])[] = [
  ['command line', ['src/cli.ts']],
  ['commands', ['src/commands/', 'src/ci/', 'src/cms/']],
  ['render', ['src/render/']],
  ['diagnostics', ['src/diagnostics/']],
  ['view', ['src/view/', 'src/changes/']],
  ['pipeline', ['src/pipeline.ts', 'src/incremental/']],
  ['validate', ['src/validate/']],
  ['edit', ['src/edit/']],
  ['cross-language', ['src/cross-language/']],
  ['load', ['src/load/']],
  ['model', ['src/model/']],
  ['parse', ['src/parse/']],
  ['base', ['src/messages/', 'src/util/', 'src/output/', 'src/spelling/', 'src/fonts/']],
];

/** What the renderers may read: the view models and the base, never the strategy's files, graph or rules. */
const renderReads = new Set(['render', 'view', 'base']);

function layerOf(file: string): number {
  return layers.findIndex(([, paths]) => paths.some((path) => (path.endsWith('/') ? file.startsWith(path) : file === path)));
}

describe('the modules of src/', () => {
  const graph = moduleGraph();
  const edges = [...graph].flatMap(([from, targets]) => [...targets].map((to) => [from, to] as const));

  it('are read from TypeScript’s own module graph', () => {
    // The graph is what the other tests judge: if tsc's output changed its shape, they would find nothing to fail on.
    expect(graph.size).toBeGreaterThan(150);
    expect(graph.get('src/cli.ts')).toContain('src/commands/command.ts');
    expect(graph.get('src/cli.ts')).toContain('src/commands/check.ts'); // a dynamic import
    expect(graph.get('src/view/changes.ts')).toContain('src/view/types.ts'); // a type-only import
  });

  it('import one another without cycles', () => {
    expect(cycles(graph).map((cycle) => cycle.join(' → '))).toEqual([]);
  });

  it('the cycle search finds a cycle', () => {
    const withCycle = new Map([...graph].map(([from, targets]) => [from, new Set(targets)]));
    withCycle.get('src/parse/types.ts')!.add('src/cli.ts');
    expect(cycles(withCycle).length).toBeGreaterThan(0);
  });

  it('each belong to one layer', () => {
    expect([...graph.keys()].filter((file) => layerOf(file) === -1)).toEqual([]);
  });

  it('import only from their own layer or the ones below', () => {
    const up = edges
      .filter(([from, to]) => layerOf(to) < layerOf(from))
      .map(([from, to]) => `${from} (${layers[layerOf(from)]![0]}) → ${to} (${layers[layerOf(to)]![0]})`);
    expect(up).toEqual([]);
  });

  it('the renderers read only the view models', () => {
    const render = layers.findIndex(([name]) => name === 'render');
    const reads = edges
      .filter(([from, to]) => layerOf(from) === render && !renderReads.has(layers[layerOf(to)]![0]))
      .map(([from, to]) => `${from} → ${to}`);
    expect(reads).toEqual([]);
  });
});
