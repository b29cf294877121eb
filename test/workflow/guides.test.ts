import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Code, Heading, Root } from 'mdast';
import { markdownProcessor } from '../../src/parse/processor.ts';
import { repoRoot } from './helpers.ts';

function outline(path: string): { headings: number[]; code: { lang: string | null | undefined; value: string }[] } {
  const tree = markdownProcessor.parse(readFileSync(join(repoRoot, path), 'utf8')) as Root;
  return {
    headings: tree.children.filter((node): node is Heading => node.type === 'heading').map((node) => node.depth),
    code: tree.children.filter((node): node is Code => node.type === 'code').map((node) => ({ lang: node.lang, value: node.value })),
  };
}

describe("editors' guides", () => {
  const sv = outline('docs/guide-sv.md');
  const fi = outline('docs/guide-fi.md');

  it('have the same structure in Swedish and in Finnish', () => {
    expect(fi.headings).toEqual(sv.headings);
    expect(fi.code.map((c) => c.lang)).toEqual(sv.code.map((c) => c.lang));
  });

  it('show the same commands and the same tool output in both languages', () => {
    const same = (lang: string | null | undefined) => lang === 'sh' || lang === 'text' || lang === 'diff';
    expect(fi.code.filter((c) => same(c.lang))).toEqual(sv.code.filter((c) => same(c.lang)));
  });

  it('only use commands the CLI has', () => {
    const commands = new Set(['check', 'build', 'new', 'fix', 'dev', 'i18n']);
    for (const guide of ['docs/guide-sv.md', 'docs/guide-fi.md']) {
      const text = readFileSync(join(repoRoot, guide), 'utf8');
      for (const [, command] of text.matchAll(/npx strategy ([a-z0-9-]+)/g)) expect(commands, `${guide}: ${command}`).toContain(command);
    }
  });
});
