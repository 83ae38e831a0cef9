/**
 * Fonts for a build: a font that cannot be read is reported as a diagnostic instead of an
 * exception (loadFonts itself parses each family once per process).
 */
import { type Diagnostic, diagnostic } from '../diagnostics/diagnostic.js';
import { type LoadedFonts, loadFonts, UnsupportedFont } from '../typeset/pdf/index.js';
import type { FontFamily } from '../typeset/style.js';
import { reason } from './project.js';

/** The parsed fonts of a family, or the diagnostic that says why they cannot be used. */
export function fontsFor(family: FontFamily, file: string): { fonts: LoadedFonts } | { diagnostic: Diagnostic } {
  try {
    return { fonts: loadFonts(family) };
  } catch (error) {
    if (error instanceof UnsupportedFont) return { diagnostic: diagnostic('font-unsupported', { file }, { path: error.path, reason: error.message }) };
    return { diagnostic: diagnostic('font-missing', { file }, { path: family.regular, reason: reason(error) }) };
  }
}
