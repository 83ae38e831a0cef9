/**
 * A lead-in: a paragraph that ends with ":" introduces what follows it ("Công an tỉnh:", "Trong
 * đó, phần do ngân sách tỉnh bảo đảm gồm:"), so both writers keep it on the page of the block
 * after it, never alone at the foot of a page.
 */
import type { PhrasingContent } from 'mdast';

function text(nodes: readonly PhrasingContent[]): string {
  return nodes.map((node) => ('value' in node ? node.value : 'children' in node ? text(node.children as PhrasingContent[]) : '')).join('');
}

/** Whether a paragraph's words end with a colon. */
export function isLeadIn(nodes: readonly PhrasingContent[]): boolean {
  return /:\s*$/.test(text(nodes));
}
