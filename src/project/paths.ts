/**
 * Path safety: the rule for which files a project may name, and the guard that keeps every
 * output inside the output folder.
 *
 * The rule: a path written in plan.config.yaml (registry, templates, plans, out, font files)
 * that is relative is read against the project folder and must stay inside it — "../x" that
 * climbs out is an error. A path outside the project is allowed only when written absolute,
 * which no one types by accident. Paths the user gives on the command line (plans, --out,
 * --config) are taken as given. Output files are named from slugs and joined under the output
 * folder; `outputPath` refuses any that would land outside it.
 */
import { statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { type Diagnostic, diagnostic } from '../diagnostics/diagnostic.js';
import type { Path } from '../model/shape.js';
import type { SourceMap } from '../parse/source-map.js';
import type { ProjectConfig } from './config.js';

/** The path of `to` from `from`, "/"-separated as the cache, manifests and messages write paths on every system. */
export function relativePath(from: string, to: string): string {
  return relative(from, to).split(sep).join('/');
}

/** Whether a path is a folder (not a file, and not missing). */
export function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Whether `path` is `folder` itself or below it (compared after resolving "." and ".."). */
export function isInside(folder: string, path: string): boolean {
  const rel = relative(resolve(folder), resolve(path));
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** The config's paths with where each is written, for checks and messages. */
function configPaths(config: ProjectConfig): { path: Path; value: string }[] {
  const paths: { path: Path; value: string }[] = [
    { path: ['registry'], value: config.registry },
    { path: ['templates'], value: config.templates },
    { path: ['plans'], value: config.plans },
    { path: ['out'], value: config.out },
  ];
  if (config.font) {
    paths.push(
      { path: ['font', 'regular'], value: config.font.regular },
      { path: ['font', 'bold'], value: config.font.bold },
      { path: ['font', 'italic'], value: config.font.italic },
      { path: ['font', 'bold-italic'], value: config.font.boldItalic },
    );
  }
  return paths;
}

/** Relative config paths that climb out of the project folder `root`: one error each, where it is written. */
export function configPathDiagnostics(config: ProjectConfig, root: string, map: SourceMap): Diagnostic[] {
  return configPaths(config)
    .filter(({ value }) => !isAbsolute(value) && !isInside(root, resolve(root, value)))
    .map(({ path, value }) => diagnostic('path-outside-project', map.locate(path), { path: value, root, absolute: resolve(root, value) }));
}

// A part that is empty, "." or "..", or a backslash or NUL anywhere. One test, without splitting:
// a no-op build checks every output a cache records (5840 for 40 plans), and reads each path
// back from the cache first.
const UNSAFE_OUTPUT_PATH = /(?:^|\/)\.{0,2}(?:\/|$)|[\\\0]/;

/**
 * The file an output's "/"-separated relative path names under `outFolder` (absolute and
 * normalised, as path.resolve gives it), or undefined when it would leave it: when a part is
 * empty, "." or "..", or holds a backslash or NUL. The other parts are plain names, so the file is
 * the folder and the parts joined by the separator, made without normalising the whole path again
 * for each of a plan's 146 outputs (resolving and relating the paths was 2 ms a plan and thread).
 */
export function outputPath(outFolder: string, path: string): string | undefined {
  if (UNSAFE_OUTPUT_PATH.test(path)) return undefined;
  return `${outFolder}${outFolder.endsWith(sep) ? '' : sep}${sep === '/' ? path : path.replaceAll('/', sep)}`;
}
