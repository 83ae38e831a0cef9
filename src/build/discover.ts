/**
 * Finds the plan files a command works on: the files named, and every `*.plan.yaml` or
 * `*.plan.md` below the folders named, in a stable order.
 */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { type Diagnostic, diagnostic } from '../diagnostics/diagnostic.js';
import { PLAN_FILE } from '../parse/plan-file.js';
import { reason } from './project.js';
import { displayPath } from './template-files.js';

/** Folders never searched: tools' and outputs' own. */
const SKIPPED = new Set(['node_modules', '.git', 'out', 'dist']);

/** Absolute paths of the plan files under `paths` (relative to `cwd`), sorted, without repeats. */
export function discoverPlans(paths: readonly string[], cwd: string): { files: string[]; diagnostics: Diagnostic[] } {
  const files = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    let isFolder: boolean;
    try {
      isFolder = statSync(absolute).isDirectory();
    } catch (error) {
      diagnostics.push(diagnostic('read-failed', { file: displayPath(absolute, cwd) }, { reason: reason(error) }));
      continue;
    }
    if (!isFolder) {
      // A plan is known by its name everywhere (discovery, its output folder, the cache): a file
      // named otherwise (agencies.yaml, a plan saved as .yaml) would be read as a plan and fail
      // field by field, or build once and be missed by the next "plan build".
      if (PLAN_FILE.test(absolute)) files.add(absolute);
      else diagnostics.push(diagnostic('not-a-plan-file', { file: displayPath(absolute, cwd) }, { name: basename(absolute) }));
      continue;
    }
    const found = walk(absolute, new Set(), (file, error) => diagnostics.push(diagnostic('read-failed', { file: displayPath(file, cwd) }, { reason: reason(error) })));
    if (found.length === 0) diagnostics.push(diagnostic('no-plans', { file: displayPath(absolute, cwd) }, { path: displayPath(absolute, cwd) }));
    for (const file of found) files.add(file);
  }
  return { files: [...files].sort(), diagnostics };
}

/**
 * The plan files below `folder`. A symbolic link is followed, as the clerk who made it meant: to a
 * plan file, it is one (named by the link); to a folder, it is searched, once (`seen` holds the
 * real paths of the folders searched, so a link to a folder above ends). A link to a plan that is
 * gone is reported, not skipped without a word.
 */
function walk(folder: string, seen: Set<string>, unreadable: (file: string, error: unknown) => void): string[] {
  try {
    const real = realpathSync(folder);
    if (seen.has(real)) return [];
    seen.add(real);
  } catch {
    return [];
  }
  return readdirSync(folder, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      const path = join(folder, entry.name);
      let kind: 'folder' | 'file' | 'other' = entry.isDirectory() ? 'folder' : entry.isFile() ? 'file' : 'other';
      if (entry.isSymbolicLink()) {
        try {
          const target = statSync(path);
          kind = target.isDirectory() ? 'folder' : target.isFile() ? 'file' : 'other';
        } catch (error) {
          if (PLAN_FILE.test(entry.name)) unreadable(path, error);
          return [];
        }
      }
      if (kind === 'folder') return SKIPPED.has(entry.name) || entry.name.startsWith('.') ? [] : walk(path, seen, unreadable);
      return kind === 'file' && PLAN_FILE.test(entry.name) ? [path] : [];
    });
}
