// The launcher's code cache (scripts/bundle.mjs records it, bin/plan.js hands it to V8): made by
// `npm run build` and accepted by this Node for the bundle it was made for.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const bundle = join(root, 'dist', 'bundle', 'main.js');
// The CommonJS wrapper bin/plan.js compiles the bundle in; the cache holds for this text only.
const WRAPPER_START = '(function (exports, require, module, __filename, __dirname) {';

describe('code cache', () => {
  it('is recorded with the bundle and accepted by V8', () => {
    expect(readFileSync(join(root, 'bin', 'plan.js'), 'utf8')).toContain(WRAPPER_START);
    const cache = join(root, 'dist', 'bundle', 'main.cache');
    expect(existsSync(cache)).toBe(true);
    const script = new Script(`${WRAPPER_START}${readFileSync(bundle, 'utf8')}\n})`, { filename: bundle, cachedData: readFileSync(cache) });
    expect(script.cachedDataRejected).toBe(false);
  });
});
