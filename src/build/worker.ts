/**
 * A build worker: loads the project once, then builds the plan files it is sent, in memory,
 * and posts each result back. The main thread writes; workers never touch the output folder.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { buildPlanFile, type PlanResult } from './pipeline.js';
import { loadProject } from './project.js';

/** What the main thread asks of a worker. */
export interface WorkerRequest {
  id: number;
  file: string;
  compose: boolean;
}

/** What a worker answers. */
export interface WorkerResponse {
  id: number;
  result: PlanResult;
}

const { cwd, config } = workerData as { cwd: string; config?: string };
// The main thread loaded the same project without errors before starting workers.
const { project } = loadProject(cwd, config);

parentPort!.on('message', (request: WorkerRequest) => {
  const result = buildPlanFile(project!, request.file, { compose: request.compose });
  parentPort!.postMessage({ id: request.id, result } satisfies WorkerResponse);
});
