/**
 * Which project an output folder belongs to. Its cache records each plan by its path in the
 * project, and every output no plan of the project makes any more is removed: two projects
 * building into one folder would each remove the other's outputs, or write over them where two
 * plans have one path. So the cache names its project, relative to the output folder (the cache
 * holds no absolute paths), and a build refuses a folder that another project still uses.
 *
 * A project is known by its config file. One with the usual name, plan.config.yaml, is named by
 * its folder (as caches have named projects from the start); one given with --config under
 * another name is named by the file itself, so that two config files, even in one folder, are
 * two projects.
 */
import { existsSync, realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { isFolder, relativePath } from './paths.js';
import { CONFIG_FILE } from './project.js';

/** How the cache names the project of `configPath` (project.ts): its folder or its config file, relative to the output folder, "/"-separated. */
export function projectReference(outFolder: string, configPath: string): string {
  const named = basename(configPath) === CONFIG_FILE ? dirname(configPath) : configPath;
  return relativePath(outFolder, named) || '.';
}

/**
 * The other project whose outputs `outFolder` holds, by the cache's `recorded` reference (its
 * folder or config file, as recorded); none when it is this project's, when no project is
 * recorded (a cache written before projects were), or when no config file is at the recorded
 * place any more. That place is relative, so it moves with the output folder: a project moved
 * or renamed away from an output folder outside it, or an output folder copied elsewhere (a
 * backup, a CI artifact), points at no config file, and its outputs pass to the project that
 * builds there now.
 */
export function otherProject(recorded: string | undefined, outFolder: string, configPath: string): string | undefined {
  if (recorded === undefined) return undefined;
  const place = resolve(outFolder, recorded);
  const theirs = isFolder(place) ? join(place, CONFIG_FILE) : place;
  if (theirs === configPath || !existsSync(theirs)) return undefined;
  try {
    // One file reached by a link, or named in another case where the file system ignores case.
    return realpathSync.native(theirs) === realPath(configPath) ? undefined : place;
  } catch {
    return undefined;
  }
}

/** The real path of a config file, or of where it would be in its real folder (a project without one). */
function realPath(configPath: string): string {
  return existsSync(configPath) ? realpathSync.native(configPath) : join(realpathSync.native(dirname(configPath)), basename(configPath));
}
