/**
 * PDF output: typesets a composed document with the project's fonts, turning the
 * typesetter's problems into diagnostics.
 */
import type { DocumentTree } from '../compose/tree.js';
import { type Diagnostic, diagnostic } from '../diagnostics/diagnostic.js';
import { type LoadedFonts, typesetPdf } from '../typeset/pdf/index.js';
import type { PageStyle } from '../typeset/style.js';

/** The PDF bytes of a document, or why it could not be typeset. */
export function renderPdf(tree: DocumentTree, style: PageStyle, fonts: LoadedFonts, file: string): { ok: true; bytes: Uint8Array } | { ok: false; diagnostics: Diagnostic[] } {
  const result = typesetPdf(tree, style, fonts);
  if (result.ok) return { ok: true, bytes: result.bytes };
  return {
    ok: false,
    diagnostics: result.problems.map((problem) =>
      diagnostic('missing-glyph', { file }, {
        font: style.font.name,
        char: problem.char,
        codePoint: `U+${problem.codePoint.toString(16).toUpperCase().padStart(4, '0')} — ${problem.context}`,
      }),
    ),
  };
}
