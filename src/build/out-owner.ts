/**
 * Which project an output folder belongs to. Its cache records each plan by its path in the
 * project, and every output no plan of the project makes any more is removed: two projects
 * building into one folder would each remove the other's outputs, or write over them where two
 * plans have one path. So the cache names its project (the project folder, relative to the
 * output folder, as the cache holds no absolute paths), and a build refuses a folder that another
 * project still uses.
 */
import { realpathSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';

/** How the cache names a project: its folder relative to the output folder, "/"-separated. */
export function projectReference(outFolder: string, projectRoot: string): string {
  return relative(outFolder, projectRoot).split(sep).join('/') || '.';
}

/**
 * The folder of the other project whose outputs `outFolder` holds, by the cache's `recorded`
 * reference; none when it is this project's, when no project is recorded (a cache written before
 * projects were), or when the recorded folder is gone: a project moved or renamed, away from an
 * output folder outside it, leaves its outputs to the project that builds there now.
 */
export function otherProject(recorded: string | undefined, outFolder: string, projectRoot: string): string | undefined {
  if (recorded === undefined) return undefined;
  const theirs = resolve(outFolder, recorded);
  if (theirs === projectRoot) return undefined;
  try {
    if (!statSync(theirs).isDirectory()) return undefined;
    // One folder reached by a link, or named in another case where the file system ignores case.
    return realpathSync.native(theirs) === realpathSync.native(projectRoot) ? undefined : theirs;
  } catch {
    return undefined;
  }
}
