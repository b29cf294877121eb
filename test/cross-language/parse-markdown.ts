import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter);

/** Markdown as the loader parses it: GFM tables and YAML front-matter. */
export function parseMarkdown(source: string): Root {
  return processor.parse(source);
}
