/**
 * Which project an output folder belongs to. Its cache records each plan by its path in the
 * project, and every output no plan of the project makes any more is removed: two projects
 * building into one folder would each remove the other's outputs, or write over them where two
 * plans have one path. So the cache names its project (the project folder, relative to the
 * output folder, as the cache holds no absolute paths), and a build refuses a folder that another
 * project still uses. A project is known by its plan.config.yaml: one run with a config file of
 * another name (--config) is not told apart, and shares a folder as before.
 */
import { existsSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { relativePath } from './paths.js';
import { CONFIG_FILE } from './project.js';

/** How the cache names a project: its folder relative to the output folder, "/"-separated. */
export function projectReference(outFolder: string, projectRoot: string): string {
  return relativePath(outFolder, projectRoot) || '.';
}

/**
 * The folder of the other project whose outputs `outFolder` holds, by the cache's `recorded`
 * reference; none when it is this project's, when no project is recorded (a cache written before
 * projects were), or when no project is at the recorded place any more. That place is relative,
 * so it moves with the output folder: a project moved or renamed away from an output folder
 * outside it, or an output folder copied elsewhere (a backup, a CI artifact), points at a folder
 * that is no project, and its outputs pass to the project that builds there now.
 */
export function otherProject(recorded: string | undefined, outFolder: string, projectRoot: string): string | undefined {
  if (recorded === undefined) return undefined;
  const theirs = resolve(outFolder, recorded);
  if (theirs === projectRoot || !existsSync(join(theirs, CONFIG_FILE))) return undefined;
  try {
    // One folder reached by a link, or named in another case where the file system ignores case.
    return realpathSync.native(theirs) === realpathSync.native(projectRoot) ? undefined : theirs;
  } catch {
    return undefined;
  }
}
