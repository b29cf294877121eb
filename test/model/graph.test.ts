import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { loadStrategy } from '../../src/pipeline.ts';
import { markdownProcessor } from '../../src/parse/processor.ts';
import { buildViewModel } from '../../src/view/build.ts';
import { repoRoot, repoSchema } from '../helpers/fixtures.ts';

const mini = join(repoRoot, 'test/fixtures/mini/strategy');
const alt = join(repoRoot, 'test/fixtures/alt-hierarchy');

describe('StrategyGraph', () => {
  const { graph, errorCount, warningCount } = loadStrategy(mini, { schemaDir: repoSchema });

  it('loads the fixture strategy without problems', () => {
    expect([errorCount, warningCount]).toEqual([0, 0]);
  });

  it('holds each item in both languages with its parent and ordered children', () => {
    expect(graph.get('goal-older-home', 'sv')?.title).toBe('Allt fler äldre bor hemma');
    expect(graph.get('goal-older-home', 'fi')?.title).toBe('Yhä useampi ikääntynyt asuu kotona');
    expect(graph.children.get('goal-older-home')).toEqual(['action-medicine-robots', 'measure-living-at-home', 'measure-medicine-robots']);
    expect(graph.roots).toEqual(['mini-strategy']);
  });

  it('stores every link in both directions', () => {
    const out = graph.outgoing.get('goal-older-home')!.filter((l) => l.field !== 'parent').map((l) => `${l.field}:${l.to}`);
    expect(out).toEqual(['values:value-trust', 'values:value-security', 'promises:promise-effective-services', 'strategic-goals:strategic-goal-digital']);
    expect(graph.incoming.get('value-trust')!.map((l) => l.from)).toEqual(['goal-older-home']);
  });

  it('keeps unresolved references as data', () => {
    const broken = loadStrategy(join(repoRoot, 'test/fixtures/rules/link-target/not-ok/strategy'), { schemaDir: repoSchema }).graph;
    const link = broken.outgoing.get('goal-a')!.find((l) => l.to === 'value-trsut');
    expect(link).toMatchObject({ field: 'values', index: 0, resolved: false, expectedKinds: ['value'] });
    expect(broken.incoming.get('value-trsut')).toHaveLength(1);
  });

  it('parses each file exactly once', () => {
    const parse = vi.spyOn(markdownProcessor, 'parse');
    const { graph: again } = loadStrategy(mini, { schemaDir: repoSchema });
    expect(parse).toHaveBeenCalledTimes(again.files.length);
    parse.mockRestore();
  });
});

describe('a hierarchy declared only in schema/', () => {
  it('validates a promise → priority → objective → method strategy by swapping schema/', () => {
    const result = loadStrategy(join(alt, 'strategy'), { schemaDir: join(alt, 'schema') });
    expect(result.messages.map((m) => m.reason)).toEqual([]);
    expect(result.graph.children.get('priority-carbon')).toEqual(['objective-emissions']);
    const view = buildViewModel(result.graph, 'fi', { strategyDir: join(alt, 'strategy'), sourceDate: '2025-01-01T00:00:00.000Z' });
    expect(view.items['objective-emissions']!.links).toEqual([{ key: 'themes', label: 'Teemat', ids: ['theme-climate'] }]);
    expect(view.items['theme-climate']!.linkedFrom[0]!.ids).toEqual(['objective-emissions']);
  });

  it('rejects the same files under the service-strategy schema', () => {
    const result = loadStrategy(join(alt, 'strategy'), { schemaDir: repoSchema });
    expect(result.messages.filter((m) => m.ruleId === 'unknown-kind').length).toBeGreaterThan(0);
  });
});
