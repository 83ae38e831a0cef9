/**
 * A link's address in print. A printed plan cannot be clicked, and one printed from a file loses
 * where a link led: the address follows the link's words in parentheses, in the Markdown given to
 * templates and in the PDF and DOCX alike ("cổng thông tin (https://kontum.gov.vn)"). A link
 * whose words are its address already (`<https://…>`, a bare e-mail) is printed once.
 */
import type { Link, PhrasingContent } from 'mdast';

/** The text printed after a link's words: " (address)", or '' when the words say it. */
export function linkAddress(link: Pick<Link, 'url' | 'children'>): string {
  const address = link.url.replace(/^mailto:/i, '');
  const words = wordsOf(link.children).trim();
  return address === '' || words === link.url || words === address ? '' : ` (${address})`;
}

function wordsOf(nodes: PhrasingContent[]): string {
  return nodes.map((node) => ('value' in node ? node.value : 'children' in node ? wordsOf(node.children) : '')).join('');
}
