import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStrategy } from '../../src/pipeline.ts';
import { buildViewModel } from '../../src/view/build.ts';
import { expectFile, repoRoot } from '../helpers/fixtures.ts';

const strategyDir = join(repoRoot, 'strategy');
const { graph, errorCount, messages } = loadStrategy(strategyDir, { cwd: repoRoot });
const view = buildViewModel(graph, 'sv', { strategyDir, sourceDate: '2025-01-01T00:00:00.000Z' });
const ofKind = (kind: string) => view.order.filter((id) => view.items[id]!.kind === kind);
const goalsIn = (section: string) => view.items[section]!.children.filter((id) => view.items[id]!.kind === 'goal');

/** The inventory a reviewer compares with the seed PDFs: every goal by section, with its actions and measures. */
function inventory(): string {
  const lines: string[] = [];
  for (const kind of ['value', 'promise', 'strategic-goal']) {
    lines.push(`## ${kind} (${ofKind(kind).length})`, ...ofKind(kind).map((id) => `- ${view.items[id]!.title}`), '');
  }
  for (const section of ofKind('section').filter((id) => goalsIn(id).length > 0)) {
    lines.push(`## ${view.items[section]!.title} (${goalsIn(section).length} goals)`);
    for (const goal of goalsIn(section)) {
      const children = view.items[goal]!.children.map((id) => view.items[id]!);
      const count = (kind: string) => children.filter((c) => c.kind === kind).length;
      lines.push(`- ${view.items[goal]!.title} [${count('action')} actions, ${count('measure')} measures]`);
    }
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

describe('the shipped strategy', () => {
  it('passes check with 0 errors', () => {
    expect(messages.filter((m) => m.fatal).map((m) => `${m.file}:${m.line}:${m.column} ${m.reason}`)).toEqual([]);
    expect(errorCount).toBe(0);
  });

  it('has every file in both languages', () => {
    for (const [stem, versions] of graph.twins) expect([...versions.keys()].sort(), stem).toEqual(['fi', 'sv']);
  });

  it('holds the framing of seed 001: three values, seven value promises, seven strategic goals', () => {
    expect(ofKind('value').map((id) => view.items[id]!.title)).toEqual(['För att stärka tilliten', 'För att skapa trygghet', 'Från människa till människa']);
    expect(ofKind('strategic-goal').filter((id) => view.items[id]!.parent === 'section-framing')).toHaveLength(7);
    expect(ofKind('promise').filter((id) => view.items[id]!.parent === 'section-framing')).toHaveLength(7);
  });

  it('has the goals of each target-group table in seed 001 and the language strategy', () => {
    expect(Object.fromEntries(ofKind('section').filter((id) => goalsIn(id).length).map((id) => [id, goalsIn(id).length]))).toEqual({
      'section-population': 4,
      'section-children': 4,
      'section-working-age': 4,
      'section-older': 3,
      'section-multi-producer': 3,
      'section-language-strategy': 3,
    });
  });

  it('types the measures and keeps the targets the seed gives', () => {
    const targets = ofKind('measure').flatMap((id) => view.items[id]!.measure!.targets.map((t) => `${String(view.items[id]!.measure!.type?.value)}:${String(t.value)}`));
    for (const expected of ['count:400', 'percent:94', 'days:7', 'days:12', 'yes-no:true']) expect(targets).toContain(expected);
    for (const id of ofKind('measure')) expect(view.items[id]!.measure!.type?.value, id).toBeTypeOf('string');
  });

  it('matches the reviewed inventory (UPDATE=1 rewrites it; review the diff against the seeds)', () => {
    expectFile(join(repoRoot, 'test/content/inventory.expected.md'), inventory());
  });
});
