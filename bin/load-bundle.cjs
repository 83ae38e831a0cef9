// Loads the CLI bundled by `npm install` (the `prepare` script, scripts/bundle.mjs), compiled with
// the V8 code cache recorded for it there when this Node accepts that cache: for the command line
// (bin/plan.cjs) and for each build worker thread, which runs the same bundle.
'use strict';
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');
const { isMainThread } = require('node:worker_threads');

const file = join(__dirname, '..', 'dist', 'bundle', 'main.js');
const cacheFile = join(__dirname, '..', 'dist', 'bundle', 'main.cache');

// V8 optimises a function once it has run about 66 kB of bytecode. A build runs much of its code
// hot for a short while, and optimising it all cost more than it saved: with four times the
// budget, one plan's whole process took a sixth less time, and a batch of 40 plans took 6% less
// time with 15% less processor time and less peak memory (npm run bench). Optimised code is
// compiled on another thread, which in a batch competes with the building threads for the cores:
// a function is optimised late in a batch (after a dozen plans) and then with everything V8
// inlines into it, up to 40 ms for one. Inlining less (at most 150 bytes of bytecode a callee,
// 150 in all, from 460 and 920) made a batch of 40 plans about 10% quicker, and one plan no
// slower. The flags belong to the process: set once, by the main thread, before the bundle is
// compiled, so that the code cache, recorded with them, holds for every thread.
const V8_FLAGS = '--interrupt-budget=262144 --max-inlined-bytecode-size=150 --max-inlined-bytecode-size-cumulative=150';

/**
 * The bundle's exports, and `writeCache` to record the code cache once the work is done (so
 * that it holds every function the work compiled, not only the top level).
 */
function loadBundle() {
  if (isMainThread) require('node:v8').setFlagsFromString(V8_FLAGS);
  const cachedData = process.env.PLAN_WRITE_CODE_CACHE !== '1' && existsSync(cacheFile) ? readFileSync(cacheFile) : undefined;
  // The wrapper Node puts around a CommonJS module.
  // The bundle is ASCII (scripts/bundle.mjs): read as Latin-1, its bytes are its characters, with no decoding.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'latin1')}\n})`, { filename: file, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  return { exports: module.exports, cacheRejected: cachedData === undefined || script.cachedDataRejected === true, writeCache: () => writeFileSync(cacheFile, script.createCachedData()) };
}

module.exports = { loadBundle, V8_FLAGS };
