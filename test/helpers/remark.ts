// The reference for reading composed Markdown: remark-parse with remark-gfm, positions dropped,
// as compose read every document before its fast path.
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const reader = unified().use(remarkParse).use(remarkGfm);

/** remark's tree of `source`, without positions. */
export function remarkTree(source: string): Root {
  const tree = reader.parse(source);
  const strip = (node: { position?: unknown; children?: unknown[] }): void => {
    delete node.position;
    node.children?.forEach((child) => strip(child as typeof node));
  };
  strip(tree);
  return tree;
}
