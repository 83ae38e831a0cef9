// A build worker thread's first module (pool.ts starts it): serves the main thread's requests.
import { serveBuilds } from './worker.js';

serveBuilds();
