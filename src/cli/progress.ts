/**
 * Progress of a build: a line that updates in place on a terminal; in CI logs and pipes, a plain
 * line now and then while a long build runs (a log that stays silent for minutes looks hung);
 * one line per plan with --verbose; nothing with --quiet. And a line when the build waits for
 * another that writes to the same output folder.
 */
import type { BuildWait, PlanEvent } from '../project/build.js';
import { visible } from '../diagnostics/visible.js';
import { stopwatch } from './stopwatch.js';
import type { Strings } from './strings.js';

export interface ProgressOptions {
  quiet: boolean;
  verbose: boolean;
}

/** Where progress goes: stderr, or a test's stand-in. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** Whether stderr is a terminal a person watches (not CI, not a pipe). */
export function interactive(stream: ProgressStream = process.stderr): boolean {
  return stream.isTTY === true && !process.env.CI;
}

/** In a log, the least time between two progress lines. */
export const LOG_INTERVAL_MS = 10_000;

/** A reporter for plan events, and a function that clears its line before other output. */
export function progressReporter(
  options: ProgressOptions,
  words: Strings,
  stream: ProgressStream = process.stderr,
  elapsed: () => number = stopwatch(),
): { onPlan: (event: PlanEvent) => void; onWait: (wait: BuildWait) => void; clear: () => void } {
  const live = interactive(stream) && !options.quiet && !options.verbose;
  const logged = !live && !options.quiet && !options.verbose;
  let shown = false;
  let lastLogged = 0;
  return {
    onPlan(event) {
      if (options.verbose) {
        stream.write(`[${event.done}/${event.total}] ${words.planStatus[event.status]}: ${visible(event.source)}\n`);
      } else if (live) {
        stream.write(`\r\u001b[K${fitted(`[${event.done}/${event.total}] `, visible(event.source), stream.columns)}`);
        shown = true;
      } else if (logged && event.done < event.total && elapsed() - lastLogged >= LOG_INTERVAL_MS) {
        lastLogged = elapsed();
        stream.write(`${words.progress(event.done, event.total)}\n`);
      }
    },
    // Said once, as the wait begins: a build that waits silently looks hung.
    onWait(wait) {
      if (!options.quiet) stream.write(`${words.waiting(wait.folder, wait.holder)}\n`);
    },
    clear() {
      if (shown) stream.write('\r\u001b[K');
      shown = false;
    },
  };
}

/**
 * The progress line cut to the terminal's width: a line that wraps is not cleared by the next one
 * ("\r" returns to the start of the last row only), and long plan paths would pile up on screen.
 * The end of the path is kept, which names the plan. A terminal whose width is not known (none,
 * or 0: a terminal opened without a size, as `script` and some remote sessions do) gets the whole
 * line, not an empty one.
 */
export function fitted(prefix: string, path: string, columns: number | undefined): string {
  const width = columns !== undefined && columns > 0 ? columns : Infinity;
  const room = width - 1 - prefix.length;
  const chars = [...path];
  if (chars.length <= room) return prefix + path;
  return room < 2 ? prefix.slice(0, Math.max(0, width - 1)) : `${prefix}…${chars.slice(chars.length - room + 1).join('')}`;
}
