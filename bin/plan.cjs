#!/usr/bin/env node
// Launcher: runs the bundled CLI (bin/load-bundle.cjs). CommonJS, like the bundle: an ES module
// entry made Node load its module loader and the fifteen built-in modules that loader needs, for
// one `require`, about 10 ms of every command.
'use strict';
const bundle = require('./load-bundle.cjs').loadBundle();

bundle.exports.main(process.argv).then((code) => {
  if (process.env.PLAN_WRITE_CODE_CACHE === '1') bundle.writeCache();
  // Exit once what was printed has reached the terminal or pipe. Nothing else is pending when a
  // command ends, but V8 may have scheduled a step of garbage collection, and waiting for it kept
  // the process alive for up to 30 ms after the work was done.
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
});
