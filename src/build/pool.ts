/**
 * Builds many plans at once: on worker threads and on this thread together, so that a build of
 * many plans uses every core. Each thread writes the outputs of the plans it builds; only what
 * was written comes back (deliver.ts).
 *
 * This thread is one of the builders: it has the project loaded and its code compiled from the
 * code cache, while a worker spends the time of one or two plans starting (a thread, the code
 * compiled afresh, the project loaded) before its first plan. It builds a plan whenever the
 * workers have theirs, and each worker keeps a plan queued behind the one it builds, so that it
 * never waits while this thread is busy.
 */
import { Worker } from 'node:worker_threads';
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

/** Plans a worker is given at most at a time: the one it builds and the next. */
const QUEUED = 2;

interface Outcome {
  resolve: (result: DeliveredPlan) => void;
  reject: (error: Error) => void;
}

interface PoolWorker {
  thread: Worker;
  /** Files sent and not yet answered. */
  queued: string[];
  alive: boolean;
}

/** Builds plan files on `workers` worker threads and this thread. */
export class PlanPool {
  private readonly workers: PoolWorker[] = [];
  /** While plans are being built: each file's outcome, and what gives workers with room their next plans. */
  private round: { outcomes: Map<string, Outcome>; feed: () => void } | undefined;

  constructor(workers: number, cwd: string, config: string | undefined) {
    for (let i = 0; i < workers; i++) {
      const worker: PoolWorker = { thread: new Worker(new URL('./worker-entry.js', import.meta.url), { workerData: { cwd, config }, resourceLimits: HEAP_LIMITS }), queued: [], alive: true };
      worker.thread.on('message', ({ file, result }: WorkerResponse) => {
        worker.queued.splice(worker.queued.indexOf(file), 1);
        this.round?.outcomes.get(file)?.resolve(result);
        this.round?.feed();
      });
      worker.thread.on('error', (error) => {
        // A worker that dies takes the plans it was given with it: they fail, the others go on.
        worker.alive = false;
        for (const file of worker.queued.splice(0)) this.round?.outcomes.get(file)?.reject(error);
        this.round?.feed();
      });
      this.workers.push(worker);
    }
  }

  /**
   * Builds every file: on the workers, and on this thread with `buildHere`, each taking the next
   * plan when it has room. Returns each file's result, which settles as the plan is done.
   */
  buildAll(files: readonly string[], delivery: Delivery | undefined, buildHere: (file: string) => DeliveredPlan): Map<string, Promise<DeliveredPlan>> {
    const outcomes = new Map<string, Outcome>();
    const results = new Map(files.map((file) => [file, new Promise<DeliveredPlan>((resolve, reject) => outcomes.set(file, { resolve, reject }))]));
    // A plan the build no longer waits for (it stopped at an earlier failure) must not fail the
    // process when it fails too; the build sees each failure it waits for.
    for (const result of results.values()) result.catch(() => undefined);
    let next = 0;
    const feed = () => {
      for (const worker of this.workers) {
        while (worker.alive && worker.queued.length < QUEUED && next < files.length) {
          const file = files[next++]!;
          worker.queued.push(file);
          worker.thread.postMessage({ file, delivery } satisfies WorkerRequest);
        }
      }
    };
    const round = { outcomes, feed };
    this.round = round;
    const here = async () => {
      feed();
      // Until every plan is taken, or the pool is closed (the build stopped).
      while (next < files.length && this.round === round) {
        const file = files[next++]!;
        try {
          outcomes.get(file)!.resolve(buildHere(file));
        } catch (error) {
          outcomes.get(file)!.reject(error as Error);
        }
        // Let the workers' answers in, and give them their next plans.
        await new Promise((resolve) => setImmediate(resolve));
        if (this.round === round) feed();
      }
    };
    void here();
    return results;
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    this.round = undefined;
    await Promise.all(this.workers.map((worker) => worker.thread.terminate()));
  }
}
