// Loads the CLI bundled by `npm install` (the `prepare` script, scripts/bundle.mjs), compiled with
// the V8 code cache recorded for it there when this Node accepts that cache: for the command line
// (bin/plan.cjs) and for each build worker thread, which runs the same bundle.
'use strict';
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

const file = join(__dirname, '..', 'dist', 'bundle', 'main.js');
const cacheFile = join(__dirname, '..', 'dist', 'bundle', 'main.cache');

/**
 * The bundle's exports, and `writeCache` to record the code cache once the work is done (so
 * that it holds every function the work compiled, not only the top level).
 */
function loadBundle() {
  const cachedData = process.env.PLAN_WRITE_CODE_CACHE !== '1' && existsSync(cacheFile) ? readFileSync(cacheFile) : undefined;
  // The wrapper Node puts around a CommonJS module.
  // The bundle is ASCII (scripts/bundle.mjs): read as Latin-1, its bytes are its characters, with no decoding.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'latin1')}\n})`, { filename: file, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  return { exports: module.exports, cacheRejected: cachedData === undefined || script.cachedDataRejected === true, writeCache: () => writeFileSync(cacheFile, script.createCachedData()) };
}

module.exports = { loadBundle };
