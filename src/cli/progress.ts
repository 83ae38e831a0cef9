/**
 * Progress of a build: a line that updates in place on a terminal, one line per plan with
 * --verbose, nothing per plan in CI logs or with --quiet.
 */
import type { PlanEvent } from '../build/build.js';
import type { Strings } from './strings.js';

export interface ProgressOptions {
  quiet: boolean;
  verbose: boolean;
}

/** Whether stderr is a terminal a person watches (not CI, not a pipe). */
export function interactive(): boolean {
  return process.stderr.isTTY === true && !process.env.CI;
}

/** A reporter for plan events, and a function that clears its line before other output. */
export function progressReporter(options: ProgressOptions, words: Strings): { onPlan: (event: PlanEvent) => void; clear: () => void } {
  const live = interactive() && !options.quiet && !options.verbose;
  let shown = false;
  return {
    onPlan(event) {
      if (options.verbose) {
        process.stderr.write(`[${event.done}/${event.total}] ${words.planStatus[event.status]}: ${event.source}\n`);
      } else if (live) {
        process.stderr.write(`\r\u001b[K${fitted(`[${event.done}/${event.total}] `, event.source, process.stderr.columns)}`);
        shown = true;
      }
    },
    clear() {
      if (shown) process.stderr.write('\r\u001b[K');
      shown = false;
    },
  };
}

/**
 * The progress line cut to the terminal's width: a line that wraps is not cleared by the next one
 * ("\r" returns to the start of the last row only), and long plan paths would pile up on screen.
 * The end of the path is kept, which names the plan.
 */
export function fitted(prefix: string, path: string, columns: number | undefined): string {
  const room = (columns ?? Infinity) - 1 - prefix.length;
  const chars = [...path];
  if (chars.length <= room) return prefix + path;
  return room < 2 ? prefix.slice(0, Math.max(0, (columns ?? 1) - 1)) : `${prefix}…${chars.slice(chars.length - room + 1).join('')}`;
}
