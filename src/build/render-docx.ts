/**
 * DOCX output: typesets a composed document for Word with the project's page style. Word draws
 * the text with its own installed font, so unlike the PDF there are no missing glyphs to report;
 * the project's fonts only measure the header's names and the rules under them.
 */
import type { DocumentTree } from '../compose/tree.js';
import { typesetDocx } from '../typeset/docx/index.js';
import type { LoadedFonts } from '../typeset/pdf/index.js';
import type { PageStyle } from '../typeset/style.js';

/** The DOCX bytes of a document (the plan or an extract). */
export function renderDocx(tree: DocumentTree, style: PageStyle, fonts: LoadedFonts): Uint8Array {
  return typesetDocx(tree, style, fonts);
}
