/**
 * Finds the template files for a build: the built-in ones shipped with the tool, each replaced
 * by a project's file of the same name where the project has one.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TemplateFile, TemplateFiles } from '../compose/templates.js';
import { lenientText, normaliseText } from '../parse/text.js';
import { relativePath } from './paths.js';

/** The tool's own templates folder (next to src/ and dist/ in the package). */
export const BUILT_IN_TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));

/** Template name → file, later folders overriding earlier ones; paths shown relative to `cwd`. */
export function collectTemplates(folders: readonly string[], cwd: string): TemplateFiles {
  const files = new Map<string, TemplateFile>();
  for (const folder of folders) {
    for (const path of listFiles(folder)) {
      const name = relativePath(folder, path);
      if (!name.endsWith('.hbs') && !name.endsWith('.yaml')) continue;
      const text = normaliseText(lenientText(readFileSync(path)), path).text;
      files.set(name, { file: displayPath(path, cwd), text });
    }
  }
  return files;
}

function listFiles(folder: string): string[] {
  let entries: string[];
  try {
    if (!statSync(folder).isDirectory()) return [];
    entries = readdirSync(folder).sort();
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(folder, entry);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

/** A path as the user would type it from `cwd`. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return (rel.startsWith('..') ? path : rel).split(sep).join('/');
}
