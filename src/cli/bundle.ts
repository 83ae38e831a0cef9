/**
 * What the bundled CLI exports (scripts/bundle.mjs, bin/load-bundle.cjs): the command line, and
 * for its build workers, which run the same bundle with the same code cache, their loop. The
 * pipeline loads only in a worker, or for a command that builds (see main.ts).
 */
export { main } from './main.js';

/** A build worker's loop (build/worker.ts). */
export async function serveBuilds(): Promise<void> {
  (await import('../project/worker.js')).serveBuilds();
}
