/**
 * The guarantee that a template never loses an author's words: every paragraph the model holds
 * must be found, in order, in the document composed from it. A template that names a field the
 * view does not have (a typo, or a project's copy written for an older version) renders nothing
 * for it; Handlebars cannot always tell, so the composed text is checked against the model.
 */
import type { Nodes, PhrasingContent, Root } from 'mdast';
import type { Inline } from '../model/plan.js';
import { linkAddress } from './link-address.js';

/** White space folded: a paragraph's line breaks are the template's and the typesetter's. */
function fold(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The words of prose as the document prints them: a link's address after its words. */
function printed(inline: readonly PhrasingContent[]): string {
  return inline
    .map((node) => {
      if (node.type === 'link') return printed(node.children) + linkAddress(node);
      if (node.type === 'text' || node.type === 'inlineCode') return node.value;
      if (node.type === 'break') return ' ';
      return 'children' in node ? printed(node.children as PhrasingContent[]) : '';
    })
    .join('');
}

/** Nodes whose children are blocks (or rows, cells): a space stands between their children's words. */
const BLOCKS = new Set(['root', 'list', 'listItem', 'blockquote', 'table', 'tableRow', 'tableCell']);

/** The words of a composed tree in reading order, footnote texts left out (they are drawn apart). */
function treeText(node: Nodes): string {
  if (node.type === 'footnoteDefinition') return '';
  if ('value' in node && node.type !== 'html') return node.value;
  if ('children' in node) return node.children.map((child) => treeText(child as Nodes)).join(BLOCKS.has(node.type) ? ' ' : '');
  return '';
}

/**
 * The first of `paragraphs` that the tree does not hold after the ones before it, as plain text;
 * undefined when every one is there, in order.
 */
export function firstUndrawn(paragraphs: readonly Inline[], tree: Root): string | undefined {
  const drawn = fold(treeText(tree));
  let at = 0;
  for (const paragraph of paragraphs) {
    const text = fold(printed(paragraph));
    if (text === '') continue;
    const found = drawn.indexOf(text, at);
    if (found === -1) return text;
    at = found + text.length;
  }
  return undefined;
}
