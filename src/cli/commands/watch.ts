/**
 * `plan watch`: builds, then rebuilds whenever a file of the project changes (a plan, the
 * registry, a template, the config, a font file, also one the config or the command line names
 * outside the project folder), a moment after the last change, until stopped. Bad input
 * is reported and the watch goes on; the build cache keeps each rebuild to what changed.
 */
import { type FSWatcher, watch } from 'node:fs';
import { basename, dirname, resolve, sep } from 'node:path';
import { runBuild } from '../../project/build.js';
import { isFolder, isInside, relativePath } from '../../project/paths.js';
import { progressPath } from '../../parse/plan-file.js';
import { findProjectRoot } from '../../project/project.js';
import { displayPath } from '../../project/template-files.js';
import { progressReporter } from '../progress.js';
import { strings } from '../strings.js';
import { type BuildCommandOptions, printReport } from './build.js';
import { stopwatch } from '../stopwatch.js';

/** Quiet time after the last change before rebuilding: editors save in several writes. */
const DEBOUNCE_MS = 200;

/** Folders whose changes never call for a rebuild. */
const IGNORED = /(^|[/\\])(node_modules|\.git|out|dist)([/\\]|$)|(^|[/\\])\.[^/\\]*$|\.tmp$|~$/;

export function runWatch(options: BuildCommandOptions): Promise<number> {
  const cwd = process.cwd();
  const words = strings(options.lang);
  const root = options.config ? resolve(cwd, options.config, '..') : (findProjectRoot(cwd) ?? cwd);
  // Where the last build wrote (the config's out, or --out): its own writes are no change.
  let outFolder = options.out ? resolve(cwd, options.out) : undefined;
  // Plan files and folders named on the command line outside the project folder.
  const named = options.paths.map((path) => resolve(cwd, path)).filter((path) => !isInside(root, path));
  const namedFolders = named.filter(isFolder);
  // A plan file's progress file, beside it, feeds its checklists too.
  const namedFiles = named.filter((path) => !isFolder(path)).flatMap((file) => [file, progressPath(file)]);
  // The project's inputs outside its folder (a registry or fonts a province shares), and those plan files, by folder.
  let outside = foldersOutside(root, namedFiles);

  let building = false;
  let again = false;
  const build = async () => {
    if (building) {
      again = true;
      return;
    }
    building = true;
    do {
      again = false;
      const elapsed = stopwatch();
      const progress = progressReporter(options, words);
      try {
        const report = await runBuild({ cwd, paths: options.paths, out: options.out, config: options.config, jobs: options.jobs, onPlan: progress.onPlan, onWait: progress.onWait });
        outFolder = report.outFolder ?? outFolder;
        if (report.inputs) outside = foldersOutside(root, [...report.inputs, ...namedFiles]);
        progress.clear();
        printReport(report, options, elapsed());
      } catch (error) {
        // A fault of the tool itself ends this build, not the watch: the last good outputs stay
        // served, and the next save builds again. The message alone, as main.ts prints it.
        progress.clear();
        process.stderr.write(`${words.internal}\n  plan watch\n  ${error instanceof Error ? error.message : String(error)}\n`);
      }
    } while (again);
    building = false;
  };

  return new Promise((done) => {
    let timer: NodeJS.Timeout | undefined;
    // The project folder's watcher, and those of plan folders named outside it.
    const treeWatchers: FSWatcher[] = [];
    // Watchers of the folders of inputs outside the project, made again after each build.
    const outsideWatchers = new Map<string, FSWatcher>();
    // Files changed since the last rebuild began: an editor's save is several events for one file.
    const changed = new Set<string>();
    const stop = () => {
      for (const treeWatcher of treeWatchers) treeWatcher.close();
      for (const outsideWatcher of outsideWatchers.values()) outsideWatcher.close();
      clearTimeout(timer);
      done(0);
    };
    const rebuildAfter = (file: string) => {
      changed.add(displayPath(file, cwd));
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (!options.quiet) for (const shown of changed) process.stderr.write(`${words.rebuilding(shown)}\n`);
        changed.clear();
        void build().then(watchOutside);
      }, DEBOUNCE_MS);
    };
    // A folder, not the file: editors save by writing a new file and renaming it over the old one.
    const watchOutside = () => {
      for (const [folder, outsideWatcher] of outsideWatchers) {
        if (outside.has(folder)) continue;
        outsideWatcher.close();
        outsideWatchers.delete(folder);
      }
      for (const folder of outside.keys()) {
        if (outsideWatchers.has(folder)) continue;
        try {
          outsideWatchers.set(
            folder,
            watch(folder, (_event, name) => {
              if (name && outside.get(folder)?.has(name.toString())) rebuildAfter(resolve(folder, name.toString()));
            }),
          );
        } catch {
          // A folder that is gone: the build reports the missing file.
        }
      }
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    // A folder and everything below it, but for tools' folders, hidden files and the outputs.
    const watchTree = (folder: string) =>
      watch(folder, { recursive: true }, (_event, name) => {
        if (!name) return;
        const file = resolve(folder, name.toString());
        const path = relativePath(folder, file);
        if (IGNORED.test(path) || (outFolder && file.startsWith(outFolder + sep))) return;
        rebuildAfter(file);
      });
    void build().then(() => {
      treeWatchers.push(watchTree(root));
      for (const folder of namedFolders) {
        try {
          treeWatchers.push(watchTree(folder));
        } catch {
          // Gone since it was named: the builds report it.
        }
      }
      watchOutside();
      process.stderr.write(`${words.watching(displayPath(root, cwd) || root)}\n`);
    });
  });
}

/** The inputs outside the project folder, by folder: the names to watch for in each. */
function foldersOutside(root: string, inputs: readonly string[]): Map<string, Set<string>> {
  const folders = new Map<string, Set<string>>();
  for (const input of inputs) {
    if (isInside(root, input)) continue;
    const folder = dirname(input);
    let names = folders.get(folder);
    if (!names) folders.set(folder, (names = new Set()));
    names.add(basename(input));
  }
  return folders;
}
