/**
 * Finds the template files for a build: the built-in ones shipped with the tool, each replaced
 * by a project's file of the same name where the project has one.
 */
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TemplateFile, TemplateFiles } from '../compose/templates.js';
import { type Diagnostic, diagnostic } from '../diagnostics/diagnostic.js';
import { lenientText, normaliseText } from '../parse/text.js';
import { listFolder, type ListOptions, setAsideDiagnostic } from './folder-entries.js';
import { relativePath } from './paths.js';
import { reason } from './project.js';

/** The tool's own templates folder (next to src/ and dist/ in the package). */
export const BUILT_IN_TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));

const TEMPLATE_FILE = /\.(hbs|yaml)$/;

/**
 * Template name → file, later folders overriding earlier ones; paths shown relative to `cwd`.
 * Links in a folder may leave `options.root` only when it allows (folder-entries.ts); what is set
 * aside or cannot be listed is said, never read.
 */
export function collectTemplates(folders: readonly string[], cwd: string, options?: ListOptions): { files: TemplateFiles; diagnostics: Diagnostic[] } {
  const files = new Map<string, TemplateFile>();
  const diagnostics: Diagnostic[] = [];
  for (const folder of folders) {
    for (const path of listFiles(folder, true, options ?? { root: folder, followOutside: false }, cwd, diagnostics)) {
      const name = relativePath(folder, path);
      if (!TEMPLATE_FILE.test(name)) continue;
      const text = normaliseText(lenientText(readFileSync(path)), path).text;
      files.set(name, { file: displayPath(path, cwd), text });
    }
  }
  return { files, diagnostics };
}

function listFiles(folder: string, top: boolean, options: ListOptions, cwd: string, diagnostics: Diagnostic[]): string[] {
  let listing: ReturnType<typeof listFolder>;
  try {
    listing = listFolder(folder, options);
  } catch (error) {
    // The templates folder itself missing is told by the project (templates-missing), or optional.
    if (!top) diagnostics.push(diagnostic('folder-unreadable', { file: displayPath(folder, cwd) }, { reason: reason(error) }));
    return [];
  }
  for (const entry of listing.setAside) if (TEMPLATE_FILE.test(entry.name)) diagnostics.push(setAsideDiagnostic(entry, cwd));
  return [...listing.files.map((file) => file.path), ...listing.folders.flatMap((sub) => listFiles(sub.path, false, options, cwd, diagnostics))];
}

/** A path as the user would type it from `cwd`. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return (rel.startsWith('..') ? path : rel).split(sep).join('/');
}
