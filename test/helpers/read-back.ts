// Reading built documents back as a reader sees them: the text of a PDF (unpdf) and of a DOCX's
// main part, and whether snippets stand in a text in a given order.
import { extractText, getDocumentProxy } from 'unpdf';
import { parts, xmlText } from '../docx/helpers.js';

/** The text of a PDF, pages joined, white space folded. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(bytes.slice()), { mergePages: true });
  return fold(text);
}

/** The text of a DOCX's document part, paragraphs as lines. */
export function docxText(bytes: Uint8Array): string {
  return xmlText(parts(bytes)['word/document.xml']!);
}

/** White space folded to single spaces (PDF lines break anywhere). */
export function fold(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The snippets not found in `text` in the order given, each after the one before: empty when all are. */
export function outOfOrder(text: string, snippets: readonly string[]): string[] {
  const folded = fold(text);
  const missing: string[] = [];
  let at = 0;
  for (const snippet of snippets) {
    const found = folded.indexOf(fold(snippet), at);
    if (found === -1) missing.push(snippet);
    else at = found + fold(snippet).length;
  }
  return missing;
}
