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
        process.stderr.write(`\r\u001b[K[${event.done}/${event.total}] ${event.source}`);
        shown = true;
      }
    },
    clear() {
      if (shown) process.stderr.write('\r\u001b[K');
      shown = false;
    },
  };
}
