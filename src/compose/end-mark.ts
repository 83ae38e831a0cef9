/**
 * The end mark: Vietnamese documents close the last paragraph of their body with "./.".
 */
import type { Paragraph, Root, RootContent, Text } from 'mdast';

/** Ends the last paragraph of the body with `mark`, replacing a full stop the clerk typed. */
export function addEndMark(body: Root, mark: string): void {
  const paragraph = lastParagraph(body.children);
  const text = paragraph && lastText(paragraph);
  if (!paragraph || !text) return;
  if (text.value.endsWith(mark)) return;
  text.value = text.value.replace(/\.?\s*$/, mark);
}

function lastParagraph(nodes: RootContent[]): Paragraph | undefined {
  for (let i = nodes.length - 1; i >= 0; i--) {
    const node = nodes[i]!;
    if (node.type === 'footnoteDefinition' || node.type === 'definition') continue;
    if (node.type === 'paragraph') return node;
    if ('children' in node) return lastParagraph(node.children as RootContent[]);
    return undefined;
  }
  return undefined;
}

function lastText(paragraph: Paragraph): Text | undefined {
  const last = paragraph.children[paragraph.children.length - 1];
  if (last?.type === 'text') return last;
  // The paragraph ends in emphasis or a footnote mark: the mark goes after it.
  const text: Text = { type: 'text', value: '' };
  paragraph.children.push(text);
  return text;
}
