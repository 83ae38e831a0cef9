#!/usr/bin/env node
// Launcher: runs the CLI bundled by `npm install` (the `prepare` script, scripts/bundle.mjs),
// compiled with the V8 code cache recorded for it there, when this Node accepts that cache.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';

const file = fileURLToPath(new URL('../dist/bundle/main.js', import.meta.url));
const cacheFile = fileURLToPath(new URL('../dist/bundle/main.cache', import.meta.url));
const writeCache = process.env.PLAN_WRITE_CODE_CACHE === '1';

const cachedData = !writeCache && existsSync(cacheFile) ? readFileSync(cacheFile) : undefined;
// The wrapper Node puts around a CommonJS module.
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`, { filename: file, cachedData });
// V8 optimises a function once it has run about 66 kB of bytecode. A build runs much of its code
// hot for a short while, and optimising it all cost more than it saved: with four times the
// budget, one plan's whole process took a sixth less time, and a batch of 40 plans took 6% less
// time with 15% less processor time and less peak memory (npm run bench). Optimised code is
// compiled on another thread, which in a batch competes with the other build workers for the
// cores: a function is optimised late in a batch (after a dozen plans) and then with everything
// V8 inlines into it, up to 40 ms for one. Inlining less (at most 150 bytes of bytecode a
// callee, 150 in all, from 460 and 920) made a batch of 40 plans about 10% quicker, and one plan
// no slower. Set after the bundle is compiled, so that V8 still accepts the code cache, which was
// recorded without them.
if (!writeCache) setFlagsFromString('--interrupt-budget=262144 --max-inlined-bytecode-size=150 --max-inlined-bytecode-size-cumulative=150');
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));

module.exports.main(process.argv).then((code) => {
  // After the run, so that the cache holds every function the build compiled, not only the top level.
  if (writeCache) writeFileSync(cacheFile, script.createCachedData());
  // Exit once what was printed has reached the terminal or pipe. Nothing else is pending when a
  // command ends, but V8 may have scheduled a step of garbage collection, and waiting for it kept
  // the process alive for up to 30 ms after the work was done.
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
});
