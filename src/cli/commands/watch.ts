/**
 * `plan watch`: builds, then rebuilds whenever a file of the project changes (a plan, the
 * registry, a template, the config, a font file), a moment after the last change, until stopped. Bad input
 * is reported and the watch goes on; the build cache keeps each rebuild to what changed.
 */
import { type FSWatcher, watch } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { runBuild } from '../../build/build.js';
import { findProjectRoot } from '../../build/project.js';
import { displayPath } from '../../build/template-files.js';
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
      const report = await runBuild({ cwd, paths: options.paths, out: options.out, config: options.config, jobs: options.jobs, onPlan: progress.onPlan });
      outFolder = report.outFolder ?? outFolder;
      progress.clear();
      printReport(report, options, elapsed());
    } while (again);
    building = false;
  };

  return new Promise((done) => {
    let timer: NodeJS.Timeout | undefined;
    let watcher: FSWatcher;
    // Files changed since the last rebuild began: an editor's save is several events for one file.
    const changed = new Set<string>();
    const stop = () => {
      watcher?.close();
      clearTimeout(timer);
      done(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    void build().then(() => {
      watcher = watch(root, { recursive: true }, (_event, name) => {
        if (!name) return;
        const file = resolve(root, name.toString());
        const path = relative(root, file).split(sep).join('/');
        if (IGNORED.test(path) || (outFolder && file.startsWith(outFolder + sep))) return;
        changed.add(displayPath(file, cwd));
        clearTimeout(timer);
        timer = setTimeout(() => {
          if (!options.quiet) for (const shown of changed) process.stderr.write(`${words.rebuilding(shown)}\n`);
          changed.clear();
          void build();
        }, DEBOUNCE_MS);
      });
      process.stderr.write(`${words.watching(displayPath(root, cwd) || '.')}\n`);
    });
  });
}
