/**
 * Finds the plan files a command works on: the files named, and every `*.plan.yaml` or
 * `*.plan.md` below the folders named, in a stable order.
 */
import { realpathSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { type Diagnostic, diagnostic } from '../diagnostics/diagnostic.js';
import { PLAN_FILE } from '../parse/plan-file.js';
import { type ListOptions, listFolder, setAsideDiagnostic } from './folder-entries.js';
import { isInside } from './paths.js';
import { reason } from './project.js';
import { displayPath } from './template-files.js';

/** Folders never searched: tools' and outputs' own. */
const SKIPPED = new Set(['node_modules', 'out', 'dist']);

/** Absolute paths of the plan files under `paths` (relative to `cwd`), sorted, without repeats. */
export function discoverPlans(paths: readonly string[], cwd: string, options: ListOptions): { files: string[]; diagnostics: Diagnostic[] } {
  const files = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    let isFolder: boolean;
    try {
      const stat = statSync(absolute);
      isFolder = stat.isDirectory();
      // A named pipe would be read forever, waiting for a writer.
      if (!isFolder && !stat.isFile()) {
        diagnostics.push(diagnostic('not-a-regular-file', { file: displayPath(absolute, cwd) }, { name: basename(absolute) }));
        continue;
      }
    } catch (error) {
      // The shell passes a name that is not UTF-8 as its bytes, which Node reads with U+FFFD for the
      // bad ones: that path does not exist, though the file may.
      const code = absolute.includes('\uFFFD') && (error as { code?: string }).code === 'ENOENT' ? 'file-name-not-utf8' : 'read-failed';
      diagnostics.push(diagnostic(code, { file: displayPath(absolute, cwd) }, code === 'read-failed' ? { reason: reason(error) } : { name: basename(absolute) }));
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
    // A folder outside the project (named on the command line, or written absolute in the config)
    // is the user's own choice: links in it may lead anywhere inside it.
    const within = isInside(options.root, absolute) ? options : { ...options, root: absolute };
    const found = walk(absolute, new Set(), within, cwd, diagnostics);
    if (found.length === 0) diagnostics.push(diagnostic('no-plans', { file: displayPath(absolute, cwd) }, { path: displayPath(absolute, cwd) }));
    for (const file of found) files.add(file);
  }
  return { files: [...files].sort(), diagnostics };
}

/**
 * The plan files below `folder`. A symbolic link is followed, as the clerk who made it meant: to a
 * plan file, it is one (named by the link); to a folder, it is searched, once (`seen` holds the
 * real paths of the folders searched, so a link to a folder above ends). Hidden entries are not
 * looked at (an editor's lock file is one); a plan file that cannot be read as one (a link to
 * nothing, a named pipe, a link out of the project) and a folder that cannot be listed are
 * reported, and the rest is built.
 */
function walk(folder: string, seen: Set<string>, options: ListOptions, cwd: string, diagnostics: Diagnostic[]): string[] {
  try {
    const real = realpathSync(folder);
    if (seen.has(real)) return [];
    seen.add(real);
  } catch {
    return [];
  }
  let listing: ReturnType<typeof listFolder>;
  try {
    listing = listFolder(folder, options);
  } catch (error) {
    diagnostics.push(diagnostic('folder-unreadable', { file: displayPath(folder, cwd) }, { reason: reason(error) }));
    return [];
  }
  for (const entry of listing.setAside) {
    // Other files are none of the tool's business; a folder that leaves the project may hold plans.
    if (PLAN_FILE.test(entry.name) || (entry.why === 'outside' && entry.folder)) diagnostics.push(setAsideDiagnostic(entry, cwd));
  }
  const plans = listing.files.filter((file) => PLAN_FILE.test(file.name)).map((file) => file.path);
  const below = listing.folders.filter((sub) => !SKIPPED.has(sub.name)).flatMap((sub) => walk(sub.path, seen, options, cwd, diagnostics));
  return [...plans, ...below];
}
