/**
 * A build worker's loop: loads the project once, then takes plan files one after another from
 * those the main thread shares out (claims.ts), builds each in memory, writes (or checks) its
 * outputs, and posts back what it wrote (deliver.ts). Started by worker-entry.ts, or in the
 * bundled CLI by the bundle's own worker entry.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { takeNext } from './claims.js';
import { type DeliveredPlan, type Delivery, deliverPlan } from './deliver.js';
import { buildPlanFile } from './pipeline.js';
import { loadProject } from './project.js';
import { AtomicWriter } from './write.js';

/** What the main thread asks of a worker: to take plans from `files` and build and deliver each; without a delivery, only to validate them. */
export interface WorkerRequest {
  files: readonly string[];
  delivery: Delivery | undefined;
  /** Shared with every builder of the round (claims.ts). */
  claims: Int32Array;
  /** This worker, as claims record it. */
  who: number;
}

/** What a worker answers: the plan delivered, or why building it failed inside the tool. */
export type WorkerResponse = { file: string; result: DeliveredPlan } | { file: string; crashed: string };

/** Serves the main thread's requests, in this worker thread, until it is stopped. */
export function serveBuilds(): void {
  const { cwd, config } = workerData as { cwd: string; config?: string };
  // The main thread loaded the same project without errors before starting workers.
  const { project } = loadProject(cwd, config);
  const writer = new AtomicWriter();
  parentPort!.on('message', ({ files, delivery, claims, who }: WorkerRequest) => {
    for (let index = takeNext(claims, who); index >= 0; index = takeNext(claims, who)) {
      const file = files[index]!;
      let response: WorkerResponse;
      try {
        response = { file, result: deliverPlan(buildPlanFile(project!, file, { compose: delivery !== undefined }), delivery, writer) };
      } catch (error) {
        // A fault of the tool on this plan: said for this plan, and the worker takes the next.
        response = { file, crashed: error instanceof Error ? error.message : String(error) };
      }
      parentPort!.postMessage(response);
    }
  });
}
