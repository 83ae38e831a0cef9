/**
 * A pool of build workers (worker threads), so that a build of many plans uses every core. Each
 * worker builds a plan and writes its outputs; only what was written comes back.
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

/** Builds plan files on `size` worker threads; results come back as each finishes. */
export class PlanPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly waiting: { request: WorkerRequest; resolve: (result: DeliveredPlan) => void; reject: (error: Error) => void }[] = [];
  private readonly pending = new Map<number, { resolve: (result: DeliveredPlan) => void; reject: (error: Error) => void }>();
  /** The request each busy worker is on. */
  private readonly busy = new Map<Worker, number>();
  private nextId = 0;

  constructor(size: number, cwd: string, config: string | undefined) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: { cwd, config }, resourceLimits: HEAP_LIMITS });
      worker.on('message', (response: WorkerResponse) => {
        this.pending.get(response.id)?.resolve(response.result);
        this.pending.delete(response.id);
        this.release(worker);
      });
      worker.on('error', (error) => {
        // A worker that dies takes its plan with it: that plan fails, the others go on.
        const id = this.busy.get(worker);
        if (id !== undefined) this.pending.get(id)?.reject(error);
        this.pending.delete(id ?? -1);
        this.busy.delete(worker);
      });
      this.workers.push(worker);
      this.idle.push(worker);
    }
  }

  /** Builds and delivers one plan file on the next free worker. */
  run(file: string, delivery: Delivery | undefined): Promise<DeliveredPlan> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ request: { id: this.nextId++, file, delivery }, resolve, reject });
      this.dispatch();
    });
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private release(worker: Worker): void {
    this.busy.delete(worker);
    this.idle.push(worker);
    this.dispatch();
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.waiting.length > 0) {
      const worker = this.idle.pop()!;
      const job = this.waiting.shift()!;
      this.pending.set(job.request.id, { resolve: job.resolve, reject: job.reject });
      this.busy.set(worker, job.request.id);
      worker.postMessage(job.request);
    }
  }
}
