/**
 * Fonts for a build: each family parsed once per process, and a font that cannot be read
 * reported as a diagnostic instead of an exception.
 */
import { type Diagnostic, diagnostic } from '../diagnostics/diagnostic.js';
import { type LoadedFonts, loadFonts } from '../typeset/pdf/index.js';
import type { FontFamily } from '../typeset/style.js';
import { reason } from './project.js';

const loaded = new Map<string, LoadedFonts>();

/** The parsed fonts of a family, or the diagnostic that says why they cannot be used. */
export function fontsFor(family: FontFamily, file: string): { fonts: LoadedFonts } | { diagnostic: Diagnostic } {
  const key = [family.regular, family.bold, family.italic, family.boldItalic].join('\u0000');
  const cached = loaded.get(key);
  if (cached) return { fonts: cached };
  try {
    const fonts = loadFonts(family);
    loaded.set(key, fonts);
    return { fonts };
  } catch (error) {
    return { diagnostic: diagnostic('font-missing', { file }, { path: family.regular, reason: reason(error) }) };
  }
}
