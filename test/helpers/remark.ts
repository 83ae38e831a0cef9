// The reference for reading composed Markdown: remark-parse with remark-gfm, positions dropped,
// as compose read every document before its fast path; a bullet list written with "+" or "*"
// carries that mark in `data.marker` (remark's tree does not say it, and the plan draws it).
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const reader = unified().use(remarkParse).use(remarkGfm);

interface Node {
  type: string;
  ordered?: boolean | null;
  data?: Record<string, unknown>;
  position?: { start: { offset?: number } };
  children?: unknown[];
}

/** remark's tree of `source`, without positions. */
export function remarkTree(source: string): Root {
  const tree = reader.parse(source);
  const strip = (node: Node): void => {
    const mark = node.type === 'list' && !node.ordered ? source.charAt(node.position?.start.offset ?? -1) : '';
    if (mark === '+' || mark === '*') node.data = { ...node.data, marker: mark };
    delete node.position;
    node.children?.forEach((child) => strip(child as Node));
  };
  strip(tree as unknown as Node);
  return tree;
}
