/**
 * A build worker's loop: loads the project once, then builds the plan files it is sent, in
 * memory, writes (or checks) each plan's outputs, and posts back what it wrote (deliver.ts).
 * Started by worker-entry.ts, or in the bundled CLI by the bundle's own worker entry.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type DeliveredPlan, type Delivery, deliverPlan } from './deliver.js';
import { buildPlanFile } from './pipeline.js';
import { loadProject } from './project.js';
import { AtomicWriter } from './write.js';

/** What the main thread asks of a worker: a plan to build and deliver; without a delivery, only to check. */
export interface WorkerRequest {
  file: string;
  delivery: Delivery | undefined;
}

/** What a worker answers. */
export interface WorkerResponse {
  file: string;
  result: DeliveredPlan;
}

/** Serves the main thread's requests, in this worker thread, until it is stopped. */
export function serveBuilds(): void {
  const { cwd, config } = workerData as { cwd: string; config?: string };
  // The main thread loaded the same project without errors before starting workers.
  const { project } = loadProject(cwd, config);
  const writer = new AtomicWriter();
  parentPort!.on('message', ({ file, delivery }: WorkerRequest) => {
    const result = deliverPlan(buildPlanFile(project!, file, { compose: delivery !== undefined }), delivery, writer);
    parentPort!.postMessage({ file, result } satisfies WorkerResponse);
  });
}
