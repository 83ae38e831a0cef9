#!/usr/bin/env node
// Launcher: runs the CLI bundled by `npm install` (the `prepare` script): one file and a few
// shared chunks load in half the time of the compiled modules one by one.
import { main } from '../dist/bundle/main.js';

main(process.argv).then((code) => {
  process.exitCode = code;
});
