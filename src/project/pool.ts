/**
 * Builds many plans at once: on worker threads and on this thread together, so that a build of
 * many plans uses every core. Each thread writes the outputs of the plans it builds; only what
 * was written comes back (deliver.ts).
 *
 * Every builder takes the next plan itself when it is free (claims.ts): this thread between its
 * plans, a worker from when it has started (a thread, the code, the project: the time of one or
 * two plans). No builder waits for another to hand it work, and the last plans end within one
 * plan's time of each other. (Handed out two at a time, to keep a worker busy while this thread
 * built, plans left a worker up to two to build after this thread ran out: up to a quarter of a
 * second of a 40-plan batch on two cores.)
 */
import { Worker } from 'node:worker_threads';
import { MAIN_THREAD, newClaims, takeNext, takenBy } from './claims.js';
import type { DeliveredPlan, Delivery } from './deliver.js';
import type { WorkerRequest, WorkerResponse } from './worker.js';

/**
 * Each worker's heap limits. A worker's live heap is a few tens of megabytes, but with V8's
 * defaults, sized from the machine's memory, its heap grew to several times that between
 * collections. With these, a batch of 40 plans on two workers peaked at about 250 MB instead of
 * 330, for a few percent more processor time; the old generation's bound is far above what a plan
 * needs, and makes V8 grow the heap as for a machine of modest memory.
 */
const HEAP_LIMITS = { maxOldGenerationSizeMb: 1024, maxYoungGenerationSizeMb: 24 };

interface Outcome {
  resolve: (result: DeliveredPlan) => void;
  reject: (error: Error) => void;
}

/** Builds plan files on `workers` worker threads and this thread. */
export class PlanPool {
  private readonly workers: Worker[] = [];
  /** While plans are being built: the files, each one's outcome, and who took which. */
  private round: { files: readonly string[]; outcomes: Map<string, Outcome>; claims: Int32Array } | undefined;

  constructor(workers: number, cwd: string, config: string | undefined) {
    for (let i = 0; i < workers; i++) {
      const worker = new Worker(new URL('./worker-entry.js', import.meta.url), { workerData: { cwd, config }, resourceLimits: HEAP_LIMITS });
      worker.on('message', (response: WorkerResponse) => {
        const outcome = this.round?.outcomes.get(response.file);
        if ('crashed' in response) outcome?.reject(new Error(response.crashed));
        else outcome?.resolve(response.result);
      });
      worker.on('error', (error) => {
        // A worker that dies takes the plans it took with it (one, unless it is answered): they fail, the others go on.
        const round = this.round;
        if (round) for (const index of takenBy(round.claims, i + 1)) round.outcomes.get(round.files[index]!)?.reject(error);
      });
      this.workers.push(worker);
    }
  }

  /**
   * Builds every file: on the workers, and on this thread with `buildHere`, each taking the next
   * plan when it is free. Returns each file's result, which settles as the plan is done.
   */
  buildAll(files: readonly string[], delivery: Delivery | undefined, buildHere: (file: string) => DeliveredPlan): Map<string, Promise<DeliveredPlan>> {
    const outcomes = new Map<string, Outcome>();
    const results = new Map(files.map((file) => [file, new Promise<DeliveredPlan>((resolve, reject) => outcomes.set(file, { resolve, reject }))]));
    // A plan the build no longer waits for (it stopped at an earlier failure) must not fail the
    // process when it fails too; the build sees each failure it waits for.
    for (const result of results.values()) result.catch(() => undefined);
    const claims = newClaims(files.length);
    const round = { files, outcomes, claims };
    this.round = round;
    this.workers.forEach((worker, i) => worker.postMessage({ files, delivery, claims, who: i + 1 } satisfies WorkerRequest));
    const here = async () => {
      // Until every plan is taken, or the pool is closed (the build stopped).
      for (let index = takeNext(claims, MAIN_THREAD); index >= 0 && this.round === round; index = takeNext(claims, MAIN_THREAD)) {
        const file = files[index]!;
        try {
          outcomes.get(file)!.resolve(buildHere(file));
        } catch (error) {
          outcomes.get(file)!.reject(error as Error);
        }
        // Let the workers' answers in.
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    void here();
    return results;
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    this.round = undefined;
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
